/**
 * A unit's declarations and the money it pays (DOMAIN §5, §6) against real Postgres: contribution lines
 * computed by the policy, FIFO settlement of the oldest arrears, credit carried to later months,
 * idempotent payment references, and the employees' benefit status that follows from all of it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { loadBenefitStatuses } from "@/lib/services/benefit";
import { checkLedger } from "@/lib/services/check-ledger";
import { declareUnitMonth } from "@/lib/services/declare-unit-month";
import { receiveUnitPayment } from "@/lib/services/receive-unit-payment";
import { createInsured, createReferenceData, type Funds, truncateAll } from "@/tests/factories";
import { balanceOf, failureOf, ledgerCounts } from "./helpers";

let db: Db;
let funds: Funds;
let agencyId: number;
let unitId: number;

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ funds, agencyId, unitId } = await createReferenceData(db));
});

const cst = (dateTime: string) => new Date(`${dateTime.replace(" ", "T")}:00+08:00`);

/** 6000.00 a month in 2025: 510.00 + 120.00 + 90.00 + 5.00 (long-term care is not billed to the unit). */
const DUE_6000 = 72_500n;

async function employees(count: number) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(await createInsured(db, { agencyId, unitId }));
  return out;
}

async function declare(month: string, personIds: readonly number[], wageFen = 600_000n) {
  return declareUnitMonth(db, {
    unitId,
    month,
    employees: personIds.map((personId) => ({ personId, wageFen })),
    declaredAt: cst(`${month}-05 10:00`),
  });
}

async function pay(reference: string, amountFen: bigint, receivedAt: Date) {
  return receiveUnitPayment(db, { unitId, reference, receivedAt, amountFen });
}

/** The unit's months as the clerk would see them, one labelled row per month. */
async function monthRows() {
  const rows = await db.unitMonth.findMany({
    where: { unitId },
    orderBy: { month: "asc" },
    select: { month: true, dueFen: true, paidFen: true, paidUpAt: true },
  });
  return Object.fromEntries(
    rows.map((r) => [r.month, { due: r.dueFen, paid: r.paidFen, paidUpAt: r.paidUpAt }]),
  );
}

async function allocationRows() {
  const rows = await db.paymentAllocation.findMany({
    orderBy: { id: "asc" },
    select: {
      amountFen: true,
      payment: { select: { reference: true } },
      unitMonth: { select: { month: true } },
    },
  });
  return rows.map((r) => ({
    reference: r.payment.reference,
    month: r.unitMonth.month,
    amountFen: r.amountFen,
  }));
}

async function unallocated(reference: string) {
  return (await db.unitPayment.findUniqueOrThrow({ where: { reference } })).unallocatedFen;
}

async function statusesOf(personId: number, dates: readonly string[]) {
  const statuses = await loadBenefitStatuses(
    db,
    dates.map((date) => ({ personId, date })),
  );
  return Object.fromEntries(dates.map((d, i) => [d, `${statuses[i]!.status} ${statuses[i]!.reasonCode}`]));
}

