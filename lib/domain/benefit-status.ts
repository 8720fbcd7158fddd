/**
 * Benefit status 待遇状态 for a given day (DOMAIN §3, §6; seed 004 questions 03 and 04), computed from
 * enrolment and contribution history, never typed in. Days are China calendar days (CST).
 *
 * Every rule below switches on the first day of a month, so the status is worked out per month and a
 * day takes the status of its month; `since` / `until` are the edges of the run of months with the
 * same answer. The answer uses everything in the input, including payments made after the day asked
 * about: that is how a claim inside a covered gap is paid later ("中断期间的待遇可按规定追溯享受").
 *
 * Reading of the input:
 * - A contribution month with `paidUpAt: null` is in arrears. A month that is not listed has no amount
 *   recorded as due (not declared yet, or before the records begin) and is not arrears: arrears are
 *   only what the collector has assessed, the same months the clerk sees as owed. An undeclared month
 *   becomes arrears once it is assessed and listed.
 * - Only months inside the enrolment that covers the day count: arrears left at a former unit do not
 *   suspend cover under the next one.
 * - Waiting periods apply to individual enrolments only (EMPLOYEE_INDIVIDUAL, RESIDENT). Seed 004 Q03
 *   sets the 6-month wait for "首次以个人身份参加或参保后中断缴费超过3个月接续" and DOMAIN §6 says
 *   "First individual enrolment, or an individual break"; Q04 on unit insurance names no waiting
 *   period, only suspension for arrears. So a unit-insured employee is covered from the first month of
 *   the enrolment, whatever came before.
 * - A break is the run of months between one enrolment's end and the next one's start.
 */
import { formatDateCst } from "./dates";
import { DomainError } from "./errors";
import { addMonths, type Month, monthParts } from "./month";

export type InsuranceCategory = "EMPLOYEE_UNIT" | "EMPLOYEE_INDIVIDUAL" | "RESIDENT";

/**
 * SWITCHED: left for another insurance (the next enrolment says which). STOPPED: stopped paying or was
 * taken off (减员, 停保). Both leave the door open to continue; transfer out and death close it.
 */
export type EndReason = "TRANSFERRED_OUT" | "DECEASED" | "SWITCHED" | "STOPPED";

/** One continuous period in one insurance (the Enrolment table's row). */
export interface EnrolmentPeriod {
  category: InsuranceCategory;
  startMonth: Month;
  /** Last month covered; null while it lasts. */
  endMonth: Month | null;
  endReason?: EndReason;
  /**
   * The break before this enrolment was paid back (补缴). Alternatively, list every month of the break
   * as a paid contribution month; either counts.
   */
  gapPaid?: boolean;
}

export interface ContributionMonth {
  month: Month;
  /** When the month became fully paid (see allocatePayments); null while it is in arrears. */
  paidUpAt: Date | null;
}

export interface BenefitInput {
  enrolments: readonly EnrolmentPeriod[];
  contributions: readonly ContributionMonth[];
  /**
   * First month in retirement (退休), if retired. Retirees pay no contributions (DOMAIN §5), so they are
   * NORMAL while enrolled; arrears of in-service months had to be settled when retirement was processed
   * (seed 004 Q10, DOMAIN §6 retirement eligibility) and are not looked at again.
   */
  retiredFrom?: Month | null;
}

export type BenefitStatusCode = "NORMAL" | "SUSPENDED" | "WAITING" | "ENDED";

export type BenefitReasonCode =
  | "INSURED"
  | "RETIRED"
  | "ARREARS_GAP_COVERED"
  | "BREAK_GAP_COVERED"
  | "UNIT_ARREARS"
  | "ARREARS"
  | "PAID_AFTER_3_MONTHS"
  | "FIRST_ENROLMENT"
  | "BREAK_OVER_3_MONTHS"
  | "SWITCH_NOT_EXEMPT"
  | "TRANSFERRED_OUT"
  | "DECEASED"
  | "STOPPED"
  | "NOT_ENROLLED";

