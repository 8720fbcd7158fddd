/**
 * What the employer clerk is shown about the unit's months (DOMAIN §6 "Contributions and arrears", §9
 * employer clerk): each month's arrears and the running total after FIFO settlement, what a month's
 * state means for one employee's line, the dates on which unpaid months start to cost the employees
 * something, and what the unit has to pay, by when, to avoid or undo it.
 *
 * The money itself has already been settled oldest month first by lib/domain/arrears.ts (the services
 * keep each unit month's paid amount up to date). Because a payment can only ever go to the oldest
 * month that still owes, "pay up month M" always means "pay the running arrears through M".
 */
import { arrearsConsequences } from "./benefit-status";
import { formatDateCst } from "./dates";
import { DomainError } from "./errors";
import type { Fen } from "./money";
import { addMonths, type Month, monthParts } from "./month";

export interface UnitMonthTotals {
  month: Month;
  dueFen: Fen;
  /** What payments have settled of it so far (FIFO), never more than dueFen. */
  paidFen: Fen;
}

export interface UnitMonthArrears extends UnitMonthTotals {
  arrearsFen: Fen;
  /** Arrears of this month and every earlier one (累计欠费): what paying up this month takes. */
  runningArrearsFen: Fen;
}

/** The unit's months, oldest first, with each month's arrears and the running arrears after it. */
export function runningArrears(months: readonly UnitMonthTotals[]): {
  months: UnitMonthArrears[];
  arrearsFen: Fen;
} {
  const seen = new Set<Month>();
  for (const m of months) {
    monthParts(m.month);
    if (seen.has(m.month)) throw new DomainError("DUPLICATE_MONTH", `月份 ${m.month} 重复`);
    seen.add(m.month);
    if (m.dueFen < 0n || m.paidFen < 0n || m.paidFen > m.dueFen) {
      throw new DomainError("INVALID_AMOUNT", `${m.month} 的已缴金额应在0与应缴金额之间`);
    }
  }
  let runningFen = 0n;
  const out = [...months]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((m) => {
      const arrearsFen = m.dueFen - m.paidFen;
      runningFen += arrearsFen;
      return { ...m, arrearsFen, runningArrearsFen: runningFen };
    });
  return { months: out, arrearsFen: runningFen };
}

export type EmployeeMonthState = "PAID" | "UNPAID" | "MONTH_PART_PAID";

export const EMPLOYEE_MONTH_STATE_LABEL: Record<EmployeeMonthState, string> = {
  PAID: "已缴清",
  UNPAID: "欠缴",
  MONTH_PART_PAID: "欠缴(单位当月部分缴纳)",
};

/**
 * One employee's line in a unit month. Payments settle the unit's month as a whole, not employee by
 * employee, and benefits follow the month being paid up (DOMAIN §6), so until the whole month is paid
 * every employee of it is shown as owing their full line; a partly paid month says so on its state.
 */
export function employeeMonthPayment(
  lineDueFen: Fen,
  month: { dueFen: Fen; paidFen: Fen; paidUpAt: Date | null },
): { state: EmployeeMonthState; paidFen: Fen; arrearsFen: Fen } {
  if (lineDueFen < 0n) throw new DomainError("INVALID_AMOUNT", "应缴金额不能为负数");
  if (month.paidUpAt !== null || month.paidFen >= month.dueFen) {
    return { state: "PAID", paidFen: lineDueFen, arrearsFen: 0n };
  }
  return { state: month.paidFen > 0n ? "MONTH_PART_PAID" : "UNPAID", paidFen: 0n, arrearsFen: lineDueFen };
}

export interface ContributionPartsInput {
  unitBasicFen: Fen;
  employeeBasicFen: Fen;
  unitMutualAidFen: Fen;
  employeeMutualAidFen: Fen;
}

export interface ContributionParts {
  /** What the unit pays from its own pocket: basic medical 8.5% + mutual aid 1.5%. */
  unitPartFen: Fen;
  /** What is withheld from the wage: basic medical 2% + mutual aid 5.00 元. */
  employeePartFen: Fen;
  /** 大额医疗互助, unit and employee shares together (already inside the two parts above). */
  mutualAidFen: Fen;
  /** unit part + employee part: the amount due (lib/domain/contributions.ts `dueFen`). */
  dueFen: Fen;
}

/** The clerk's view of a line (or a sum of lines): who pays what, and the mutual aid in it. */
export function contributionParts(line: ContributionPartsInput): ContributionParts {
  const unitPartFen = line.unitBasicFen + line.unitMutualAidFen;
  const employeePartFen = line.employeeBasicFen + line.employeeMutualAidFen;
  return {
    unitPartFen,
    employeePartFen,
    mutualAidFen: line.unitMutualAidFen + line.employeeMutualAidFen,
    dueFen: unitPartFen + employeePartFen,
  };
}

export type ConsequenceKind = "BENEFITS_STOP" | "GAP_NOT_COVERED";

export const CONSEQUENCE_LABEL: Record<ConsequenceKind, string> = {
  BENEFITS_STOP: "职工停止享受医保统筹待遇",
  GAP_NOT_COVERED: "停保期间的医疗费用不再予以支付",
};

