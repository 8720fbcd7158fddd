/**
 * Concurrent postings on real Postgres: row locks, the unique idempotency key and lock ordering are
 * what keep the ledger right here, and none of them exist in a mock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { type JournalInput, type PostingResult, postJournal } from "@/lib/services/post-journals";
import { createPerson, createReferenceData, type Funds, fund, truncateAll } from "@/tests/factories";
import { balanceOf, ledgerCounts } from "./helpers";

let db: Db;
let funds: Funds;
let agencyId: number;

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ funds, agencyId } = await createReferenceData(db));
});

const at = new Date("2026-03-05T02:00:00Z");

async function personalAccount(): Promise<number> {
  const { account } = await createPerson(db, { agencyId });
  return account!.id;
}

function spend(accountId: number, amountFen: bigint, key: string): JournalInput {
  return {
    idempotencyKey: key,
    description: "并发购药",
    occurredAt: at,
    lines: [
      { accountId, amountFen: -amountFen, kind: "PHARMACY" },
      { accountId: funds["CLEARING-INSTITUTION"], amountFen, kind: "PHARMACY" },
    ],
  };
}

function transfer(from: number, to: number, amountFen: bigint, key: string): JournalInput {
  return {
    idempotencyKey: key,
    description: "并发转账",
    occurredAt: at,
    lines: [
      { accountId: from, amountFen: -amountFen, kind: "TRANSFER_OUT" },
      { accountId: to, amountFen, kind: "TRANSFER_IN" },
    ],
  };
}

/** Each entry's balance_after must continue the previous one: proof the postings were serialized per account. */
async function expectUnbrokenChain(accountId: number): Promise<void> {
  const entries = await db.entry.findMany({
    where: { accountId },
    orderBy: { id: "asc" },
    select: { amountFen: true, balanceAfterFen: true },
  });
  let running = 0n;
  for (const entry of entries) {
    running += entry.amountFen;
    expect(entry.balanceAfterFen).toBe(running);
  }
  expect(await balanceOf(db, accountId)).toBe(running);
}

function codesOf(results: PromiseSettledResult<PostingResult>[]): string[] {
  return results.flatMap((r) =>
    r.status === "rejected" ? [String((r.reason as { code?: string }).code)] : [],
  );
}

describe("concurrent postings", () => {
  it("lets exactly 33 of 50 debits of 3.00 through on 100.00", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 10_000n);

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => postJournal(db, spend(person, 300n, `debit-${i}`))),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(33);
    expect(codesOf(results)).toEqual(Array(17).fill("INSUFFICIENT_BALANCE"));
    expect(await balanceOf(db, person)).toBe(100n);
    expect(await balanceOf(db, funds["CLEARING-INSTITUTION"])).toBe(9_900n);
    expect(await ledgerCounts(db)).toEqual({ postings: 34, entries: 68 });
    await expectUnbrokenChain(person);
    const report = await checkLedger(db);
    expect(report.ok).toBe(true);
    expect(report.postings).toBe(34);
  });

  it("ends 50 concurrent credits on one account with their exact sum", async () => {
    const person = await personalAccount();
    const amounts = Array.from({ length: 50 }, (_, i) => BigInt(1_000 + i * 37));
    const results = await Promise.allSettled(
      amounts.map((a, i) => fund(db, funds, person, a, `credit-${i}`)),
    );

    expect(codesOf(results)).toEqual([]);
    const total = amounts.reduce((s, a) => s + a, 0n);
    expect(await balanceOf(db, person)).toBe(total);
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(-total);
    await expectUnbrokenChain(person);
    await expectUnbrokenChain(funds["FUND-POOLED"]);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("posts one idempotency key submitted 20 times at once exactly once", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 10_000n);
    const before = await ledgerCounts(db);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => postJournal(db, spend(person, 700n, "same-key"))),
    );

    expect(codesOf(results)).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<PostingResult>).value);
    const posting = await db.posting.findMany({
      where: { idempotencyKey: "same-key" },
      select: { id: true },
    });
    expect(posting).toHaveLength(1);
    expect(new Set(values.map((v) => v.postingId))).toEqual(new Set([posting[0]!.id]));
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
    expect(await db.entry.count({ where: { postingId: posting[0]!.id } })).toBe(2);
    expect(await ledgerCounts(db)).toEqual({ postings: before.postings + 1, entries: before.entries + 2 });
    expect(await balanceOf(db, person)).toBe(9_300n);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("runs transfers A→B and B→A side by side without deadlock", async () => {
    const a = await personalAccount();
    const b = await personalAccount();
    await fund(db, funds, a, 10_000n);
    await fund(db, funds, b, 10_000n);

    const journals = Array.from({ length: 20 }, (_, i) => [
      transfer(a, b, 100n, `a-to-b-${i}`),
      transfer(b, a, 50n, `b-to-a-${i}`),
    ]).flat();
    const results = await Promise.allSettled(journals.map((j) => postJournal(db, j)));

    expect(
      results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    expect(await balanceOf(db, a)).toBe(10_000n - 2_000n + 1_000n);
    expect(await balanceOf(db, b)).toBe(10_000n + 2_000n - 1_000n);
    await expectUnbrokenChain(a);
    await expectUnbrokenChain(b);
    const report = await checkLedger(db);
    expect(report.ok).toBe(true);
    expect(report.postings).toBe(42);
  });
});