export const BENEFIT_STATUS_LABEL: Record<BenefitStatusCode, string> = {
  NORMAL: "正常",
  SUSPENDED: "暂停",
  WAITING: "等待期",
  ENDED: "终止",
};

export const BENEFIT_REASON_LABEL: Record<BenefitReasonCode, string> = {
  INSURED: "正常参保",
  RETIRED: "退休人员",
  ARREARS_GAP_COVERED: "欠费3个月内已补缴,停保期间待遇照常",
  BREAK_GAP_COVERED: "中断期间已补缴,待遇追溯享受",
  UNIT_ARREARS: "单位欠费",
  ARREARS: "欠缴医保费",
  PAID_AFTER_3_MONTHS: "欠费超过3个月后补缴,中断期间医疗费用不予支付",
  FIRST_ENROLMENT: "新参保等待期",
  BREAK_OVER_3_MONTHS: "中断缴费超过3个月",
  SWITCH_NOT_EXEMPT: "职工医保与居民医保切换等待期",
  TRANSFERRED_OUT: "已转出",
  DECEASED: "已身故",
  STOPPED: "已停保",
  NOT_ENROLLED: "未参保",
};

export interface BenefitStatus {
  status: BenefitStatusCode;
  /** Machine-readable reason; a day before any enrolment is ENDED with NOT_ENROLLED. */
  reasonCode: BenefitReasonCode;
  reason: string;
  /** First day of this status, "YYYY-MM-DD"; null when it holds as far back as the records go. */
  since: string | null;
  /** Last day of this status when the records already show its end (end of a waiting period, a paid gap). */
  until: string | null;
  /** The day lies in a suspension or break whose medical costs are covered because it was paid back in time. */
  gapCovered?: boolean;
  /** Contribution months paid back after the 3-month window whose suspension covers this day: credited as 补划. */
  backCredit?: Month[];
  /** What restores benefits, for the person and the clerk. */
  restoreHint: string | null;
}

const WAITING_MONTHS = 6;
/** "3个月内接续并补缴" (seed 004 Q04), "中断缴费3个月(含)以内" (Q03). */
const GRACE_MONTHS = 3;
/** "已连续2年(含2年)以上参加基本医疗保险" (seed 004 Q03). */
const SWITCH_CONTINUOUS_MONTHS = 24;

/** The status on `date` (a Date, read as its China calendar day, or "YYYY-MM-DD"). */
export function benefitStatus(input: BenefitInput, date: Date | string): BenefitStatus {
  const day = parseDay(date);
  return answer(prepare(input), day.slice(0, 7), day);
}

/**
 * Only the status code on `date`: what a settlement needs. Same verdict as benefitStatus without
 * walking the months around it for since/until (which makes benefitStatus O(months²) for long records).
 */
export function benefitStatusCode(input: BenefitInput, date: Date | string): BenefitStatusCode {
  return verdict(prepare(input), parseDay(date).slice(0, 7)).status;
}

/** One status per month from `from` to `to`, each as on the month's first day (for the 24-month chart). */
export function benefitTimeline(
  input: BenefitInput,
  from: Month,
  to: Month,
): Array<BenefitStatus & { month: Month }> {
  monthParts(from);
  monthParts(to);
  if (from > to) throw new DomainError("INVALID_RANGE", `起始月份 ${from} 晚于结束月份 ${to}`);
  const ctx = prepare(input);
  const out: Array<BenefitStatus & { month: Month }> = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) {
    out.push({ month, ...answer(ctx, month, `${month}-01`) });
  }
  return out;
}

export interface ArrearsConsequences {
  month: Month;
  /** "从欠费的次月起停止享受基本医疗保险待遇": the first day of M+1. */
  suspendedFrom: string;
  /** Last day on which paying up still gets the suspension's medical costs paid: the last day of M+3. */
  coverDeadline: string;
  /** Days from `today` to coverDeadline: 0 on the deadline itself, negative once it has passed. */
  daysLeft: number;
  coverable: boolean;
}

