/**
 * The insured person's pages as services against real Postgres (DOMAIN §9): statement filters and
 * keyset pages, credit explanations, the CSV export read back, month-end balances, contributions with
 * the arrears warning, settlements, and the rule that another person's ids are a 404 with an audit row.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { parseCsv } from "@/lib/domain/csv";
import { declareUnitMonth } from "@/lib/services/declare-unit-month";
import { exportStatementCsv, STATEMENT_CSV_HEADER } from "@/lib/services/export-statement-csv";
import { getBalanceHistory } from "@/lib/services/get-balance-history";
import { getPersonBenefit } from "@/lib/services/get-person-benefit";
import { getSettlement } from "@/lib/services/get-settlement";
import { getStatementEntry } from "@/lib/services/get-statement-entry";
import { listContributions } from "@/lib/services/list-contributions";
import { listSettlements, SETTLEMENTS_PAGE_SIZE } from "@/lib/services/list-settlements";
import { listStatement, STATEMENT_PAGE_SIZE } from "@/lib/services/list-statement";
import { postJournal } from "@/lib/services/post-journals";
import { PERSON_RECORD_NOT_FOUND } from "@/lib/services/refuse-person-record";
import { receiveUnitPayment } from "@/lib/services/receive-unit-payment";
import { runMonthlyCredit } from "@/lib/services/run-monthly-credit";
import { settle } from "@/lib/services/settle";
import {
  createInstitution,
  createInsured,
  createReferenceData,
  type Funds,
  truncateAll,
} from "@/tests/factories";
import { failureOf } from "./helpers";

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

/** Opening money on an account, dated as given (a 转入 from the pooled fund). */
async function transferIn(
  accountId: number,
  amountFen: bigint,
  at: string,
  description = "历史账户余额转入",
  key = `open:${accountId}:${at}:${amountFen}`,
) {
  return postJournal(db, {
    idempotencyKey: key,
    description,
    occurredAt: cst(at),
    lines: [
      { accountId, amountFen, kind: "TRANSFER_IN" },
      { accountId: funds["FUND-POOLED"], amountFen: -amountFen, kind: "TRANSFER_IN" },
    ],
  });
}

/**
 * Two employees of the unit, wage 6,000.00, 2026-01..03 declared, January and February paid on the 25th
 * and credited; March unpaid. A has 10,000.00 opening money and two settlements; B one settlement.
 */
async function story() {
  const a = await createInsured(db, { agencyId, unitId, name: "张三", startMonth: "2024-01" });
  const b = await createInsured(db, { agencyId, unitId, name: "李四", startMonth: "2024-01" });
  await transferIn(a.account!.id, 1_000_000n, "2025-12-31 12:00");
  await transferIn(b.account!.id, 500_000n, "2025-12-31 12:00");
  for (const month of ["2026-01", "2026-02", "2026-03"]) {
    await declareUnitMonth(db, {
      unitId,
      month,
      declaredAt: cst(`${month}-05 10:00`),
      employees: [a, b].map((p) => ({ personId: p.person.id, wageFen: 600_000n })),
    });
  }
  await receiveUnitPayment(db, {
    unitId,
    reference: "TAX-01",
    receivedAt: cst("2026-01-25 12:00"),
    amountFen: 145_000n,
  });
  await runMonthlyCredit(db, { month: "2026-01" });
  await receiveUnitPayment(db, {
    unitId,
    reference: "TAX-02",
    receivedAt: cst("2026-02-25 12:00"),
    amountFen: 145_000n,
  });
  await runMonthlyCredit(db, { month: "2026-02" });
  const { institution } = await createInstitution(db, { name: "重庆市测试医院" });
  const visit = (personId: number, no: string, serviceDate: string, totalFen: bigint) =>
    settle(db, {
      institutionId: institution.id,
      institutionCode: institution.code,
      institutionName: institution.name,
      settlementNo: no,
      personId,
      serviceDate,
      kind: "OUTPATIENT",
      channel: "VOUCHER",
      totalFen,
      fundPayableFen: totalFen / 2n,
      selfPayFen: totalFen - totalFen / 2n,
    });
  const a1 = await visit(a.person.id, "S-A-1", "2026-02-10", 20_000n);
  const a2 = await visit(a.person.id, "S-A-2", "2026-04-15", 30_000n);
  const b1 = await visit(b.person.id, "S-B-1", "2026-02-11", 10_000n);
  return { a, b, institution, settlements: { a1, a2, b1 } };
}