describe("declareUnitMonth", () => {
  it("computes each employee's line with the 2025-10 policy and keeps the month's totals equal to its lines", async () => {
    const [a, b, c] = await employees(3);
    const declared = await declareUnitMonth(db, {
      unitId,
      month: "2025-10",
      employees: [
        { personId: a!.person.id, wageFen: 600_000n },
        { personId: b!.person.id, wageFen: 300_000n }, // below the 2025 floor 4404
        { personId: c!.person.id, wageFen: 3_000_000n }, // above the 2025 ceiling 22017
      ],
    });

    const lines = await db.contributionLine.findMany({
      where: { unitMonthId: declared.unitMonthId },
      orderBy: { personId: "asc" },
    });
    const pick = (l: (typeof lines)[number]) => ({
      base: l.baseFen,
      unitBasic: l.unitBasicFen,
      employeeBasic: l.employeeBasicFen,
      unitMutualAid: l.unitMutualAidFen,
      employeeMutualAid: l.employeeMutualAidFen,
      ltcFund: l.ltcFundFen,
      ltcAccount: l.ltcAccountFen,
      due: l.dueFen,
    });
    expect(lines.map(pick)).toEqual([
      {
        base: 600_000n,
        unitBasic: 51_000n,
        employeeBasic: 12_000n,
        unitMutualAid: 9_000n,
        employeeMutualAid: 500n,
        ltcFund: 600n,
        ltcAccount: 600n,
        due: DUE_6000,
      },
      {
        base: 440_400n,
        unitBasic: 37_434n,
        employeeBasic: 8_808n,
        unitMutualAid: 6_606n,
        employeeMutualAid: 500n,
        ltcFund: 440n,
        ltcAccount: 440n,
        due: 53_348n,
      },
      {
        // 8.5% of 22017.00 = 1871.445 and 1.5% = 330.255: each rounded half up on its own
        base: 2_201_700n,
        unitBasic: 187_145n,
        employeeBasic: 44_034n,
        unitMutualAid: 33_026n,
        employeeMutualAid: 500n,
        ltcFund: 2_202n,
        ltcAccount: 2_202n,
        due: 264_705n,
      },
    ]);
    expect(lines.every((l) => l.month === "2025-10")).toBe(true);

    const month = await db.unitMonth.findUniqueOrThrow({ where: { id: declared.unitMonthId } });
    const sum = lines.reduce((s, l) => s + l.dueFen, 0n);
    expect(month).toMatchObject({ month: "2025-10", employees: 3, dueFen: sum, paidFen: 0n, paidUpAt: null });
    expect(declared).toEqual({ unitMonthId: month.id, created: true, dueFen: sum });
    expect(sum).toBe(390_553n);
  });

  it("declares a month once: a second declaration returns the first and adds no lines", async () => {
    const [a, b] = await employees(2);
    const first = await declare("2025-10", [a!.person.id]);
    const again = await declare("2025-10", [a!.person.id, b!.person.id], 900_000n);

    expect(again).toEqual({ unitMonthId: first.unitMonthId, created: false, dueFen: DUE_6000 });
    expect(await db.contributionLine.count()).toBe(1);
    expect(await db.unitMonth.count()).toBe(1);
  });

  it("refuses a month without policy with NO_POLICY and writes nothing", async () => {
    const [a] = await employees(1);
    const error = await failureOf(declare("2019-05", [a!.person.id]));
    expect([error.code, error.message]).toEqual(["NO_POLICY", "没有 2019-05 的政策参数"]);
    expect(await db.unitMonth.count()).toBe(0);
  });
});