export interface ArrearsConsequence {
  kind: ConsequenceKind;
  /** The unpaid month that causes it. */
  month: Month;
  /** First day it applies, "YYYY-MM-DD". */
  date: string;
  /** Last day on which paying avoids it. */
  payBy: string;
  /** What the unit must have paid by `payBy` (FIFO: the running arrears through `month`). */
  amountFen: Fen;
  /** Days from today to `payBy`: 0 on the day itself, negative once it has passed. */
  daysLeft: number;
}

export interface UnitArrearsOutlook {
  /** Oldest month that still owes, or null when nothing is owed. */
  arrearsSince: Month | null;
  /** Consequences that already apply today, oldest first. */
  inEffect: ArrearsConsequence[];
  /** Consequences still to come, soonest first. */
  upcoming: ArrearsConsequence[];
  /** The soonest of `upcoming`: the next date on which something changes unless the unit pays. */
  next: ArrearsConsequence | null;
}

/**
 * For every month that still owes (DOMAIN §6): benefits stop on the first day of M+1, and paying up
 * after the last day of M+3 no longer gets the suspension's medical costs paid, so from the first day
 * of M+4 that is settled (benefit-status.ts `arrearsConsequences` holds the reading of "3 months").
 */
export function unitArrearsOutlook(
  months: readonly UnitMonthArrears[],
  today: Date | string,
): UnitArrearsOutlook {
  const day = typeof today === "string" ? today : formatDateCst(today);
  const all: ArrearsConsequence[] = [];
  for (const m of months) {
    if (m.arrearsFen <= 0n) continue;
    const c = arrearsConsequences(m.month, day);
    const base = { month: m.month, amountFen: m.runningArrearsFen };
    const stopPayBy = lastDayOf(m.month);
    all.push({
      kind: "BENEFITS_STOP",
      date: c.suspendedFrom,
      payBy: stopPayBy,
      daysLeft: daysBetween(day, stopPayBy),
      ...base,
    });
    all.push({
      kind: "GAP_NOT_COVERED",
      date: `${addMonths(m.month, 4)}-01`,
      payBy: c.coverDeadline,
      daysLeft: c.daysLeft,
      ...base,
    });
  }
  const order = (a: ArrearsConsequence, b: ArrearsConsequence) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
  all.sort(order);
  const inEffect = all.filter((c) => c.date <= day);
  const upcoming = all.filter((c) => c.date > day);
  const open = [...months].filter((m) => m.arrearsFen > 0n).sort((a, b) => (a.month < b.month ? -1 : 1));
  return { arrearsSince: open[0]?.month ?? null, inEffect, upcoming, next: upcoming[0] ?? null };
}

export interface EmployeeArrearsOutlook {
  /** This employee's months at the unit that still owe, oldest first. */
  unpaidMonths: Month[];
  /** Benefits stop (or stopped) on this day because of the oldest unpaid month. */
  suspendedFrom: string;
  /** Paying up the oldest unpaid month by this day keeps the suspension's medical costs covered. */
  coverDeadline: string;
  daysLeft: number;
  coverable: boolean;
  /** What the unit must pay by coverDeadline: running arrears through the oldest unpaid month. */
  payToCoverFen: Fen;
  /** What the unit must pay to end the suspension: running arrears through the newest unpaid month. */
  payToRestoreFen: Fen;
}

/**
 * An employee's outlook from the unit's months: null when none of the employee's months owes anything.
 * `employeeMonths` are the months the employee has a line in at this unit.
 */
export function employeeArrearsOutlook(
  employeeMonths: readonly Month[],
  unitMonths: readonly UnitMonthArrears[],
  today: Date | string,
): EmployeeArrearsOutlook | null {
  const byMonth = new Map(unitMonths.map((m) => [m.month, m]));
  const unpaid = [...new Set(employeeMonths)]
    .filter((month) => (byMonth.get(month)?.arrearsFen ?? 0n) > 0n)
    .sort();
  const oldest = unpaid[0];
  const newest = unpaid.at(-1);
  if (oldest === undefined || newest === undefined) return null;
  const c = arrearsConsequences(oldest, today);
  return {
    unpaidMonths: unpaid,
    suspendedFrom: c.suspendedFrom,
    coverDeadline: c.coverDeadline,
    daysLeft: c.daysLeft,
    coverable: c.coverable,
    payToCoverFen: byMonth.get(oldest)!.runningArrearsFen,
    payToRestoreFen: byMonth.get(newest)!.runningArrearsFen,
  };
}

/** "2026-08 至 2026-10(3个月)", "2026-08", or "2025-03、2025-05(2个月)" when not consecutive. */
export function describeMonths(months: readonly Month[]): string {
  const sorted = [...new Set(months)].sort();
  if (sorted.length === 0) return "";
  if (sorted.length === 1) return sorted[0]!;
  const consecutive = sorted.every((m, i) => i === 0 || addMonths(sorted[i - 1]!, 1) === m);
  if (consecutive) return `${sorted[0]} 至 ${sorted.at(-1)}(${sorted.length}个月)`;
  const shown = sorted.length <= 4 ? sorted.join("、") : `${sorted.slice(0, 3).join("、")} 等`;
  return `${shown}(${sorted.length}个月)`;
}

function lastDayOf(month: Month): string {
  const { year, month: m } = monthParts(month);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