async function auditRows() {
  return db.auditLog.findMany({
    where: { action: PERSON_RECORD_NOT_FOUND },
    orderBy: { id: "asc" },
    select: { actorType: true, actorId: true, subjectPersonId: true, reason: true, details: true },
  });
}

describe("statement", () => {
  it("lists every entry newest first with the credit explanation on monthly credits", async () => {
    const { a } = await story();
    const page = await listStatement(db, { personId: a.person.id, now: cst("2026-05-01 10:00") });
    const entries = await db.entry.findMany({ where: { accountId: a.account!.id }, orderBy: { id: "desc" } });
    expect(page.rows.map((r) => [r.id, r.amountFen, r.balanceAfterFen])).toEqual(
      entries.map((e) => [e.id, e.amountFen, e.balanceAfterFen]),
    );
    const credits = page.rows.filter((r) => r.kind === "MONTHLY_CREDIT");
    expect(credits.map((r) => r.explanation)).toEqual([
      "缴费基数 6,000.00 × 2% = 120.00",
      "缴费基数 6,000.00 × 2% = 120.00",
    ]);
    expect(page.rows.filter((r) => r.kind !== "MONTHLY_CREDIT").every((r) => r.explanation === null)).toBe(
      true,
    );
    expect(page.years).toEqual([2026, 2025]);
  });

  it.each([
    {
      label: "kind only",
      filter: { kind: "LTC_DEDUCTION" as const },
      want: ["LTC_DEDUCTION", "LTC_DEDUCTION"],
    },
    { label: "year only", filter: { year: 2025 }, want: ["TRANSFER_IN"] },
    {
      label: "date range, both ends inclusive (China days)",
      filter: { from: "2026-02-01", to: "2026-02-10" },
      want: ["OUTPATIENT", "LTC_DEDUCTION", "MONTHLY_CREDIT"],
    },
    {
      label: "range and kind",
      filter: { from: "2026-02-01", to: "2026-03-31", kind: "MONTHLY_CREDIT" as const },
      want: ["MONTHLY_CREDIT", "MONTHLY_CREDIT"],
    },
    { label: "year and range intersect", filter: { year: 2026, to: "2026-01-31" }, want: [] },
    {
      label: "range and kind with nothing in it",
      filter: { from: "2026-04-16", kind: "OUTPATIENT" as const },
      want: [],
    },
  ])("filters: $label", async ({ filter, want }) => {
    const { a } = await story();
    const page = await listStatement(db, { personId: a.person.id, ...filter });
    expect(page.rows.map((r) => r.kind)).toEqual(want);
  });

  it("pages with keyset cursors in both directions, keeping the filter", async () => {
    const { a } = await story();
    for (let i = 0; i < 60; i++)
      await transferIn(
        a.account!.id,
        100n + BigInt(i),
        `2026-03-${String(1 + (i % 28)).padStart(2, "0")} 09:00`,
        "测试转入",
        `t:${i}`,
      );
    const all = await db.entry.findMany({
      where: { accountId: a.account!.id, kind: "TRANSFER_IN" },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    expect(all).toHaveLength(61);
    const first = await listStatement(db, { personId: a.person.id, kind: "TRANSFER_IN" });
    expect(first.rows).toHaveLength(STATEMENT_PAGE_SIZE);
    expect(first.newerCursor).toBeNull();
    const second = await listStatement(db, {
      personId: a.person.id,
      kind: "TRANSFER_IN",
      after: first.olderCursor!,
    });
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(50).map((e) => e.id));
    expect(second.olderCursor).toBeNull();
    const back = await listStatement(db, {
      personId: a.person.id,
      kind: "TRANSFER_IN",
      before: second.newerCursor!,
    });
    expect(back.rows.map((r) => r.id)).toEqual(all.slice(0, 50).map((e) => e.id));
    expect(back.newerCursor).toBeNull();
  });

  it("has nothing for a person without an account", async () => {
    const r = await createInsured(db, { agencyId, withAccount: false });
    expect(await listStatement(db, { personId: r.person.id })).toMatchObject({ rows: [], hasAccount: false });
  });
});

describe("statement entry detail", () => {
  it("opens a monthly credit with its computation and the deduction posted with it", async () => {
    const { a } = await story();
    const credit = await db.entry.findFirstOrThrow({
      where: { accountId: a.account!.id, kind: "MONTHLY_CREDIT" },
      orderBy: { id: "asc" },
    });
    const detail = await getStatementEntry(db, { personId: a.person.id, entryId: credit.id.toString() });
    expect(detail.credit).toMatchObject({
      month: "2026-01",
      monthText: "2026年1月",
      baseFen: 600_000n,
      explanation: "缴费基数 6,000.00 × 2% = 120.00",
      netFen: 11_400n,
    });
    expect(detail.credit!.lines.map((l) => [l.kindText, l.amountFen])).toEqual([
      ["月度划入", 12_000n],
      ["长护险", -600n],
    ]);
    expect(detail.settlement).toBeNull();
  });

  it("explains a retiree's fixed credit", async () => {
    const r = await createInsured(db, {
      agencyId,
      unitId,
      birthDate: "1960-03-15",
      retiredFrom: "2020-03",
      startMonth: "2024-01",
    });
    await runMonthlyCredit(db, { month: "2026-01" });
    const credit = await db.entry.findFirstOrThrow({
      where: { accountId: r.account!.id, kind: "MONTHLY_CREDIT" },
    });
    const detail = await getStatementEntry(db, { personId: r.person.id, entryId: credit.id.toString() });
    expect(detail.credit).toMatchObject({
      baseFen: null,
      explanation: "退休人员定额划入 105.00(70周岁以下)",
      netFen: 10_500n - 500n - 550n,
    });
  });

  it("links a settlement's entry to the person's own settlement", async () => {
    const { a, settlements } = await story();
    const entry = await db.entry.findFirstOrThrow({
      where: { accountId: a.account!.id, kind: "OUTPATIENT" },
      orderBy: { id: "asc" },
    });
    const detail = await getStatementEntry(db, { personId: a.person.id, entryId: entry.id.toString() });
    expect(detail.settlement).toMatchObject({
      id: settlements.a1.settlementId,
      institutionName: "重庆市测试医院",
    });
  });

  it.each([
    { label: "another person's entry", whose: "other" as const, reason: "请求他人的记录" },
    { label: "an entry that does not exist", whose: "missing" as const, reason: "记录不存在" },
    { label: "an id that is not a number", whose: "garbage" as const, reason: "记录不存在" },
  ])("$label is NOT_FOUND with an audit row", async ({ whose, reason }) => {
    const { a, b } = await story();
    const bEntry = await db.entry.findFirstOrThrow({ where: { accountId: b.account!.id } });
    const entryId = whose === "other" ? bEntry.id.toString() : whose === "missing" ? "999999999" : "1;DROP";
    const error = await failureOf(getStatementEntry(db, { personId: a.person.id, entryId }));
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "未找到该笔明细" });
    expect(await auditRows()).toEqual([
      {
        actorType: "PERSON",
        actorId: String(a.person.id),
        subjectPersonId: whose === "other" ? b.person.id : null,
        reason,
        details: { kind: "entry", id: entryId },
      },
    ]);
  });
});