describe("receiveUnitPayment, FIFO", () => {
  it("spends a payment worth one month on March, the oldest arrears, and leaves April owed", async () => {
    const [a] = await employees(1);
    await declare("2025-03", [a!.person.id]);
    await declare("2025-04", [a!.person.id]);
    const paidAt = cst("2025-05-10 10:00");

    const result = await pay("TAX-0510", DUE_6000, paidAt);

    expect(result).toMatchObject({ replayed: false, paidUpMonths: ["2025-03"], credited: 0 });
    expect(await monthRows()).toEqual({
      "2025-03": { due: DUE_6000, paid: DUE_6000, paidUpAt: paidAt },
      "2025-04": { due: DUE_6000, paid: 0n, paidUpAt: null },
    });
    expect(await allocationRows()).toEqual([
      { reference: "TAX-0510", month: "2025-03", amountFen: DUE_6000 },
    ]);
    expect(await unallocated("TAX-0510")).toBe(0n);
    // The money itself: from the collector's clearing account into the pooled fund.
    expect(await balanceOf(db, funds["CLEARING-COLLECTION"])).toBe(-DUE_6000);
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(DUE_6000);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("splits a payment across months oldest first, leaving the newer month partly paid", async () => {
    const [a, b] = await employees(2);
    for (const month of ["2025-04", "2025-03", "2025-05"]) await declare(month, [a!.person.id, b!.person.id]);
    const paidAt = cst("2025-06-02 09:00");

    const result = await pay("TAX-0602", 3n * DUE_6000, paidAt);

    expect(result.paidUpMonths).toEqual(["2025-03"]);
    expect(await monthRows()).toEqual({
      "2025-03": { due: 2n * DUE_6000, paid: 2n * DUE_6000, paidUpAt: paidAt },
      "2025-04": { due: 2n * DUE_6000, paid: DUE_6000, paidUpAt: null },
      "2025-05": { due: 2n * DUE_6000, paid: 0n, paidUpAt: null },
    });
    expect(await allocationRows()).toEqual([
      { reference: "TAX-0602", month: "2025-03", amountFen: 2n * DUE_6000 },
      { reference: "TAX-0602", month: "2025-04", amountFen: DUE_6000 },
    ]);
  });

  it("keeps what exceeds the arrears as credit that settles the next declared month", async () => {
    const [a] = await employees(1);
    await declare("2025-03", [a!.person.id]);
    const first = cst("2025-03-20 10:00");

    await pay("TAX-OVER", 100_000n, first);
    expect(await unallocated("TAX-OVER")).toBe(100_000n - DUE_6000);

    // April's declaration takes the 275.00 of credit at once, leaving 450.00 owed.
    await declare("2025-04", [a!.person.id]);
    expect(await unallocated("TAX-OVER")).toBe(0n);
    expect((await monthRows())["2025-04"]).toEqual({ due: DUE_6000, paid: 27_500n, paidUpAt: null });

    const second = cst("2025-04-25 10:00");
    const result = await pay("TAX-REST", 45_000n, second);
    expect(result.paidUpMonths).toEqual(["2025-04"]);
    expect(await monthRows()).toEqual({
      "2025-03": { due: DUE_6000, paid: DUE_6000, paidUpAt: first },
      "2025-04": { due: DUE_6000, paid: DUE_6000, paidUpAt: second },
    });
    expect(await allocationRows()).toEqual([
      { reference: "TAX-OVER", month: "2025-03", amountFen: DUE_6000 },
      { reference: "TAX-OVER", month: "2025-04", amountFen: 27_500n },
      { reference: "TAX-REST", month: "2025-04", amountFen: 45_000n },
    ]);
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(145_000n);
  });

  it("pays a month declared after an advance payment in full, dated at the advance", async () => {
    const [a] = await employees(1);
    const advanceAt = cst("2025-02-26 10:00");
    await pay("TAX-ADVANCE", 2n * DUE_6000, advanceAt);
    expect(await unallocated("TAX-ADVANCE")).toBe(2n * DUE_6000);

    await declare("2025-03", [a!.person.id]);
    await declare("2025-04", [a!.person.id]);

    expect(await monthRows()).toEqual({
      "2025-03": { due: DUE_6000, paid: DUE_6000, paidUpAt: advanceAt },
      "2025-04": { due: DUE_6000, paid: DUE_6000, paidUpAt: advanceAt },
    });
    expect(await unallocated("TAX-ADVANCE")).toBe(0n);
  });
});

describe("receiveUnitPayment, idempotency", () => {
  it("replays a known reference: returns replayed and changes nothing", async () => {
    const [a] = await employees(1);
    await declare("2025-03", [a!.person.id]);
    await declare("2025-04", [a!.person.id]);
    const first = await pay("TAX-ONCE", DUE_6000, cst("2025-05-10 10:00"));
    const counts = await ledgerCounts(db);
    const months = await monthRows();

    const replay = await pay("TAX-ONCE", DUE_6000, cst("2025-05-10 10:00"));

    expect(replay).toEqual({ paymentId: first.paymentId, replayed: true, paidUpMonths: [], credited: 0 });
    expect(await ledgerCounts(db)).toEqual(counts);
    expect(await monthRows()).toEqual(months);
    expect(await db.unitPayment.count()).toBe(1);
    expect(await db.paymentAllocation.count()).toBe(1);
  });

  it("refuses the same reference with another amount or for another unit (IDEMPOTENCY_CONFLICT)", async () => {
    const [a] = await employees(1);
    await declare("2025-03", [a!.person.id]);
    await pay("TAX-DUP", 10_000n, cst("2025-03-20 10:00"));
    const counts = await ledgerCounts(db);
    const other = await db.unit.create({
      data: {
        unitNumber: "5001000002",
        name: "另一单位",
        creditCode: "91500103MA5U000001",
        districtCode: "500103",
        agencyId,
      },
    });

    const otherAmount = await failureOf(pay("TAX-DUP", 20_000n, cst("2025-03-20 10:00")));
    expect(otherAmount.code).toBe("IDEMPOTENCY_CONFLICT");
    expect(otherAmount.message).toContain("TAX-DUP");
    const otherUnit = await failureOf(
      receiveUnitPayment(db, {
        unitId: other.id,
        reference: "TAX-DUP",
        receivedAt: new Date(),
        amountFen: 10_000n,
      }),
    );
    expect(otherUnit.code).toBe("IDEMPOTENCY_CONFLICT");

    expect(await ledgerCounts(db)).toEqual(counts);
    expect((await monthRows())["2025-03"]).toEqual({ due: DUE_6000, paid: 10_000n, paidUpAt: null });
  });

  it("posts one reference submitted 10 times at once exactly once", async () => {
    const [a] = await employees(1);
    await declare("2025-03", [a!.person.id]);
    await declare("2025-04", [a!.person.id]);
    const at = cst("2025-05-10 10:00");

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => pay("TAX-BURST", DUE_6000, at)),
    );

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof pay>>>).value);
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
    expect(new Set(values.map((v) => v.paymentId)).size).toBe(1);
    expect(await db.unitPayment.count()).toBe(1);
    expect(await db.posting.count({ where: { idempotencyKey: "payment:TAX-BURST" } })).toBe(1);
    expect(await allocationRows()).toEqual([
      { reference: "TAX-BURST", month: "2025-03", amountFen: DUE_6000 },
    ]);
    expect(await monthRows()).toMatchObject({ "2025-03": { paid: DUE_6000 }, "2025-04": { paid: 0n } });
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("keeps a unit's months consistent under concurrent payments and declarations", async () => {
    const [a] = await employees(1);
    const months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
    const results = await Promise.allSettled([
      ...months.map((m) => declare(m, [a!.person.id])),
      ...months.map((m, i) => pay(`TAX-C${i}`, DUE_6000, cst(`${m}-25 10:00`))),
    ]);

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await monthRows();
    expect(Object.values(rows).map((r) => r.paid)).toEqual(Array(6).fill(DUE_6000));
    expect(Object.values(rows).every((r) => r.paidUpAt !== null)).toBe(true);
    expect(await db.unitPayment.aggregate({ _sum: { unallocatedFen: true } })).toEqual({
      _sum: { unallocatedFen: 0n },
    });
    const allocated = await db.paymentAllocation.aggregate({ _sum: { amountFen: true } });
    expect(allocated._sum.amountFen).toBe(6n * DUE_6000);
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(6n * DUE_6000);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("refuses a zero or negative amount with INVALID_AMOUNT", async () => {
    expect((await failureOf(pay("TAX-ZERO", 0n, new Date()))).code).toBe("INVALID_AMOUNT");
    expect((await failureOf(pay("TAX-NEG", -1n, new Date()))).code).toBe("INVALID_AMOUNT");
    expect(await db.unitPayment.count()).toBe(0);
  });
});

describe("the employees' benefit status (DOMAIN §6)", () => {
  /** February paid on time, March declared and left unpaid. */
  async function marchInArrears() {
    const [a, b] = await employees(2);
    const ids = [a!.person.id, b!.person.id];
    await declare("2025-02", ids);
    await pay("TAX-FEB", 2n * DUE_6000, cst("2025-02-25 10:00"));
    await declare("2025-03", ids);
    return { a: a!.person.id, b: b!.person.id };
  }

  it("suspends from the month after the arrears month, for every employee of the unit", async () => {
    const { a, b } = await marchInArrears();

    expect(await statusesOf(a, ["2025-03-31", "2025-04-01", "2025-06-15"])).toEqual({
      "2025-03-31": "NORMAL INSURED",
      "2025-04-01": "SUSPENDED UNIT_ARREARS",
      "2025-06-15": "SUSPENDED UNIT_ARREARS",
    });
    const [status] = await loadBenefitStatuses(db, [{ personId: b, date: "2025-04-20" }]);
    expect(status).toMatchObject({
      status: "SUSPENDED",
      reasonCode: "UNIT_ARREARS",
      since: "2025-04-01",
      until: null,
    });
  });

  it("paid up within 3 months: a date inside the gap is NORMAL (covered), and cover resumes", async () => {
    const { a } = await marchInArrears();
    await pay("TAX-MAR", 2n * DUE_6000, cst("2025-05-20 10:00"));

    expect(await statusesOf(a, ["2025-04-10", "2025-05-25", "2025-06-01"])).toEqual({
      "2025-04-10": "NORMAL ARREARS_GAP_COVERED",
      "2025-05-25": "NORMAL ARREARS_GAP_COVERED",
      "2025-06-01": "NORMAL INSURED",
    });
    const [inGap] = await loadBenefitStatuses(db, [{ personId: a, date: "2025-04-10" }]);
    expect(inGap).toMatchObject({ gapCovered: true, since: "2025-04-01", until: "2025-05-31" });
  });

  it("paid on the last day of M+3 (China time, 23:59) still covers the gap", async () => {
    const { a } = await marchInArrears();
    await pay("TAX-MAR", 2n * DUE_6000, cst("2025-06-30 23:59"));
    expect((await statusesOf(a, ["2025-05-10"]))["2025-05-10"]).toBe("NORMAL ARREARS_GAP_COVERED");
  });

  it("paid up after more than 3 months: a date in the gap stays SUSPENDED, cover resumes the month after paying", async () => {
    const { a } = await marchInArrears();
    await pay("TAX-MAR", 2n * DUE_6000, cst("2025-07-01 00:10"));

    expect(await statusesOf(a, ["2025-04-10", "2025-07-20", "2025-08-01"])).toEqual({
      "2025-04-10": "SUSPENDED PAID_AFTER_3_MONTHS",
      "2025-07-20": "SUSPENDED PAID_AFTER_3_MONTHS",
      "2025-08-01": "NORMAL INSURED",
    });
    const [inGap] = await loadBenefitStatuses(db, [{ personId: a, date: "2025-05-10" }]);
    expect(inGap).toMatchObject({ status: "SUSPENDED", backCredit: ["2025-03"] });
  });

  it("with March and April owed, a payment worth one month keeps them suspended (April still owed)", async () => {
    const { a } = await marchInArrears();
    await declare("2025-04", [a]);
    await pay("TAX-ONE", 2n * DUE_6000, cst("2025-05-12 10:00"));

    expect(await monthRows()).toMatchObject({
      "2025-03": { paid: 2n * DUE_6000 },
      "2025-04": { paid: 0n, paidUpAt: null },
    });
    expect(await statusesOf(a, ["2025-04-15", "2025-05-15", "2025-06-15"])).toEqual({
      "2025-04-15": "NORMAL ARREARS_GAP_COVERED",
      "2025-05-15": "SUSPENDED UNIT_ARREARS",
      "2025-06-15": "SUSPENDED UNIT_ARREARS",
    });
  });
});