/**
 * What unpaid month M means, for the warnings on the person's and the clerk's pages.
 * "对3个月内接续并补缴中断缴费期间费用的 … 其补缴费期间发生的医疗费用,按规定予以支付" (seed 004 Q04):
 * benefits stop on M+1-01, and "within 3 months" is read as three whole months of suspension, M+1 to
 * M+3, so paying up on or before the last day of M+3 still covers the gap and the first day of M+4 is
 * too late.
 */
export function arrearsConsequences(month: Month, today: Date | string): ArrearsConsequences {
  monthParts(month);
  const coverDeadline = lastDayOf(addMonths(month, GRACE_MONTHS));
  const daysLeft = daysBetween(parseDay(today), coverDeadline);
  return {
    month,
    suspendedFrom: `${addMonths(month, 1)}-01`,
    coverDeadline,
    daysLeft,
    coverable: daysLeft >= 0,
  };
}

/**
 * Every contribution month that was paid back after its 3-month window, oldest first: the personal
 * account is credited for these as 补划 ("补缴费期间,按规定补划个人账户", seed 004 Q04). A month paid
 * late but within the window gets its ordinary monthly credit, since its gap counts as never having
 * happened.
 */
export function backCreditMonths(input: BenefitInput): Month[] {
  const ctx = prepare(input);
  return ctx.enrolments.flatMap((e) =>
    dueMonthsOf(ctx, e)
      .filter((c) => c.paidDay !== null && paidLate(c.month, c.paidDay))
      .map((c) => c.month),
  );
}

// ---------------------------------------------------------------------------------------------------

interface Context {
  enrolments: EnrolmentPeriod[];
  /** month → China calendar day it was paid up, or null while in arrears */
  paidDays: Map<Month, string | null>;
  retiredFrom: Month | null;
  /** Before `first` and after `last` nothing changes any more. */
  first: Month;
  last: Month;
}

interface Verdict {
  status: BenefitStatusCode;
  reasonCode: BenefitReasonCode;
  gapCovered?: true;
  backCredit?: Month[];
  enrolment?: EnrolmentPeriod;
  oldestUnpaid?: Month;
}

function answer(ctx: Context, month: Month, day: string): BenefitStatus {
  const v = verdict(ctx, month);
  const [start, end] = runAround(ctx, month, v);
  return {
    status: v.status,
    reasonCode: v.reasonCode,
    reason: BENEFIT_REASON_LABEL[v.reasonCode],
    since: start === null ? null : `${start}-01`,
    until: end === null ? null : lastDayOf(end),
    ...(v.gapCovered ? { gapCovered: true } : {}),
    ...(v.backCredit ? { backCredit: v.backCredit } : {}),
    restoreHint: restoreHint(v, day),
  };
}

function verdict(ctx: Context, month: Month): Verdict {
  const e = ctx.enrolments.find((x) => x.startMonth <= month && (x.endMonth === null || month <= x.endMonth));
  if (!e) return outsideEnrolment(ctx, month);
  if (ctx.retiredFrom !== null && ctx.retiredFrom <= month) {
    return { status: "NORMAL", reasonCode: "RETIRED" };
  }
  // A waiting period is a fixed fact that paying cannot shorten, so it is shown before any arrears.
  const waiting = waitingReason(ctx, e);
  if (waiting && month < addMonths(e.startMonth, WAITING_MONTHS)) {
    return { status: "WAITING", reasonCode: waiting, enrolment: e };
  }
  return arrearsVerdict(ctx, e, month) ?? { status: "NORMAL", reasonCode: "INSURED" };
}

/**
 * Arrears of month M suspend from M+1 ("从欠费的次月起停止享受"); paying up resumes cover from the month
 * after ("从完清费用的次月起享受"). The months in between are the gap: covered when M was paid up by the
 * end of M+3, otherwise not, and then M is back-credited.
 */
