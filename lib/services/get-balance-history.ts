/**
 * Month-end balances of the person's account for the chart on the overview: one query hands over the
 * last-posted entry of each month (China calendar), lib/domain/balance-history.ts carries them across
 * months without entries. The last point is the current month, as of now.
 */
import type { Db } from "@/lib/db/client";
import { lastMonths, type MonthEndBalance, monthEndSeries } from "@/lib/domain/balance-history";
import { formatDateCst } from "@/lib/domain/dates";
import { addMonths, type Month } from "@/lib/domain/month";

export const BALANCE_HISTORY_MONTHS = 24;

export interface BalanceHistory {
  points: MonthEndBalance[];
  /** The month still running: its point is the balance now, not at a month end. */
  currentMonth: Month;
}

export async function getBalanceHistory(
  database: Db,
  options: { personId: number; months?: number; now?: Date },
): Promise<BalanceHistory | null> {
  const account = await database.account.findUnique({
    where: { personId: options.personId },
    select: { id: true },
  });
  if (!account) return null;
  const currentMonth = formatDateCst(options.now ?? new Date()).slice(0, 7);
  const months = lastMonths(currentMonth, options.months ?? BALANCE_HISTORY_MONTHS);
  const end = new Date(`${addMonths(currentMonth, 1)}-01T00:00:00+08:00`);
  const rows = await database.$queryRaw<{ month: string; id: bigint; balance_after_fen: bigint }[]>`
    SELECT DISTINCT ON (to_char(occurred_at + interval '8 hours', 'YYYY-MM'))
           to_char(occurred_at + interval '8 hours', 'YYYY-MM') AS month, id, balance_after_fen
    FROM entries
    WHERE account_id = ${account.id} AND occurred_at < ${end.toISOString()}::timestamp
    ORDER BY to_char(occurred_at + interval '8 hours', 'YYYY-MM'), id DESC`;
  const points = monthEndSeries(
    months,
    rows.map((r) => ({
      month: r.month,
      entryId: BigInt(r.id),
      balanceAfterFen: BigInt(r.balance_after_fen),
    })),
  );
  return { points, currentMonth };
}
