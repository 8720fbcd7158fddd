/** Read-backs shared by the integration files: what the database holds, never what a service returned. */
import type { Db } from "@/lib/db/client";

export async function ledgerCounts(db: Db): Promise<{ postings: number; entries: number }> {
  const [postings, entries] = await Promise.all([db.posting.count(), db.entry.count()]);
  return { postings, entries };
}

export async function balanceOf(db: Db, accountId: number): Promise<bigint> {
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { balanceFen: true },
  });
  return account.balanceFen;
}

export async function entriesSum(db: Db, accountId: number): Promise<bigint> {
  const sum = await db.entry.aggregate({ where: { accountId }, _sum: { amountFen: true } });
  return sum._sum.amountFen ?? 0n;
}

/** Awaits a promise expected to fail and returns its error (so the test can assert on code and message). */
export async function failureOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
