/**
 * Recomputes the ledger from its entries (DOMAIN §4 invariants): every account's balance equals the
 * sum of its entries and its last entry's balance-after, every posting sums to zero, all entries sum
 * to zero, and no personal account is below zero.
 */
import type { Db } from "@/lib/db/client";

export interface LedgerReport {
  accounts: number;
  postings: number;
  entries: number;
  totalFen: bigint;
  accountMismatches: { accountId: number; balanceFen: bigint; entriesFen: bigint; lastBalanceAfterFen: bigint | null }[];
  unbalancedPostings: { postingId: bigint; sumFen: bigint }[];
  negativePersonalAccounts: number;
  ok: boolean;
}

export async function checkLedger(database: Db): Promise<LedgerReport> {
  const [counts] = await database.$queryRaw<{ accounts: bigint; postings: bigint; entries: bigint; total: bigint | null }[]>`
    SELECT (SELECT count(*) FROM accounts) AS accounts,
           (SELECT count(*) FROM postings) AS postings,
           (SELECT count(*) FROM entries) AS entries,
           (SELECT sum(amount_fen) FROM entries)::bigint AS total`;
  const mismatches = await database.$queryRaw<
    { account_id: number; balance_fen: bigint; entries_fen: bigint; last_after: bigint | null }[]
  >`
    WITH sums AS (SELECT account_id, sum(amount_fen)::bigint AS s, max(id) AS last_id FROM entries GROUP BY account_id)
    SELECT a.id AS account_id, a.balance_fen, coalesce(s.s, 0)::bigint AS entries_fen, e.balance_after_fen AS last_after
    FROM accounts a
    LEFT JOIN sums s ON s.account_id = a.id
    LEFT JOIN entries e ON e.id = s.last_id
    WHERE a.balance_fen <> coalesce(s.s, 0) OR (e.id IS NOT NULL AND e.balance_after_fen <> a.balance_fen)
    LIMIT 100`;
  const unbalanced = await database.$queryRaw<{ posting_id: bigint; sum_fen: bigint }[]>`
    SELECT p.id AS posting_id, coalesce(sum(e.amount_fen), 0)::bigint AS sum_fen
    FROM postings p LEFT JOIN entries e ON e.posting_id = p.id
    GROUP BY p.id HAVING coalesce(sum(e.amount_fen), 0) <> 0 OR count(e.id) < 2
    LIMIT 100`;
  const [negative] = await database.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM accounts WHERE kind = 'PERSONAL' AND balance_fen < 0`;

  const report: LedgerReport = {
    accounts: Number(counts!.accounts),
    postings: Number(counts!.postings),
    entries: Number(counts!.entries),
    totalFen: BigInt(counts!.total ?? 0n),
    accountMismatches: mismatches.map((m) => ({
      accountId: m.account_id,
      balanceFen: BigInt(m.balance_fen),
      entriesFen: BigInt(m.entries_fen),
      lastBalanceAfterFen: m.last_after === null ? null : BigInt(m.last_after),
    })),
    unbalancedPostings: unbalanced.map((u) => ({ postingId: BigInt(u.posting_id), sumFen: BigInt(u.sum_fen) })),
    negativePersonalAccounts: Number(negative!.n),
    ok: false,
  };
  report.ok =
    report.totalFen === 0n &&
    report.accountMismatches.length === 0 &&
    report.unbalancedPostings.length === 0 &&
    report.negativePersonalAccounts === 0;
  return report;
}