describe("CSV export", () => {
  it("reads back to the ledger's rows, oldest first, with numeric amounts", async () => {
    const { a } = await story();
    const csv = await exportStatementCsv(db, { personId: a.person.id, year: 2026 });
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    expect(csv.fileName).toBe("个人账户明细_2026.csv");
    expect(csv.asciiFileName).toBe("statement-2026.csv");
    const [header, ...rows] = parseCsv(csv.body);
    expect(header).toEqual([...STATEMENT_CSV_HEADER]);
    const entries = await db.entry.findMany({
      where: { accountId: a.account!.id, occurredAt: { gte: cst("2026-01-01 00:00") } },
      orderBy: { id: "asc" },
      include: { posting: true },
    });
    expect(rows).toHaveLength(entries.length);
    expect(rows.map((r) => [r[7], r[4], r[5]])).toEqual(
      entries.map((e) => [
        e.id.toString(),
        (Number(e.amountFen) / 100).toFixed(2),
        (Number(e.balanceAfterFen) / 100).toFixed(2),
      ]),
    );
    expect(rows.find((r) => r[1] === "月度划入")?.[6]).toBe("缴费基数 6,000.00 × 2% = 120.00");
  });

  it("neutralises a formula in a description but leaves amounts numeric", async () => {
    const { a } = await story();
    await transferIn(a.account!.id, 600n, "2026-04-20 10:00", '=HYPERLINK("http://x","点我")', "formula");
    const csv = await exportStatementCsv(db, { personId: a.person.id, from: "2026-04-20", to: "2026-04-20" });
    expect(parseCsv(csv.body).slice(1)).toEqual([
      [
        "2026-04-20",
        "转入",
        '\'=HYPERLINK("http://x","点我")',
        "",
        "6.00",
        expect.stringMatching(/^\d+\.\d{2}$/),
        "",
        expect.any(String),
      ],
    ]);
    expect(csv.fileName).toBe("个人账户明细_2026-04-20至2026-04-20.csv");
  });

  it("refuses a person without an account", async () => {
    const r = await createInsured(db, { agencyId, withAccount: false });
    expect(await failureOf(exportStatementCsv(db, { personId: r.person.id }))).toMatchObject({
      code: "NO_ACCOUNT",
    });
  });
});

