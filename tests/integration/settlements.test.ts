/**
 * Settlements (DOMAIN §6, §7, §8) against real Postgres: the own → linked → cash order, the fund part
 * falling to self-pay when benefits are suspended, card states, idempotency on the settlement number,
 * and concurrent settlements on one account decided on balances read under lock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { declareUnitMonth } from "@/lib/services/declare-unit-month";
import { type SettlementRequest, type SettlementResult, settle, settleBatch } from "@/lib/services/settle";
import {
  createInstitution,
  createInsured,
  createLinkage,
  createReferenceData,
  type Funds,
  fund,
  truncateAll,
} from "@/tests/factories";
import { balanceOf, failureOf, ledgerCounts } from "./helpers";

let db: Db;
let funds: Funds;
let agencyId: number;
let unitId: number;
let institution: { id: number; code: string; name: string };

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ funds, agencyId, unitId } = await createReferenceData(db));
  institution = (await createInstitution(db, { code: "H50010301", name: "重庆医科大学附属第一医院" }))
    .institution;
});

/** The settlements are decided "now" = 2026-03-10 12:00 China time. */
const NOW = new Date("2026-03-10T04:00:00Z");

async function insured(balanceFen = 0n) {
  const { person, account, card } = await createInsured(db, { agencyId, unitId });
  if (balanceFen > 0n) await fund(db, funds, account!.id, balanceFen);
  return { personId: person.id, accountId: account!.id, cardNumber: card.cardNumber };
}

function request(
  personId: number,
  settlementNo: string,
  amounts: { total: bigint; fund?: bigint },
  extra: Partial<SettlementRequest> = {},
): SettlementRequest {
  const fundPayableFen = amounts.fund ?? 0n;
  return {
    institutionId: institution.id,
    institutionCode: institution.code,
    institutionName: institution.name,
    settlementNo,
    personId,
    cardNumber: null,
    serviceDate: "2026-03-09",
    kind: "OUTPATIENT",
    channel: "VOUCHER",
    totalFen: amounts.total,
    fundPayableFen,
    selfPayFen: amounts.total - fundPayableFen,
    ...extra,
  };
}

const split = (r: SettlementResult) => ({
  benefitStatus: r.benefitStatus,
  fund: r.fundPaidFen,
  own: r.ownAccountFen,
  linked: r.linkedAccountFen,
  cash: r.cashFen,
});

async function storedSettlement(settlementNo: string) {
  return db.settlement.findUniqueOrThrow({
    where: { institutionId_settlementNo: { institutionId: institution.id, settlementNo } },
  });
}

async function entriesOfPosting(postingId: bigint) {
  return db.entry.findMany({
    where: { postingId },
    orderBy: { id: "asc" },
    select: { accountId: true, kind: true, amountFen: true, counterpartyPersonId: true },
  });
}

