/**
 * The posting service against real Postgres (STYLE 12): balances and entries are read back from the
 * database after each call, and refusals are checked to have written nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { type JournalInput, postJournal, postJournals } from "@/lib/services/post-journals";
import { createPerson, createReferenceData, type Funds, fund, truncateAll } from "@/tests/factories";
import { balanceOf, entriesSum, failureOf, ledgerCounts } from "./helpers";

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

/** A pharmacy purchase paid from the personal account: money leaves the person, the institution is owed it. */
function spend(accountId: number, amountFen: bigint, key: string): JournalInput {
  return {
    idempotencyKey: key,
    description: "测试购药",
    occurredAt: at,
    lines: [
      { accountId, amountFen: -amountFen, kind: "PHARMACY" },
      { accountId: funds["CLEARING-INSTITUTION"], amountFen, kind: "PHARMACY" },
    ],
  };
}

describe("a balanced journal", () => {
  it("updates both balances and writes entries with the balance after each line", async () => {
    const person = await personalAccount();
    const first = await fund(db, funds, person, 10_000n, "k-credit");
    const second = await postJournal(db, spend(person, 2_550n, "k-spend"));

    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(false);
    expect(second.postingId).not.toBe(first.postingId);
    expect(await balanceOf(db, person)).toBe(7_450n);
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(-10_000n);
    expect(await balanceOf(db, funds["CLEARING-INSTITUTION"])).toBe(2_550n);

    const entries = await db.entry.findMany({
      where: { accountId: person },
      orderBy: { id: "asc" },
      select: { postingId: true, kind: true, amountFen: true, balanceAfterFen: true },
    });
    expect(entries).toEqual([
      { postingId: first.postingId, kind: "MONTHLY_CREDIT", amountFen: 10_000n, balanceAfterFen: 10_000n },
      { postingId: second.postingId, kind: "PHARMACY", amountFen: -2_550n, balanceAfterFen: 7_450n },
    ]);
    const stored = await db.posting.findUniqueOrThrow({ where: { id: second.postingId } });
    expect(stored.idempotencyKey).toBe("k-spend");
    expect(stored.description).toBe("测试购药");
    expect(await ledgerCounts(db)).toEqual({ postings: 2, entries: 4 });
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("gives each line of an account touched twice its own running balance", async () => {
    const person = await personalAccount();
    await postJournal(db, {
      idempotencyKey: "k-monthly",
      description: "月度划入并扣缴",
      occurredAt: at,
      lines: [
        { accountId: person, amountFen: 30_000n, kind: "MONTHLY_CREDIT" },
        { accountId: funds["FUND-POOLED"], amountFen: -30_000n, kind: "MONTHLY_CREDIT" },
        { accountId: person, amountFen: -500n, kind: "MUTUAL_AID_DEDUCTION" },
        { accountId: funds["FUND-MUTUAL-AID"], amountFen: 500n, kind: "MUTUAL_AID_DEDUCTION" },
      ],
    });
    const afters = await db.entry.findMany({
      where: { accountId: person },
      orderBy: { id: "asc" },
      select: { balanceAfterFen: true },
    });
    expect(afters.map((e) => e.balanceAfterFen)).toEqual([30_000n, 29_500n]);
    expect(await balanceOf(db, person)).toBe(29_500n);
    expect(await balanceOf(db, funds["FUND-MUTUAL-AID"])).toBe(500n);
  });

  it("lets a fund account go below zero", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 123_456n);
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(-123_456n);
    expect(await entriesSum(db, funds["FUND-POOLED"])).toBe(-123_456n);
    expect((await checkLedger(db)).ok).toBe(true);
  });
});

describe("unbalanced journals", () => {
  it.each([
    {
      label: "lines that do not sum to zero",
      lines: (p: number, f: number) => [
        { accountId: p, amountFen: 1_000n, kind: "MONTHLY_CREDIT" as const },
        { accountId: f, amountFen: -999n, kind: "MONTHLY_CREDIT" as const },
      ],
    },
    {
      label: "a single line",
      lines: (p: number) => [{ accountId: p, amountFen: 1_000n, kind: "MONTHLY_CREDIT" as const }],
    },
    {
      label: "a zero amount",
      lines: (p: number, f: number) => [
        { accountId: p, amountFen: 0n, kind: "MONTHLY_CREDIT" as const },
        { accountId: f, amountFen: 0n, kind: "MONTHLY_CREDIT" as const },
      ],
    },
  ])("refuses $label with UNBALANCED_JOURNAL and writes nothing", async ({ lines }) => {
    const person = await personalAccount();
    const error = await failureOf(
      postJournal(db, {
        idempotencyKey: "k-bad",
        description: "坏凭证",
        occurredAt: at,
        lines: lines(person, funds["FUND-POOLED"]),
      }),
    );
    expect(error.code).toBe("UNBALANCED_JOURNAL");
    expect(await ledgerCounts(db)).toEqual({ postings: 0, entries: 0 });
    expect(await balanceOf(db, person)).toBe(0n);
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(0n);
    // The refused key was never claimed, so it can still be used for a correct journal.
    await fund(db, funds, person, 1_000n, "k-bad");
    expect(await ledgerCounts(db)).toEqual({ postings: 1, entries: 2 });
  });
});

