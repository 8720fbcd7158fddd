/**
 * Issue 9 item 3, racing debits against real Postgres: 200 settlements of 1.00 fired at once on a
 * personal account holding 100.00 → exactly 100 paid from the account and 100 in cash, the balance
 * never below zero, ledger check clean; and one settlement number replayed 20 times at once → one
 * posting, one settlement, the same answer for every caller.
 *
 * lib/db/client createDb() opens a pool of 10 connections, which would queue 190 of the 200 calls in
 * the pool instead of in Postgres; this file opens its own client with a pool of RACE_POOL so the
 * transactions really overlap and contend for the account row lock. The pool is large (150 of the test
 * cluster's 200 connections) for a second reason: a call still waiting for a pool connection after
 * settle's maxWait (20 s) fails with "Unable to start a transaction"; with 60 connections that happened
 * to 28-90 of the 200 calls on a heavily loaded 2-core machine, where the serialized settlements took
 * ~130 ms each. Waiting on the row lock inside Postgres is not limited that way. The peak number of
 * transactions open at once is measured from pg_stat_activity.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { type SettlementRequest, type SettlementResult, settle } from "@/lib/services/settle";
import {
  createInstitution,
  createInsured,
  createReferenceData,
  type Funds,
  fund,
  truncateAll,
} from "@/tests/factories";
import { balanceOf, ledgerCounts } from "./helpers";

const RACE_POOL = 150;
const SETTLEMENTS = 200;
const AMOUNT_FEN = 100n; // 1.00 元 each
const BALANCE_FEN = 10_000n; // 100.00 元 on the account
const REPLAYS = 20;

/** Same options as lib/db/client's client (secrets omitted), only the pool is larger. */
function racingClient(url: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: RACE_POOL }),
    omit: {
      person: { passwordHash: true },
      staff: { passwordHash: true, totpSecret: true },
      unitClerk: { passwordHash: true },
    },
  });
}

let db: Db; // setup and read-backs
let race: Db; // the concurrent callers
let funds: Funds;
let agencyId: number;
let unitId: number;
let institution: { id: number; code: string; name: string };

const figures: Record<string, string | number> = {};

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  race = racingClient(inject("databaseUrl"));
  // Open the pool's connections up front so the race measures locking, not connection set-up.
  await Promise.all(Array.from({ length: RACE_POOL }, () => race.$executeRaw`SELECT pg_sleep(0.05)`));
});

afterAll(async () => {
  if (Object.keys(figures).length > 0) {
    console.log(
      `racing-debits: ${figures.settlements} concurrent × ¥1.00 on ¥100.00 (pool ${RACE_POOL}, peak ${figures.peakOpen} open transactions) → ` +
        `${figures.fromAccount} paid from the account (debits ¥${figures.debitsYuan}), ${figures.cash} in cash (¥${figures.cashYuan}), ` +
        `final balance ¥${figures.finalYuan}, lowest balance seen ¥${figures.lowestYuan}, overdrafts ${figures.overdrafts}, ` +
        `ledger:check ${figures.ledger} (${figures.raceMs} ms); ` +
        `${figures.replays} concurrent replays of one settlement number → ${figures.replayPostings} posting, ` +
        `${figures.replaySettlements} settlement, ${figures.fresh} fresh + ${figures.replayed} replayed, ` +
        `${figures.distinctAnswers} distinct answer, errors ${figures.replayErrors} (${figures.replayMs} ms)`,
    );
  }
  await race.$disconnect();
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ funds, agencyId, unitId } = await createReferenceData(db));
  institution = (await createInstitution(db, { code: "P50010377", name: "和平药房解放碑店" })).institution;
});

const NOW = new Date("2026-11-28T04:00:00Z");

function purchase(personId: number, settlementNo: string, totalFen: bigint): SettlementRequest {
  return {
    institutionId: institution.id,
    institutionCode: institution.code,
    institutionName: institution.name,
    settlementNo,
    personId,
    cardNumber: null,
    serviceDate: "2026-11-27",
    kind: "PHARMACY",
    channel: "VOUCHER",
    totalFen,
    fundPayableFen: 0n,
    selfPayFen: totalFen,
  };
}

const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;

/**
 * Samples, until stopped, the account's balance and how many transactions are open in Postgres at
 * once (other than this sampler's own connection).
 */
function watch(accountId: number) {
  let stop = false;
  let lowest: bigint | null = null;
  let peakOpen = 0;
  const done = (async () => {
    while (!stop) {
      const [row] = await db.$queryRaw<{ balance: bigint; open: bigint }[]>`
        SELECT (SELECT balance_fen FROM accounts WHERE id = ${accountId}) AS balance,
               (SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL) AS open`;
      const balance = BigInt(row!.balance);
      if (lowest === null || balance < lowest) lowest = balance;
      peakOpen = Math.max(peakOpen, Number(row!.open));
    }
  })();
  return async () => {
    stop = true;
    await done;
    return { lowest: lowest ?? 0n, peakOpen };
  };
}

function rejectedOf(results: PromiseSettledResult<unknown>[]): string[] {
  return results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
}

