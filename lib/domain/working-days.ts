/**
 * Working days for counter deadlines (DOMAIN §8: a reissued card is ready 15 working days after a formal
 * loss). Weekends are skipped; public holidays and 调休 make-up Saturdays are not modelled (assumed), so a
 * date over a holiday can come a few days early and the counter says "预计".
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(isoDate: string): Date {
  const m = ISO_DATE.exec(isoDate);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`not a calendar date: ${isoDate}`);
  }
  return date;
}

export function isWorkingDay(isoDate: string): boolean {
  const day = parse(isoDate).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The date `n` working days after `isoDate` (the start day itself never counts, whatever day it is):
 * a loss reported on Friday with n = 1 is ready on Monday.
 */
export function addWorkingDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  const date = parse(isoDate);
  let left = n;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}
