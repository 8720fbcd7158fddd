/**
 * The month-end balances behind the overview's 24-month chart, and the chart's value axis.
 *
 * A month-end balance is the balance after the latest-posted entry dated before the month ended, the
 * same reading get-year-summary uses for 上年结转, so December's point equals next year's carried-over
 * figure. The database hands over only the last-posted entry of each month that has entries; a month
 * without entries carries the balance forward, and a month before the account's first entry has none.
 */
import type { Fen } from "./money";
import { addMonths, type Month, monthParts } from "./month";

export interface MonthLastEntry {
  month: Month;
  /** Id of the month's last-posted entry: ids grow in posting order. */
  entryId: bigint;
  balanceAfterFen: Fen;
}

export interface MonthEndBalance {
  month: Month;
  /** null: the account had no entry yet by the end of this month. */
  balanceFen: Fen | null;
}

/** The `count` months ending with `last`, oldest first. */
export function lastMonths(last: Month, count: number): Month[] {
  monthParts(last);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`lastMonths: count ${count} must be a positive integer`);
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

export function monthEndSeries(months: readonly Month[], rows: readonly MonthLastEntry[]): MonthEndBalance[] {
  const sorted = [...rows].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  let next = 0;
  let latest: MonthLastEntry | null = null;
  return months.map((month) => {
    while (next < sorted.length && sorted[next]!.month <= month) {
      const row = sorted[next]!;
      if (latest === null || row.entryId > latest.entryId) latest = row;
      next += 1;
    }
    return { month, balanceFen: latest === null ? null : latest.balanceAfterFen };
  });
}

export interface ValueAxis {
  /** Top of the axis, at least the largest value (and more than zero). */
  maxFen: Fen;
  /** Gridline values from 0 up to maxFen, evenly spaced. */
  ticksFen: Fen[];
}

const STEPS_YUAN = [1n, 2n, 5n];
const MAX_TICKS = 100;

/**
 * A value axis from 0 with at most `maxTicks` intervals, each a round step (1, 2 or 5 × 10ⁿ whole
 * yuan) so every gridline label is a whole, readable amount.
 */
export function valueAxis(largestFen: Fen, maxTicks = 4): ValueAxis {
  // Fewer than one interval never fits, so the search below would not end; a huge count would build a
  // gridline array the size of the amount (both found by fuzzing). A chart has a handful of gridlines.
  if (!Number.isInteger(maxTicks) || maxTicks < 1 || maxTicks > MAX_TICKS)
    throw new RangeError(`valueAxis: maxTicks ${maxTicks} must be an integer from 1 to ${MAX_TICKS}`);
  const largest = largestFen > 0n ? largestFen : 100n;
  let magnitude = 100n;
  for (;;) {
    for (const s of STEPS_YUAN) {
      const step = s * magnitude;
      const intervals = (largest + step - 1n) / step;
      if (intervals <= BigInt(maxTicks)) {
        const ticksFen = Array.from({ length: Number(intervals) + 1 }, (_, i) => BigInt(i) * step);
        return { maxFen: intervals * step, ticksFen };
      }
    }
    magnitude *= 10n;
  }
}

/** "¥25,000": a gridline label in whole yuan (axis values are whole yuan by construction). */
export function axisLabel(fen: Fen): string {
  const yuan = (fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `¥${yuan}`;
}

/** "2025年1月" */
export function monthLabel(month: Month): string {
  const { year, month: m } = monthParts(month);
  return `${year}年${m}月`;
}