describe("racing debits (issue 9 item 3)", () => {
  it("pays exactly 100 of 200 concurrent 1.00 settlements from a 100.00 account and the rest in cash, never overdrawn", async () => {
    const { person, account } = await createInsured(db, { agencyId, unitId });
    const accountId = account!.id;
    await fund(db, funds, accountId, BALANCE_FEN);
    const before = await ledgerCounts(db);

    const stopWatching = watch(accountId);
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: SETTLEMENTS }, (_, i) =>
        settle(race, purchase(person.id, `RACE-${String(i).padStart(3, "0")}`, AMOUNT_FEN), NOW),
      ),
    );
    const raceMs = Math.round(performance.now() - started);
    const { lowest, peakOpen } = await stopWatching();

    // Every caller got an answer: the settlements that found the account empty were paid in cash.
    expect(rejectedOf(results)).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<SettlementResult>).value);
    expect(values.every((v) => !v.replayed && v.fundPaidFen === 0n && v.linkedAccountFen === 0n)).toBe(true);
    const fromAccount = values.filter((v) => v.ownAccountFen === AMOUNT_FEN && v.cashFen === 0n);
    const inCash = values.filter((v) => v.ownAccountFen === 0n && v.cashFen === AMOUNT_FEN);
    expect(fromAccount).toHaveLength(100);
    expect(inCash).toHaveLength(100);

    // What the database holds, not what the service said.
    const debits = await db.entry.aggregate({
      where: { accountId, amountFen: { lt: 0n } },
      _sum: { amountFen: true },
      _count: { _all: true },
    });
    expect(debits._sum.amountFen).toBe(-10_000n);
    expect(debits._count._all).toBe(100);
    expect(await balanceOf(db, accountId)).toBe(0n);
    const stored = await db.settlement.aggregate({
      _sum: { ownAccountFen: true, cashFen: true, totalFen: true },
      _count: { _all: true },
    });
    expect(stored).toEqual({
      _sum: { ownAccountFen: 10_000n, cashFen: 10_000n, totalFen: 20_000n },
      _count: { _all: SETTLEMENTS },
    });
    expect(await db.settlement.count({ where: { ownAccountFen: { gt: 0n }, cashFen: { gt: 0n } } })).toBe(0);
    const cashEntries = await db.entry.aggregate({
      where: { accountId: funds.CASH, kind: "CASH_PAYMENT" },
      _sum: { amountFen: true },
      _count: { _all: true },
    });
    expect(cashEntries._sum.amountFen).toBe(-10_000n);
    expect(cashEntries._count._all).toBe(100);
    expect(await ledgerCounts(db)).toEqual({
      postings: before.postings + SETTLEMENTS,
      // Clearing + account for 100, clearing + cash for the other 100.
      entries: before.entries + SETTLEMENTS * 2,
    });

    // Never below zero: each entry continues the one before it, and no balance-after is negative.
    const chain = await db.entry.findMany({
      where: { accountId },
      orderBy: { id: "asc" },
      select: { amountFen: true, balanceAfterFen: true },
    });
    let running = 0n;
    let overdrafts = 0;
    for (const entry of chain) {
      running += entry.amountFen;
      expect(entry.balanceAfterFen).toBe(running);
      if (entry.balanceAfterFen < 0n) overdrafts += 1;
    }
    expect(chain).toHaveLength(101); // the funding and 100 debits
    expect(overdrafts).toBe(0);
    expect(lowest >= 0n).toBe(true);
    // The calls really overlapped inside Postgres (not one after another through a small pool).
    expect(peakOpen).toBeGreaterThan(10);

    const report = await checkLedger(db);
    expect(report.ok).toBe(true);
    expect(report.negativePersonalAccounts).toBe(0);

    Object.assign(figures, {
      settlements: SETTLEMENTS,
      peakOpen,
      fromAccount: fromAccount.length,
      debitsYuan: yuan(-(debits._sum.amountFen ?? 0n)),
      cash: inCash.length,
      cashYuan: yuan(-(cashEntries._sum.amountFen ?? 0n)),
      finalYuan: yuan(await balanceOf(db, accountId)),
      lowestYuan: yuan(lowest),
      overdrafts,
      ledger: report.ok ? "clean" : "FAILED",
      raceMs,
    });
  }, 120_000); // the race itself takes ~3 s, ~30 s on a 2-core machine under heavy load

  it("posts one settlement number replayed 20 times at once exactly once, and answers every caller alike", async () => {
    const { person, account } = await createInsured(db, { agencyId, unitId });
    await fund(db, funds, account!.id, BALANCE_FEN);
    const request = purchase(person.id, "REPLAY-0001", 2_345n);
    const before = await ledgerCounts(db);

    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: REPLAYS }, () => settle(race, { ...request }, NOW)),
    );
    const replayMs = Math.round(performance.now() - started);

    expect(rejectedOf(results)).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<SettlementResult>).value);
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
    expect(values.filter((v) => v.replayed)).toHaveLength(REPLAYS - 1);
    const answers = new Set(
      values.map(({ replayed: _, ...answer }) =>
        JSON.stringify(answer, (_k, v) => (typeof v === "bigint" ? `${v}` : v)),
      ),
    );
    expect(answers.size).toBe(1);

    const settlements = await db.settlement.findMany({
      select: { id: true, postingId: true, ownAccountFen: true },
    });
    expect(settlements).toHaveLength(1);
    expect(values[0]!.settlementId).toBe(settlements[0]!.id);
    expect(settlements[0]!.ownAccountFen).toBe(2_345n);
    const postings = await db.posting.findMany({
      where: { idempotencyKey: `settle:${institution.code}:REPLAY-0001` },
      select: { id: true },
    });
    expect(postings).toHaveLength(1);
    expect(postings[0]!.id).toBe(settlements[0]!.postingId);
    expect(await ledgerCounts(db)).toEqual({ postings: before.postings + 1, entries: before.entries + 2 });
    expect(await balanceOf(db, account!.id)).toBe(BALANCE_FEN - 2_345n);
    expect((await checkLedger(db)).ok).toBe(true);

    Object.assign(figures, {
      replays: REPLAYS,
      replayPostings: postings.length,
      replaySettlements: settlements.length,
      fresh: values.filter((v) => !v.replayed).length,
      replayed: values.filter((v) => v.replayed).length,
      distinctAnswers: answers.size,
      replayErrors: rejectedOf(results).length,
      replayMs,
    });
  });
});
