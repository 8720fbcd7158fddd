/**
 * Rules the database enforces on its own (migration triggers and CHECKs), tried with raw SQL that
 * bypasses the posting service, and the ledger check that notices what the guards cannot stop.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { createPerson, createReferenceData, type Funds, fund, truncateAll } from "@/tests/factories";
import { balanceOf, failureOf, ledgerCounts } from "./helpers";

let db: Db;
let funds: Funds;
let person: number;

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  const reference = await createReferenceData(db);
  funds = reference.funds;
  person = (await createPerson(db, { agencyId: reference.agencyId })).account!.id;
  await fund(db, funds, person, 5_000n);
});

describe("append-only ledger tables", () => {
  it("refuses UPDATE of an entry amount", async () => {
    const error = await failureOf(db.$executeRawUnsafe("UPDATE entries SET amount_fen = amount_fen * 2"));
    expect(error.message).toMatch(/entries is append-only: UPDATE refused/);
    const amounts = await db.entry.findMany({ orderBy: { id: "asc" }, select: { amountFen: true } });
    expect(amounts.map((e) => e.amountFen)).toEqual([5_000n, -5_000n]);
  });

  it("refuses DELETE of postings", async () => {
    const error = await failureOf(db.$executeRawUnsafe("DELETE FROM postings"));
    expect(error.message).toMatch(/postings is append-only: DELETE refused/);
    expect(await ledgerCounts(db)).toEqual({ postings: 1, entries: 2 });
  });

  it("refuses DELETE of entries and UPDATE of audit rows", async () => {
    expect((await failureOf(db.$executeRawUnsafe("DELETE FROM entries"))).message).toMatch(/append-only/);
    await db.auditLog.create({ data: { actorType: "STAFF", actorId: "1", action: "TEST" } });
    expect((await failureOf(db.$executeRawUnsafe("UPDATE audit_logs SET action = 'X'"))).message).toMatch(
      /audit_logs is append-only/,
    );
    expect(await db.auditLog.count({ where: { action: "TEST" } })).toBe(1);
  });
});

describe("personal balance floor", () => {
  it("refuses a negative personal balance written directly", async () => {
    const error = await failureOf(db.$executeRaw`UPDATE accounts SET balance_fen = -1 WHERE id = ${person}`);
    expect(error.message).toMatch(/accounts_personal_balance_non_negative/);
    expect(await balanceOf(db, person)).toBe(5_000n);
  });

  it("allows a negative fund balance (the pooled fund is already -50.00)", async () => {
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(-5_000n);
    await db.$executeRaw`UPDATE accounts SET balance_fen = -6000 WHERE id = ${funds["FUND-MUTUAL-AID"]}`;
    expect(await balanceOf(db, funds["FUND-MUTUAL-AID"])).toBe(-6_000n);
  });
});

describe("checkLedger", () => {
  it("is clean after postings through the service", async () => {
    const report = await checkLedger(db);
    expect(report).toMatchObject({
      ok: true,
      postings: 1,
      entries: 2,
      totalFen: 0n,
      accountMismatches: [],
      unbalancedPostings: [],
    });
  });

  it("reports a fund balance changed behind the ledger's back", async () => {
    const pooled = funds["FUND-POOLED"];
    await db.$executeRaw`UPDATE accounts SET balance_fen = balance_fen + 1 WHERE id = ${pooled}`;
    const report = await checkLedger(db);
    expect(report.ok).toBe(false);
    expect(report.accountMismatches).toEqual([
      { accountId: pooled, balanceFen: -4_999n, entriesFen: -5_000n, lastBalanceAfterFen: -5_000n },
    ]);
    expect(report.unbalancedPostings).toEqual([]);
  });
});