describe("who pays the self-pay part", () => {
  it("takes the own account first, then the linked provider's, then cash (100 + 500 + 200 of 800.00)", async () => {
    const user = await insured(10_000n);
    const provider = await insured(50_000n);
    const linkage = await createLinkage(db, {
      userPersonId: user.personId,
      providerPersonId: provider.personId,
      agencyId,
      approvedAt: new Date("2026-01-05T02:00:00Z"),
    });

    const result = await settle(
      db,
      request(user.personId, "S-ORDER-1", { total: 100_000n, fund: 20_000n }),
      NOW,
    );

    expect(split(result)).toEqual({
      benefitStatus: "NORMAL",
      fund: 20_000n,
      own: 10_000n,
      linked: 50_000n,
      cash: 20_000n,
    });
    expect(result.replayed).toBe(false);
    expect(await balanceOf(db, user.accountId)).toBe(0n);
    expect(await balanceOf(db, provider.accountId)).toBe(0n);

    const row = await storedSettlement("S-ORDER-1");
    expect(row).toMatchObject({
      id: result.settlementId,
      personId: user.personId,
      totalFen: 100_000n,
      fundPayableFen: 20_000n,
      selfPayFen: 80_000n,
      fundPaidFen: 20_000n,
      ownAccountFen: 10_000n,
      linkedAccountFen: 50_000n,
      cashFen: 20_000n,
      linkageId: linkage.id,
      benefitStatus: "NORMAL",
    });
    expect(await entriesOfPosting(row.postingId)).toEqual([
      {
        accountId: funds["CLEARING-INSTITUTION"],
        kind: "OUTPATIENT",
        amountFen: 100_000n,
        counterpartyPersonId: null,
      },
      { accountId: user.accountId, kind: "OUTPATIENT", amountFen: -10_000n, counterpartyPersonId: null },
      {
        accountId: provider.accountId,
        kind: "LINKED_PAYMENT",
        amountFen: -50_000n,
        counterpartyPersonId: user.personId,
      },
      {
        accountId: funds["FUND-POOLED"],
        kind: "FUND_PAYMENT",
        amountFen: -20_000n,
        counterpartyPersonId: null,
      },
      { accountId: funds.CASH, kind: "CASH_PAYMENT", amountFen: -20_000n, counterpartyPersonId: null },
    ]);
    const posting = await db.posting.findUniqueOrThrow({ where: { id: row.postingId } });
    expect(posting.idempotencyKey).toBe("settle:H50010301:S-ORDER-1");
    expect(posting.description).toBe("重庆医科大学附属第一医院 门诊");
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("never spends the user's money for the provider (linkage is one-way)", async () => {
    const user = await insured(30_000n);
    const provider = await insured(0n);
    await createLinkage(db, { userPersonId: user.personId, providerPersonId: provider.personId, agencyId });

    const result = await settle(db, request(provider.personId, "S-ONEWAY", { total: 5_000n }), NOW);

    expect(split(result)).toMatchObject({ own: 0n, linked: 0n, cash: 5_000n });
    expect(await balanceOf(db, user.accountId)).toBe(30_000n);
  });

  it("pays the rest in cash when there is no linkage, and from the own account only what it holds", async () => {
    const person = await insured(10_000n);

    const result = await settle(db, request(person.personId, "S-NOLINK", { total: 80_000n }), NOW);

    expect(split(result)).toEqual({
      benefitStatus: "NORMAL",
      fund: 0n,
      own: 10_000n,
      linked: 0n,
      cash: 70_000n,
    });
    const row = await storedSettlement("S-NOLINK");
    expect(row.linkageId).toBeNull();
    expect((await entriesOfPosting(row.postingId)).map((e) => [e.kind, e.amountFen])).toEqual([
      ["OUTPATIENT", 80_000n],
      ["OUTPATIENT", -10_000n],
      ["CASH_PAYMENT", -70_000n],
    ]);
    expect(await balanceOf(db, person.accountId)).toBe(0n);
  });

  it("ignores a cancelled linkage and one approved after the service date", async () => {
    const user = await insured(0n);
    const provider = await insured(50_000n);
    await db.linkage.create({
      data: {
        userPersonId: user.personId,
        providerPersonId: provider.personId,
        agencyId,
        approvedAt: new Date("2026-03-10T02:00:00Z"), // the day after the visit
      },
    });

    const before = await settle(db, request(user.personId, "S-EARLY", { total: 3_000n }), NOW);
    expect(split(before)).toMatchObject({ linked: 0n, cash: 3_000n });

    await db.linkage.updateMany({ data: { status: "CANCELLED", cancelledAt: NOW } });
    const cancelled = await settle(
      db,
      request(user.personId, "S-CANCELLED", { total: 3_000n, fund: 0n }, { serviceDate: "2026-03-10" }),
      NOW,
    );
    expect(split(cancelled)).toMatchObject({ linked: 0n, cash: 3_000n });
    expect(await balanceOf(db, provider.accountId)).toBe(50_000n);
  });
});

describe("benefit status on the service date", () => {
  it("pays no fund part while the unit is in arrears: the fund part becomes self-pay", async () => {
    const person = await insured(5_000n);
    await declareUnitMonth(db, {
      unitId,
      month: "2026-01",
      employees: [{ personId: person.personId, wageFen: 600_000n }],
    });

    const inArrears = await settle(
      db,
      request(
        person.personId,
        "S-SUSP",
        { total: 50_000n, fund: 40_000n },
        { serviceDate: "2026-02-10", kind: "INPATIENT" },
      ),
      NOW,
    );
    expect(split(inArrears)).toEqual({
      benefitStatus: "SUSPENDED",
      fund: 0n,
      own: 5_000n,
      linked: 0n,
      cash: 45_000n,
    });
    const row = await storedSettlement("S-SUSP");
    expect(row).toMatchObject({
      fundPayableFen: 40_000n,
      selfPayFen: 10_000n,
      fundPaidFen: 0n,
      benefitStatus: "SUSPENDED",
    });
    expect((await entriesOfPosting(row.postingId)).map((e) => [e.kind, e.amountFen])).toEqual([
      ["INPATIENT_SELF_PAY", 50_000n],
      ["INPATIENT_SELF_PAY", -5_000n],
      ["CASH_PAYMENT", -45_000n],
    ]);

    // In January itself (the arrears month) benefits are still NORMAL.
    const beforeSuspension = await settle(
      db,
      request(person.personId, "S-JAN", { total: 50_000n, fund: 40_000n }, { serviceDate: "2026-01-20" }),
      NOW,
    );
    expect(split(beforeSuspension)).toEqual({
      benefitStatus: "NORMAL",
      fund: 40_000n,
      own: 0n,
      linked: 0n,
      cash: 10_000n,
    });
  });

  it("pays no fund part for a person not yet enrolled on the service date (ENDED)", async () => {
    const { person, account } = await createInsured(db, { agencyId, unitId, startMonth: "2026-04" });
    await fund(db, funds, account!.id, 1_000n);

    const result = await settle(db, request(person.id, "S-NOTYET", { total: 4_000n, fund: 3_000n }), NOW);

    expect(split(result)).toEqual({
      benefitStatus: "ENDED",
      fund: 0n,
      own: 1_000n,
      linked: 0n,
      cash: 3_000n,
    });
  });
});

describe("cards", () => {
  it("refuses a card under a running pre-loss (CARD_PRE_LOST) and writes nothing; the voucher still pays", async () => {
    const person = await insured(10_000n);
    await db.card.update({
      where: { cardNumber: person.cardNumber },
      data: {
        status: "PRE_LOST",
        preLostAt: new Date("2026-03-05T02:00:00Z"),
        preLossExpiresAt: new Date("2026-03-15T02:00:00Z"),
      },
    });
    const counts = await ledgerCounts(db);

    const error = await failureOf(
      settle(
        db,
        request(
          person.personId,
          "S-PRELOST",
          { total: 2_000n },
          { channel: "CARD", cardNumber: person.cardNumber },
        ),
        NOW,
      ),
    );
    expect(error.code).toBe("CARD_PRE_LOST");
    expect(error.message).toContain("预挂失");
    expect(await ledgerCounts(db)).toEqual(counts);
    expect(await db.settlement.count()).toBe(0);
    expect(await balanceOf(db, person.accountId)).toBe(10_000n);

    const byVoucher = await settle(db, request(person.personId, "S-PRELOST-V", { total: 2_000n }), NOW);
    expect(split(byVoucher)).toMatchObject({ own: 2_000n, cash: 0n });
  });

  it("accepts the card once its pre-loss has lapsed", async () => {
    const person = await insured(10_000n);
    await db.card.update({
      where: { cardNumber: person.cardNumber },
      data: {
        status: "PRE_LOST",
        preLostAt: new Date("2026-02-20T02:00:00Z"),
        preLossExpiresAt: new Date("2026-03-02T02:00:00Z"),
      },
    });

    const result = await settle(
      db,
      request(
        person.personId,
        "S-LAPSED",
        { total: 2_000n },
        { channel: "CARD", cardNumber: person.cardNumber, kind: "PHARMACY" },
      ),
      NOW,
    );

    expect(split(result)).toMatchObject({ own: 2_000n, cash: 0n });
    expect((await storedSettlement("S-LAPSED")).channel).toBe("CARD");
  });

  it("refuses a formally lost card (CARD_LOST) and accepts the voucher for the same person", async () => {
    const person = await insured(10_000n);
    await db.card.update({
      where: { cardNumber: person.cardNumber },
      data: { status: "LOST", lostAt: new Date("2026-03-01T02:00:00Z") },
    });
    const counts = await ledgerCounts(db);

    const error = await failureOf(
      settle(
        db,
        request(
          person.personId,
          "S-LOST",
          { total: 2_000n },
          { channel: "CARD", cardNumber: person.cardNumber },
        ),
        NOW,
      ),
    );
    expect(error.code).toBe("CARD_LOST");
    expect(await ledgerCounts(db)).toEqual(counts);
    expect(await db.settlement.count()).toBe(0);

    const byVoucher = await settle(db, request(person.personId, "S-LOST", { total: 2_000n }), NOW);
    expect(split(byVoucher)).toMatchObject({ benefitStatus: "NORMAL", own: 2_000n });
    expect((await storedSettlement("S-LOST")).channel).toBe("VOUCHER");
  });

  it("refuses a card that is someone else's or missing (CARD_NOT_FOUND)", async () => {
    const person = await insured(10_000n);
    const other = await insured(0n);
    for (const cardNumber of [other.cardNumber, null, "Z99999999"]) {
      const error = await failureOf(
        settle(
          db,
          request(
            person.personId,
            `S-CARD-${cardNumber ?? "none"}`,
            { total: 1_000n },
            { channel: "CARD", cardNumber },
          ),
          NOW,
        ),
      );
      expect(error.code).toBe("CARD_NOT_FOUND");
    }
    expect(await db.settlement.count()).toBe(0);
  });
});

describe("idempotency on the settlement number", () => {
  it("replays the same settlement: same split, replayed=true, nothing written", async () => {
    const person = await insured(3_000n);
    const req = request(person.personId, "S-REPLAY", { total: 10_000n, fund: 4_000n });
    const first = await settle(db, req, NOW);
    const counts = await ledgerCounts(db);

    // Even with the balance changed since, the replay answers what was decided the first time.
    await fund(db, funds, person.accountId, 50_000n);
    const countsAfterFunding = await ledgerCounts(db);
    const replay = await settle(db, req, NOW);

    expect(replay).toEqual({ ...first, replayed: true });
    expect(split(replay)).toEqual({
      benefitStatus: "NORMAL",
      fund: 4_000n,
      own: 3_000n,
      linked: 0n,
      cash: 3_000n,
    });
    expect(countsAfterFunding).toEqual({ postings: counts.postings + 1, entries: counts.entries + 2 });
    expect(await ledgerCounts(db)).toEqual(countsAfterFunding);
    expect(await db.settlement.count()).toBe(1);
    expect(await balanceOf(db, person.accountId)).toBe(50_000n);
  });

  it("refuses the same number with another amount (IDEMPOTENCY_CONFLICT) and writes nothing", async () => {
    const person = await insured(3_000n);
    await settle(db, request(person.personId, "S-CONFLICT", { total: 10_000n }), NOW);
    const counts = await ledgerCounts(db);

    const error = await failureOf(
      settle(db, request(person.personId, "S-CONFLICT", { total: 10_001n }), NOW),
    );

    expect(error.code).toBe("IDEMPOTENCY_CONFLICT");
    expect(error.message).toContain("S-CONFLICT");
    expect(await ledgerCounts(db)).toEqual(counts);
    expect(await db.settlement.count()).toBe(1);
  });

  it("lets two institutions use the same number independently", async () => {
    const person = await insured(0n);
    const other = (await createInstitution(db, { code: "P50010302", name: "和平药房" })).institution;
    await settle(db, request(person.personId, "0001", { total: 1_000n }), NOW);
    const second = await settle(
      db,
      request(
        person.personId,
        "0001",
        { total: 2_000n },
        { institutionId: other.id, institutionCode: other.code, institutionName: other.name },
      ),
      NOW,
    );
    expect(second.replayed).toBe(false);
    expect(await db.settlement.count()).toBe(2);
  });

  it("refuses amounts that do not add up, and negative parts, with INVALID_AMOUNT", async () => {
    const person = await insured(0n);
    const bad = [
      { ...request(person.personId, "S-BAD-1", { total: 10_000n, fund: 2_000n }), selfPayFen: 7_000n },
      request(person.personId, "S-BAD-2", { total: 0n }),
      {
        ...request(person.personId, "S-BAD-3", { total: 1_000n }),
        fundPayableFen: -1_000n,
        selfPayFen: 2_000n,
      },
    ];
    for (const r of bad) expect((await failureOf(settle(db, r, NOW))).code).toBe("INVALID_AMOUNT");
    expect(await db.settlement.count()).toBe(0);
  });

  it("applies a batch atomically: one bad settlement and none is written", async () => {
    const person = await insured(10_000n);
    const error = await failureOf(
      settleBatch(
        db,
        [
          request(person.personId, "S-BATCH-1", { total: 1_000n }),
          { ...request(person.personId, "S-BATCH-2", { total: 1_000n }), selfPayFen: 1n },
        ],
        NOW,
      ),
    );
    expect(error.code).toBe("INVALID_AMOUNT");
    expect(await db.settlement.count()).toBe(0);
    expect(await balanceOf(db, person.accountId)).toBe(10_000n);
  });
});

describe("concurrent settlements", () => {
  it("settles 100 × 1.00 at once on an account holding 50.00: 50 from the account, 50 in cash, never below zero", async () => {
    const person = await insured(5_000n);

    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        settle(
          db,
          request(
            person.personId,
            `S-RACE-${String(i).padStart(3, "0")}`,
            { total: 100n },
            { kind: "PHARMACY" },
          ),
          NOW,
        ),
      ),
    );

    const rejected = results
      .filter((r) => r.status === "rejected")
      .map((r) => String((r as PromiseRejectedResult).reason));
    expect(rejected).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<SettlementResult>).value);
    expect(values.filter((v) => v.ownAccountFen === 100n && v.cashFen === 0n)).toHaveLength(50);
    expect(values.filter((v) => v.ownAccountFen === 0n && v.cashFen === 100n)).toHaveLength(50);
    expect(await balanceOf(db, person.accountId)).toBe(0n);

    const stored = await db.settlement.aggregate({
      _sum: { ownAccountFen: true, cashFen: true },
      _count: { _all: true },
    });
    expect(stored).toEqual({ _sum: { ownAccountFen: 5_000n, cashFen: 5_000n }, _count: { _all: 100 } });
    const balances = await db.entry.findMany({
      where: { accountId: person.accountId },
      orderBy: { id: "asc" },
      select: { amountFen: true, balanceAfterFen: true },
    });
    let running = 0n;
    for (const e of balances) {
      running += e.amountFen;
      expect(e.balanceAfterFen).toBe(running);
      expect(e.balanceAfterFen >= 0n).toBe(true);
    }
    expect(balances).toHaveLength(51); // the funding and 50 spends
    const report = await checkLedger(db);
    expect(report.ok).toBe(true);
    expect(report.negativePersonalAccounts).toBe(0);
  });

  it("writes one settlement and one posting for one number submitted 20 times at once", async () => {
    const person = await insured(10_000n);
    const req = request(person.personId, "S-SAME", { total: 3_000n, fund: 1_000n });
    const before = await ledgerCounts(db);

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => settle(db, req, NOW)));

    expect(
      results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<SettlementResult>).value);
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
    const rows = await db.settlement.findMany({ select: { id: true, postingId: true } });
    expect(rows).toHaveLength(1);
    expect(new Set(values.map((v) => v.settlementId))).toEqual(new Set([rows[0]!.id]));
    expect(values.every((v) => v.ownAccountFen === 2_000n && v.fundPaidFen === 1_000n)).toBe(true);
    expect(await db.posting.count({ where: { idempotencyKey: "settle:H50010301:S-SAME" } })).toBe(1);
    expect(await ledgerCounts(db)).toEqual({ postings: before.postings + 1, entries: before.entries + 3 });
    expect(await balanceOf(db, person.accountId)).toBe(8_000n);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("spends a provider's balance once when the user's settlements race (linked never below zero)", async () => {
    const user = await insured(0n);
    const provider = await insured(1_000n);
    await createLinkage(db, { userPersonId: user.personId, providerPersonId: provider.personId, agencyId });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        settle(db, request(user.personId, `S-LINKRACE-${i}`, { total: 100n }), NOW),
      ),
    );

    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const values = results.map((r) => (r as PromiseFulfilledResult<SettlementResult>).value);
    expect(values.filter((v) => v.linkedAccountFen === 100n)).toHaveLength(10);
    expect(values.filter((v) => v.cashFen === 100n)).toHaveLength(10);
    expect(await balanceOf(db, provider.accountId)).toBe(0n);
    expect((await checkLedger(db)).ok).toBe(true);
  });
});
