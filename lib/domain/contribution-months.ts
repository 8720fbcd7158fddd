/**
 * Employee medical-insurance contribution months 职工医保缴费月数 of one person, counted from their own
 * record, for the retirement-years check (DOMAIN §6). Pure: the service loads the rows.
 *
 * How the record is read (assumptions, stated on the page too):
 * - Only employee insurance (随单位 or 以个人身份) counts; resident insurance months do not.
 * - Every month of an employee enrolment counts, from its first month to its last, and no further than
 *   the month before `asOf` (this month's contribution is not due yet), nor past the month before
 *   retirement (retirees pay no contributions, DOMAIN §5).
 * - A month with a contribution line that is not paid up (arrears) does not count; a month without a
 *   line counts, because the enrolment says the person was insured and the lines only begin when this
 *   system's records do.
 * - A month covered by two enrolments counts once.
 * - Deemed years 视同缴费年限 and months insured outside Chongqing are not in this record, so all
 *   counted months are actual months in Chongqing.
 */
import { addMonths, type Month } from "./month";

export interface ContributionRecord {
  enrolments: readonly { category: "EMPLOYEE_UNIT" | "EMPLOYEE_INDIVIDUAL" | "RESIDENT"; startMonth: Month; endMonth: Month | null }[];
  /** Contribution lines (unit employees), with whether the month is paid up. */
  contributions: readonly { month: Month; paid: boolean }[];
  /** First month in retirement, for retirees. */
  retiredFrom: Month | null;
  /** The month of the day asked about; months up to the one before it are counted. */
  asOf: Month;
}

export interface ContributionMonthsCount {
  /** Employee-insurance months counted (all of them in Chongqing). */
  months: number;
  /** Employee-insurance months not counted because their contribution is in arrears. */
  unpaidMonths: number;
  /** Months of resident insurance, which do not count towards employee years. */
  residentMonths: number;
  /** First and last month counted; null when nothing counts. */
  firstMonth: Month | null;
  lastMonth: Month | null;
  /** Last month the count can include. */
  countedThrough: Month;
}

/** Whole years and months: 172 → { years: 14, months: 4 }. */
export function yearsAndMonths(months: number): { years: number; months: number } {
  return { years: Math.floor(months / 12), months: months % 12 };
}

export function countContributionMonths(record: ContributionRecord): ContributionMonthsCount {
  const lastDue = addMonths(record.asOf, -1);
  const employeeLimit = record.retiredFrom !== null && addMonths(record.retiredFrom, -1) < lastDue ? addMonths(record.retiredFrom, -1) : lastDue;
  const unpaid = new Set<Month>();
  const paid = new Set<Month>();
  for (const c of record.contributions) (c.paid ? paid : unpaid).add(c.month);
  // Two units declaring the same month: it counts when one of them is paid.
  for (const m of paid) unpaid.delete(m);

  const employee = new Set<Month>();
  const resident = new Set<Month>();
  for (const e of record.enrolments) {
    const isEmployee = e.category !== "RESIDENT";
    const limit = isEmployee ? employeeLimit : lastDue;
    const end = e.endMonth !== null && e.endMonth < limit ? e.endMonth : limit;
    for (let m = e.startMonth; m <= end; m = addMonths(m, 1)) (isEmployee ? employee : resident).add(m);
  }

  const counted = [...employee].filter((m) => !unpaid.has(m)).sort();
  return {
    months: counted.length,
    unpaidMonths: employee.size - counted.length,
    residentMonths: [...resident].filter((m) => !employee.has(m)).length,
    firstMonth: counted[0] ?? null,
    lastMonth: counted.at(-1) ?? null,
    countedThrough: employeeLimit,
  };
}