describe("the personal-account floor", () => {
  it("refuses a debit below zero with INSUFFICIENT_BALANCE and writes nothing", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 5_000n);
    const before = await ledgerCounts(db);

    const error = await failureOf(postJournal(db, spend(person, 5_001n, "k-over")));
    expect(error.code).toBe("INSUFFICIENT_BALANCE");
    expect(await ledgerCounts(db)).toEqual(before);
    expect(await db.posting.count({ where: { idempotencyKey: "k-over" } })).toBe(0);
    expect(await balanceOf(db, person)).toBe(5_000n);
    expect(await balanceOf(db, funds["CLEARING-INSTITUTION"])).toBe(0n);

    await postJournal(db, spend(person, 5_000n, "k-exact"));
    expect(await balanceOf(db, person)).toBe(0n);
    expect((await checkLedger(db)).ok).toBe(true);
  });
});

describe("idempotency", () => {
  it("returns the first result on replay and writes nothing new", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 10_000n);
    const first = await postJournal(db, spend(person, 1_000n, "k-once"));
    const before = await ledgerCounts(db);

    const again = await postJournal(db, spend(person, 1_000n, "k-once"));
    expect(again.replayed).toBe(true);
    expect(again.postingId).toBe(first.postingId);
    expect(again.entries).toEqual(first.entries);
    expect(await ledgerCounts(db)).toEqual(before);
    expect(await balanceOf(db, person)).toBe(9_000n);
  });

  it("refuses the same key with a different payload with IDEMPOTENCY_CONFLICT", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 10_000n);
    await postJournal(db, spend(person, 1_000n, "k-once"));
    const before = await ledgerCounts(db);

    const error = await failureOf(postJournal(db, spend(person, 1_001n, "k-once")));
    expect(error.code).toBe("IDEMPOTENCY_CONFLICT");
    expect(await ledgerCounts(db)).toEqual(before);
    expect(await balanceOf(db, person)).toBe(9_000n);
  });

  it("refuses a batch that uses one key for two different journals", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 10_000n);
    const before = await ledgerCounts(db);
    const error = await failureOf(
      postJournals(db, [spend(person, 100n, "k-dup"), spend(person, 200n, "k-dup")]),
    );
    expect(error.code).toBe("IDEMPOTENCY_CONFLICT");
    expect(await ledgerCounts(db)).toEqual(before);
  });
});

describe("batches", () => {
  it("posts every journal of a good batch in order", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 1_000n);
    const results = await postJournals(db, [spend(person, 400n, "b-1"), spend(person, 600n, "b-2")]);
    expect(results.map((r) => r.replayed)).toEqual([false, false]);
    expect(await balanceOf(db, person)).toBe(0n);
    const afters = await db.entry.findMany({
      where: { accountId: person },
      orderBy: { id: "asc" },
      select: { balanceAfterFen: true },
    });
    expect(afters.map((e) => e.balanceAfterFen)).toEqual([1_000n, 600n, 0n]);
  });

  it("writes none of the journals when one is unbalanced", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 10_000n);
    const before = await ledgerCounts(db);
    const bad = spend(person, 100n, "b-bad");
    bad.lines[1]!.amountFen = 99n;
    const error = await failureOf(
      postJournals(db, [spend(person, 100n, "b-1"), bad, spend(person, 100n, "b-3")]),
    );
    expect(error.code).toBe("UNBALANCED_JOURNAL");
    expect(await ledgerCounts(db)).toEqual(before);
    expect(await balanceOf(db, person)).toBe(10_000n);
  });

  it("writes none of the journals when a later one overdraws", async () => {
    const person = await personalAccount();
    await fund(db, funds, person, 1_000n);
    const before = await ledgerCounts(db);
    // Each journal alone fits the balance; the third only fails on the balance the first two left.
    const error = await failureOf(
      postJournals(db, [spend(person, 400n, "b-1"), spend(person, 400n, "b-2"), spend(person, 400n, "b-3")]),
    );
    expect(error.code).toBe("INSUFFICIENT_BALANCE");
    expect(await ledgerCounts(db)).toEqual(before);
    expect(await db.posting.count({ where: { idempotencyKey: { in: ["b-1", "b-2", "b-3"] } } })).toBe(0);
    expect(await balanceOf(db, person)).toBe(1_000n);
    expect(await balanceOf(db, funds["CLEARING-INSTITUTION"])).toBe(0n);
  });
});