describe("balance history", () => {
  it("gives each month's end balance from the ledger, carried over months without entries", async () => {
    const { a } = await story();
    const history = await getBalanceHistory(db, {
      personId: a.person.id,
      months: 6,
      now: cst("2026-05-10 09:00"),
    });
    expect(history!.currentMonth).toBe("2026-05");
    const expected = [];
    for (const [month, end] of [
      ["2025-12", "2026-01-01 00:00"],
      ["2026-01", "2026-02-01 00:00"],
      ["2026-02", "2026-03-01 00:00"],
      ["2026-03", "2026-04-01 00:00"],
      ["2026-04", "2026-05-01 00:00"],
      ["2026-05", "2026-06-01 00:00"],
    ] as const) {
      const last = await db.entry.findFirst({
        where: { accountId: a.account!.id, occurredAt: { lt: cst(end) } },
        orderBy: { id: "desc" },
      });
      expected.push({ month, balanceFen: last?.balanceAfterFen ?? null });
    }
    expect(history!.points).toEqual(expected);
    expect(history!.points.at(-1)!.balanceFen).toBe(
      (await db.account.findUniqueOrThrow({ where: { id: a.account!.id } })).balanceFen,
    );
  });

  it("has no balance before the first entry", async () => {
    const { a } = await story();
    // The opening transfer is dated 2025-12-31: October and November have nothing yet.
    const history = await getBalanceHistory(db, {
      personId: a.person.id,
      months: 3,
      now: cst("2025-12-31 20:00"),
    });
    expect(history!.points).toEqual([
      { month: "2025-10", balanceFen: null },
      { month: "2025-11", balanceFen: null },
      { month: "2025-12", balanceFen: 1_000_000n },
    ]);
  });
});

describe("contributions and arrears", () => {
  it("shows each month's parts and whether the unit paid it", async () => {
    const { a } = await story();
    const history = await listContributions(db, { personId: a.person.id });
    expect(
      history.rows.map((r) => [
        r.month,
        r.baseFen,
        r.unitBasicFen,
        r.employeeBasicFen,
        r.mutualAidFen,
        r.dueFen,
        r.stateText,
        r.paidOn,
      ]),
    ).toEqual([
      ["2026-03", 600_000n, 51_000n, 12_000n, 9_500n, 72_500n, "欠费", null],
      ["2026-02", 600_000n, 51_000n, 12_000n, 9_500n, 72_500n, "已缴", "2026-02-25"],
      ["2026-01", 600_000n, 51_000n, 12_000n, 9_500n, 72_500n, "已缴", "2026-01-25"],
    ]);
    expect(history.totals).toEqual({ dueFen: 217_500n, employeeBasicFen: 36_000n, arrearsMonths: 1 });
    expect((await listContributions(db, { personId: a.person.id, year: 2025 })).rows).toEqual([]);
  });

  it.each([
    {
      label: "while the gap can still be covered",
      today: "2026-05-10 09:00",
      want: { suspendedFrom: "2026-04-01", coverDeadline: "2026-06-30", daysLeft: 51, coverable: true },
    },
    {
      label: "after the deadline",
      today: "2026-07-02 09:00",
      want: { suspendedFrom: "2026-04-01", coverDeadline: "2026-06-30", daysLeft: -2, coverable: false },
    },
  ])("warns of the unit's arrears $label", async ({ today, want }) => {
    const { a } = await story();
    const benefit = await getPersonBenefit(db, { personId: a.person.id, now: cst(today) });
    expect(benefit.status).toMatchObject({
      status: "SUSPENDED",
      reasonCode: "UNIT_ARREARS",
      since: "2026-04-01",
    });
    expect(benefit.period).toBe("2026年4月1日起暂停统筹待遇");
    expect(benefit.arrears).toMatchObject({ unpaidMonths: ["2026-03"], ...want, title: "单位欠费提醒" });
  });

  it("has no warning once the unit pays", async () => {
    const { a } = await story();
    await receiveUnitPayment(db, {
      unitId,
      reference: "TAX-03",
      receivedAt: cst("2026-04-20 12:00"),
      amountFen: 145_000n,
    });
    const benefit = await getPersonBenefit(db, { personId: a.person.id, now: cst("2026-05-10 09:00") });
    expect(benefit.arrears).toBeNull();
    expect(benefit.status.status).toBe("NORMAL");
  });
});

