import { DomainError } from "./errors";

/** A calendar month "YYYY-MM". */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(input: string): Month {
  if (!MONTH.test(input)) throw new DomainError("INVALID_MONTH", `月份格式应为 YYYY-MM,收到“${input.slice(0, 20)}”`);
  return input;
}

export function monthParts(month: Month): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new DomainError("INVALID_MONTH", `月份格式应为 YYYY-MM,收到“${month.slice(0, 20)}”`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function addMonths(month: Month, n: number): Month {
  const { year, month: m } = monthParts(month);
  const index = year * 12 + (m - 1) + n;
  // Years before 1000 keep four digits ("0999-12"), or the result is no month and sorts wrongly (found by fuzzing).
  const y = Math.floor(index / 12);
  return `${y >= 0 ? String(y).padStart(4, "0") : y}-${String((((index % 12) + 12) % 12) + 1).padStart(2, "0")}`;
}

/** Inclusive list of months from `from` to `to`. */
export function monthRange(from: Month, to: Month): Month[] {
  // Both ends checked first: an invalid `to` compared as a string let the loop run to the year 10000 (found by fuzzing).
  monthParts(from);
  monthParts(to);
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Whole years of age reached by the given month (birthday month counts as reached). */
export function ageInMonth(birthDate: string, month: Month): number {
  const { year, month: m } = monthParts(month);
  const [by, bm] = birthDate.split("-").map(Number) as [number, number];
  return year - by - (m < bm ? 1 : 0);
}