function arrearsVerdict(ctx: Context, e: EnrolmentPeriod, month: Month): Verdict | null {
  const unpaid: Month[] = [];
  const late: Month[] = [];
  let covered = false;
  for (const { month: m, paidDay } of dueMonthsOf(ctx, e)) {
    if (addMonths(m, 1) > month) continue;
    if (paidDay === null) {
      unpaid.push(m);
      continue;
    }
    const paidMonth = paidDay.slice(0, 7);
    // Paid before the suspension began, or cover has already resumed by this month.
    if (paidMonth <= m || paidMonth < month) continue;
    if (paidLate(m, paidDay)) late.push(m);
    else covered = true;
  }
  const backCredit = late.length > 0 ? { backCredit: late } : {};
  if (unpaid.length > 0) {
    const reasonCode = e.category === "EMPLOYEE_UNIT" ? "UNIT_ARREARS" : "ARREARS";
    return { status: "SUSPENDED", reasonCode, oldestUnpaid: unpaid[0], ...backCredit };
  }
  if (late.length > 0) return { status: "SUSPENDED", reasonCode: "PAID_AFTER_3_MONTHS", ...backCredit };
  if (covered) return { status: "NORMAL", reasonCode: "ARREARS_GAP_COVERED", gapCovered: true };
  return null;
}

function paidLate(month: Month, paidDay: string): boolean {
  return paidDay.slice(0, 7) > addMonths(month, GRACE_MONTHS);
}

/** Contribution months that can suspend cover under this enrolment, oldest first. */
function dueMonthsOf(ctx: Context, e: EnrolmentPeriod): Array<{ month: Month; paidDay: string | null }> {
  const out: Array<{ month: Month; paidDay: string | null }> = [];
  for (const [month, paidDay] of ctx.paidDays) {
    if (month < e.startMonth || (e.endMonth !== null && month > e.endMonth)) continue;
    if (ctx.retiredFrom !== null && month >= ctx.retiredFrom) continue;
    out.push({ month, paidDay });
  }
  return out;
}

/**
 * Why this enrolment starts with a 6-month wait, or null. Seed 004 Q03: "首次以个人身份参加或参保后中断
 * 缴费超过3个月接续 … 等待期为6个月"; and for a switch between employee and resident insurance, "已连续2年
 * (含2年)以上参加 … 且中断缴费3个月(含)以内的, … 补缴后不设待遇享受等待期". The exemption is read as a
 * condition: a switcher who misses it (under 2 years, or the break not paid back) waits 6 months, the
 * most the seed allows ("原则上待遇享受等待期不超过6个月"). Continuing in the same kind of insurance after a
 * break of at most 3 months has no wait.
 */
function waitingReason(ctx: Context, e: EnrolmentPeriod): BenefitReasonCode | null {
  if (e.category === "EMPLOYEE_UNIT") return null;
  const prev = previousEnrolment(ctx, e);
  if (!prev) return "FIRST_ENROLMENT";
  const gap = breakMonths(prev, e);
  if (gap.length > GRACE_MONTHS) return "BREAK_OVER_3_MONTHS";
  if (isEmployee(prev.category) === isEmployee(e.category)) return null;
  const exempt = continuousMonthsUpTo(ctx, prev) >= SWITCH_CONTINUOUS_MONTHS && breakPaid(ctx, e, gap);
  return exempt ? null : "SWITCH_NOT_EXEMPT";
}

function outsideEnrolment(ctx: Context, month: Month): Verdict {
  const prev = ctx.enrolments.filter((e) => e.endMonth !== null && e.endMonth < month).at(-1);
  if (!prev) return { status: "ENDED", reasonCode: "NOT_ENROLLED" };
  if (prev.endReason === "TRANSFERRED_OUT" || prev.endReason === "DECEASED") {
    return { status: "ENDED", reasonCode: prev.endReason };
  }
  const next = ctx.enrolments.find((e) => e.startMonth > month);
  if (next && breakCovered(ctx, prev, next)) {
    return { status: "NORMAL", reasonCode: "BREAK_GAP_COVERED", gapCovered: true };
  }
  return { status: "ENDED", reasonCode: "STOPPED" };
}

/**
 * A break is covered when it lasted at most 3 months, was paid back, and the next enrolment continues
 * without a wait ("补缴后不设待遇享受等待期 … 中断期间的待遇可按规定追溯享受", seed 004 Q03).
 */