describe("settlements", () => {
  it("lists the person's own settlements with the year's totals", async () => {
    const { a, settlements } = await story();
    const page = await listSettlements(db, { personId: a.person.id, now: cst("2026-05-01 09:00") });
    expect(page.rows.map((r) => r.id)).toEqual([settlements.a2.settlementId, settlements.a1.settlementId]);
    const rows = await db.settlement.findMany({ where: { personId: a.person.id } });
    const sum = (k: "totalFen" | "fundPaidFen" | "ownAccountFen" | "cashFen") =>
      rows.reduce((s, r) => s + r[k], 0n);
    expect(page.totals).toMatchObject({
      year: 2026,
      count: 2,
      totalFen: sum("totalFen"),
      fundPaidFen: sum("fundPaidFen"),
      ownAccountFen: sum("ownAccountFen"),
      cashFen: sum("cashFen"),
    });
  });

  it("pages on (service date, id) both ways", async () => {
    const { a, institution } = await story();
    for (let i = 0; i < 25; i++) {
      await settle(db, {
        institutionId: institution.id,
        institutionCode: institution.code,
        institutionName: institution.name,
        settlementNo: `P-${i}`,
        personId: a.person.id,
        serviceDate: `2026-03-${String(1 + (i % 5)).padStart(2, "0")}`,
        kind: "PHARMACY",
        channel: "VOUCHER",
        totalFen: 1_000n,
        fundPayableFen: 0n,
        selfPayFen: 1_000n,
      });
    }
    const all = await db.settlement.findMany({
      where: { personId: a.person.id },
      orderBy: [{ serviceDate: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const first = await listSettlements(db, { personId: a.person.id });
    expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, SETTLEMENTS_PAGE_SIZE).map((s) => s.id));
    const second = await listSettlements(db, { personId: a.person.id, after: first.olderCursor! });
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(SETTLEMENTS_PAGE_SIZE).map((s) => s.id));
    expect(second.olderCursor).toBeNull();
    const back = await listSettlements(db, { personId: a.person.id, before: second.newerCursor! });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });

  it("opens the person's own settlement", async () => {
    const { a, settlements } = await story();
    const s = await getSettlement(db, {
      personId: a.person.id,
      settlementId: String(settlements.a1.settlementId),
    });
    const row = await db.settlement.findUniqueOrThrow({ where: { id: settlements.a1.settlementId } });
    expect(s).toMatchObject({
      serviceDate: "2026-02-10",
      kindText: "门诊",
      channelText: "医保电子凭证",
      totalFen: row.totalFen,
      fundPaidFen: row.fundPaidFen,
      ownAccountFen: row.ownAccountFen,
      linkedAccountFen: 0n,
      cashFen: row.cashFen,
      benefitStatusText: "正常",
      fundShiftedToSelfFen: 0n,
    });
    expect(s.ownEntryId).not.toBeNull();
  });

  it("shows the fund part the person paid while suspended", async () => {
    const { a, settlements } = await story();
    // 2026-04-15: March unpaid, so benefits are suspended and the fund's half became self-pay.
    const s = await getSettlement(db, {
      personId: a.person.id,
      settlementId: String(settlements.a2.settlementId),
    });
    expect(s).toMatchObject({
      benefitStatus: "SUSPENDED",
      benefitStatusText: "暂停",
      fundPaidFen: 0n,
      fundShiftedToSelfFen: 15_000n,
    });
  });

  it("answers another person's settlement id with NOT_FOUND and an audit row", async () => {
    const { a, b, settlements } = await story();
    const id = String(settlements.b1.settlementId);
    expect(await failureOf(getSettlement(db, { personId: a.person.id, settlementId: id }))).toMatchObject({
      code: "NOT_FOUND",
      message: "未找到该笔结算记录",
    });
    expect(
      await failureOf(getSettlement(db, { personId: a.person.id, settlementId: "99999999999" })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await auditRows()).toEqual([
      {
        actorType: "PERSON",
        actorId: String(a.person.id),
        subjectPersonId: b.person.id,
        reason: "请求他人的记录",
        details: { kind: "settlement", id },
      },
      {
        actorType: "PERSON",
        actorId: String(a.person.id),
        subjectPersonId: null,
        reason: "记录不存在",
        details: { kind: "settlement", id: "99999999999" },
      },
    ]);
  });
});
