/** Dates as Chongqing sees them: every business date and year boundary is in China Standard Time (UTC+8, no DST). */

const CST_OFFSET_MS = 8 * 3600_000;

export const TIME_ZONE = "Asia/Shanghai";

/** The instant at which a calendar year starts in Chongqing. */
export function startOfYearCst(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - CST_OFFSET_MS);
}

export function yearOfCst(date: Date): number {
  return new Date(date.getTime() + CST_OFFSET_MS).getUTCFullYear();
}

function parts(date: Date) {
  const d = new Date(date.getTime() + CST_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** "2026-11-28" */
export function formatDateCst(date: Date): string {
  return parts(date).date;
}

/** "2026-11-28 09:30" */
export function formatDateTimeCst(date: Date): string {
  const p = parts(date);
  return `${p.date} ${p.time}`;
}

/** A business date "YYYY-MM-DD" at noon CST, so it is that day in every time zone a server may run in. */
export function cstNoon(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+08:00`);
}