function breakCovered(ctx: Context, prev: EnrolmentPeriod, next: EnrolmentPeriod): boolean {
  const gap = breakMonths(prev, next);
  return gap.length <= GRACE_MONTHS && breakPaid(ctx, next, gap) && waitingReason(ctx, next) === null;
}

function breakPaid(ctx: Context, next: EnrolmentPeriod, gap: Month[]): boolean {
  return next.gapPaid === true || gap.every((m) => typeof ctx.paidDays.get(m) === "string");
}

/**
 * The months of the break, but no more than GRACE_MONTHS + 1: a longer break is only ever "too long", and
 * listing a break of centuries for every month of a since/until walk made benefitStatus quadratic (found
 * by fuzzing: minutes for an input with enrolments 1000 years apart).
 */
function breakMonths(prev: EnrolmentPeriod, next: EnrolmentPeriod): Month[] {
  const out: Month[] = [];
  for (
    let m = addMonths(prev.endMonth!, 1);
    m < next.startMonth && out.length <= GRACE_MONTHS;
    m = addMonths(m, 1)
  ) {
    out.push(m);
  }
  return out;
}

function previousEnrolment(ctx: Context, e: EnrolmentPeriod): EnrolmentPeriod | undefined {
  return ctx.enrolments.filter((x) => x.startMonth < e.startMonth).at(-1);
}

/** Months insured without a single missing month, counting back from the end of `last`. */
function continuousMonthsUpTo(ctx: Context, last: EnrolmentPeriod): number {
  let total = 0;
  let e: EnrolmentPeriod | undefined = last;
  while (e) {
    total += monthsInclusive(e.startMonth, e.endMonth!);
    const before = previousEnrolment(ctx, e);
    e = before && addMonths(before.endMonth!, 1) === e.startMonth ? before : undefined;
  }
  return total;
}

function isEmployee(category: InsuranceCategory): boolean {
  return category !== "RESIDENT";
}

/** The first and last month of the run of months around `month` with the same answer. */
function runAround(ctx: Context, month: Month, v: Verdict): [Month | null, Month | null] {
  const key = keyOf(v);
  let start: Month | null = month;
  for (let m = addMonths(month, -1); ; m = addMonths(m, -1)) {
    // Before 0000-01 and after 9999-12 ("-1-12", "10000-01") there are no months, and "10000-01" sorts
    // before "2000-01": the records end there (found by fuzzing).
    if (m < ctx.first || m.length !== 7) {
      start = null;
      break;
    }
    if (keyOf(verdict(ctx, m)) !== key) break;
    start = m;
  }
  let end: Month | null = month;
  for (let m = addMonths(month, 1); ; m = addMonths(m, 1)) {
    if (m > ctx.last || m.length !== 7) {
      end = null;
      break;
    }
    if (keyOf(verdict(ctx, m)) !== key) break;
    end = m;
  }
  return [start, end];
}

// A suspension stays one run even when its cause changes month to month (one unpaid month after
// another); a covered gap is its own run so its edges are shown.
function keyOf(v: Verdict): string {
  return `${v.status}${v.gapCovered ? "+gap" : ""}`;
}

function restoreHint(v: Verdict, day: string): string | null {
  switch (v.reasonCode) {
    case "UNIT_ARREARS":
    case "ARREARS":
      return arrearsHint(v.reasonCode === "UNIT_ARREARS" ? "单位补缴欠费" : "补缴欠费", v.oldestUnpaid!, day);
    case "PAID_AFTER_3_MONTHS":
      return "已补缴欠费,完清费用的次月起恢复待遇;中断期间的医疗费用不予支付,个人账户按规定补划";
    case "FIRST_ENROLMENT":
    case "BREAK_OVER_3_MONTHS":
    case "SWITCH_NOT_EXEMPT":
      return `等待期满后,自${addMonths(v.enrolment!.startMonth, WAITING_MONTHS)}-01起享受医保待遇`;
    case "TRANSFERRED_OUT":
    case "STOPPED":
    case "NOT_ENROLLED":
      return "在本市参保缴费后按规定享受待遇;首次以个人身份参保或中断超过3个月接续的,设6个月等待期";
    default:
      return null;
  }
}

