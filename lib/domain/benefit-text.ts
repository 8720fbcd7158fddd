/**
 * How a benefit status and a unit's arrears read to the person (DOMAIN §3, §6, §9): the dates of the
 * status in words, and the arrears warning on the contributions page. The rules themselves are in
 * benefit-status.ts; this file only phrases their answers.
 */
import { type ArrearsConsequences, BENEFIT_STATUS_LABEL, type BenefitStatus } from "./benefit-status";
import { DomainError } from "./errors";
import { type Month, monthParts } from "./month";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-09-01" → "2026年9月1日" */
export function formatDayZh(day: string): string {
  const m = DAY.exec(day);
  if (!m) throw new DomainError("INVALID_DATE", `日期格式应为 YYYY-MM-DD,收到“${day.slice(0, 20)}”`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** "2026-09" → "2026年9月" */
export function formatMonthZh(month: Month): string {
  const { year, month: m } = monthParts(month);
  return `${year}年${m}月`;
}

/** "2026年8月、9月、10月" or "2025年12月、2026年1月": the year is repeated only when it changes. */
export function formatMonthListZh(months: readonly Month[]): string {
  let year: number | null = null;
  return months
    .map((month) => {
      const p = monthParts(month);
      const text = p.year === year ? `${p.month}月` : `${p.year}年${p.month}月`;
      year = p.year;
      return text;
    })
    .join("、");
}

/** The dates of a status in one phrase, e.g. "2026年9月1日起暂停统筹待遇". */
export function benefitPeriodText(s: Pick<BenefitStatus, "status" | "since" | "until">): string {
  const from = s.since === null ? "" : `${formatDayZh(s.since)}起`;
  const to = s.until === null ? "" : `至${formatDayZh(s.until)}`;
  switch (s.status) {
    case "SUSPENDED":
      return `${from}${to}暂停统筹待遇`;
    case "WAITING":
      return `待遇等待期${s.since === null ? "" : `自${formatDayZh(s.since)}`}${to}`;
    case "ENDED":
      return s.since === null
        ? s.until === null
          ? "未享受医保待遇"
          : `${to}未享受医保待遇`
        : `${from}终止医保待遇`;
    case "NORMAL":
      return `${from}${to}正常享受医保待遇`;
  }
}

/** "暂停 · 单位欠费" */
export function benefitHeadline(s: Pick<BenefitStatus, "status" | "reason">): string {
  return `${BENEFIT_STATUS_LABEL[s.status]} · ${s.reason}`;
}

export interface ArrearsNotice {
  title: string;
  /** Which months are owed. */
  owed: string;
  /** When benefits stop, or stopped. */
  suspension: string;
  /** The deadline for having the gap's medical costs paid, with the days left. */
  deadline: string;
  /** What restores benefits. */
  restore: string;
}

/**
 * The warning a person sees while their unit owes contributions for them (DOMAIN §6): arrears of
 * month M stop benefits from M+1; paid up by the end of M+3 the gap's costs are still paid; benefits
 * resume the month after paying up. `consequences` is arrearsConsequences(oldest unpaid month, today).
 */
export function arrearsNotice(options: {
  unpaidMonths: readonly Month[];
  consequences: ArrearsConsequences;
  today: string;
  byUnit: boolean;
}): ArrearsNotice {
  const { unpaidMonths, consequences: c, today, byUnit } = options;
  if (unpaidMonths.length === 0) throw new RangeError("arrearsNotice: no unpaid months");
  const who = byUnit ? "您所在单位" : "您";
  const payer = byUnit ? "单位" : "您";
  const started = today >= c.suspendedFrom;
  const deadline = formatDayZh(c.coverDeadline);
  return {
    title: byUnit ? "单位欠费提醒" : "欠费提醒",
    owed: `${who}尚未缴清${formatMonthListZh(unpaidMonths)}的医保费(共${unpaidMonths.length}个月)。`,
    suspension: started
      ? `已于${formatDayZh(c.suspendedFrom)}起暂停统筹待遇。`
      : `将于${formatDayZh(c.suspendedFrom)}起暂停统筹待遇。`,
    deadline: c.coverable
      ? c.daysLeft === 0
        ? `今天(${deadline})是最后期限:今天补缴的,停保期间发生的医疗费用仍按规定支付。`
        : `补缴期限还剩${c.daysLeft}天:${deadline}(含)前补缴的,停保期间发生的医疗费用按规定支付;逾期不再支付。`
      : `已超过补缴期限(${deadline}):停保期间发生的医疗费用不予支付,补缴后个人账户按规定补划。`,
    restore: `${payer}补缴全部欠费后,次月起恢复统筹待遇。`,
  };
}
