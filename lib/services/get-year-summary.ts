/**
 * 上年结转 / 本年划入 / 本年支出 for one account and year, derived from the ledger alone (DOMAIN §4):
 * carried over is the balance after the last entry before the year; credited is every positive
 * entry in the year; spent is every negative one. carried + credited − spent = the year-end balance.
 */
import type { Db } from "@/lib/db/client";
import { startOfYearCst } from "@/lib/domain/dates";

export interface YearSummary {
  year: number;
  carriedOverFen: bigint;
  creditedFen: bigint;
  spentFen: bigint;
  closingFen: bigint;
}

export async function getYearSummary(database: Db, options: { personId: number; year: number }): Promise<YearSummary | null> {
  const account = await database.account.findUnique({ where: { personId: options.personId }, select: { id: true } });
  if (!account) return null;
  const from = startOfYearCst(options.year);
  const to = startOfYearCst(options.year + 1);
  const before = await database.entry.findFirst({
    where: { accountId: account.id, occurredAt: { lt: from } },
    orderBy: { id: "desc" },
    select: { balanceAfterFen: true },
  });
  const [sums] = await database.$queryRaw<{ credited: bigint | null; spent: bigint | null }[]>`
    SELECT sum(amount_fen) FILTER (WHERE amount_fen > 0)::bigint AS credited,
           (-sum(amount_fen) FILTER (WHERE amount_fen < 0))::bigint AS spent
    FROM entries WHERE account_id = ${account.id}
      AND occurred_at >= ${from.toISOString()}::timestamp AND occurred_at < ${to.toISOString()}::timestamp`;
  const carriedOverFen = before?.balanceAfterFen ?? 0n;
  const creditedFen = BigInt(sums?.credited ?? 0n);
  const spentFen = BigInt(sums?.spent ?? 0n);
  return { year: options.year, carriedOverFen, creditedFen, spentFen, closingFen: carriedOverFen + creditedFen - spentFen };
}