function arrearsHint(who: string, oldestUnpaid: Month, day: string): string {
  const c = arrearsConsequences(oldestUnpaid, day);
  const resume = `${who}后次月恢复统筹待遇`;
  return c.coverable
    ? `${resume};${c.coverDeadline}前补缴的,停保期间的医疗费用按规定支付`
    : `${resume};欠费已超过3个月,停保期间的医疗费用不予支付,个人账户按规定补划`;
}

// --- input ------------------------------------------------------------------------------------------

function prepare(input: BenefitInput): Context {
  const enrolments = [...input.enrolments].sort((a, b) => (a.startMonth < b.startMonth ? -1 : 1));
  validateEnrolments(enrolments);
  const paidDays = new Map<Month, string | null>();
  for (const c of [...input.contributions].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    monthParts(c.month);
    if (paidDays.has(c.month)) throw new DomainError("DUPLICATE_MONTH", `缴费月份 ${c.month} 重复`);
    paidDays.set(c.month, c.paidUpAt === null ? null : parseDay(c.paidUpAt));
  }
  const retiredFrom = input.retiredFrom ?? null;
  if (retiredFrom !== null) monthParts(retiredFrom);
  return { enrolments, paidDays, retiredFrom, ...horizon(enrolments, paidDays, retiredFrom) };
}

function validateEnrolments(sorted: readonly EnrolmentPeriod[]): void {
  sorted.forEach((e, i) => {
    monthParts(e.startMonth);
    if (e.endMonth !== null) monthParts(e.endMonth);
    if (e.endMonth !== null && e.endMonth < e.startMonth) {
      throw new DomainError(
        "INVALID_ENROLMENT",
        `参保记录的结束月份 ${e.endMonth} 早于开始月份 ${e.startMonth}`,
      );
    }
    const next = sorted[i + 1];
    if (next && (e.endMonth === null || next.startMonth <= e.endMonth)) {
      // DOMAIN §3: "A person holds exactly one insurance at a time".
      throw new DomainError("OVERLAPPING_ENROLMENTS", `参保记录重叠:${next.startMonth} 起同时有两条参保记录`);
    }
  });
}

/** Every month in which some rule can switch; outside their span the answer no longer changes. */
function horizon(
  enrolments: readonly EnrolmentPeriod[],
  paidDays: ReadonlyMap<Month, string | null>,
  retiredFrom: Month | null,
): { first: Month; last: Month } {
  const edges: Month[] = [];
  for (const e of enrolments) {
    edges.push(e.startMonth, addMonths(e.startMonth, WAITING_MONTHS));
    if (e.endMonth !== null) edges.push(addMonths(e.endMonth, 1));
  }
  for (const [month, paidDay] of paidDays) {
    edges.push(addMonths(month, 1));
    if (paidDay !== null) edges.push(addMonths(paidDay.slice(0, 7), 1));
  }
  if (retiredFrom !== null) edges.push(retiredFrom);
  if (edges.length === 0) return { first: "9999-12", last: "0000-01" };
  edges.sort();
  return { first: addMonths(edges[0]!, -1), last: addMonths(edges.at(-1)!, 1) };
}

// --- calendar days ----------------------------------------------------------------------------------

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(date: Date | string): string {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new DomainError("INVALID_DATE", "日期无效");
    return formatDateCst(date);
  }
  const m = DAY.exec(date);
  const ok =
    m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && date <= lastDayOf(date.slice(0, 7));
  if (!ok) throw new DomainError("INVALID_DATE", `日期格式应为 YYYY-MM-DD,收到“${date.slice(0, 20)}”`);
  return date;
}

function lastDayOf(month: Month): string {
  const { year, month: m } = monthParts(month);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function monthsInclusive(from: Month, to: Month): number {
  const a = monthParts(from);
  const b = monthParts(to);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}
