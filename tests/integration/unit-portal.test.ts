/**
 * The employer clerk's portal services (DOMAIN §6, §9) against real Postgres: the unit's overview, its
 * months with FIFO settlement and running arrears, one month's employees (keyset pages, search, CSV),
 * the employees affected by arrears with their benefit status, and the refusal (404 + audit row) of a
 * unit number, month or employee id that is not the clerk's. Figures are compared with the database.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { parseCsv } from "@/lib/domain/csv";
import { declareUnitMonth } from "@/lib/services/declare-unit-month";
import { exportUnitMonthCsv } from "@/lib/services/export-unit-month-csv";
import { getUnitEmployee } from "@/lib/services/get-unit-employee";
import { getUnitOverview } from "@/lib/services/get-unit-overview";
import { listAffectedEmployees } from "@/lib/services/list-affected-employees";
import { listUnitMonthEmployees } from "@/lib/services/list-unit-month-employees";
import { listUnitMonths } from "@/lib/services/list-unit-months";
import { receiveUnitPayment } from "@/lib/services/receive-unit-payment";
import { createInsured, createReferenceData, truncateAll } from "@/tests/factories";
import { failureOf } from "./helpers";

let db: Db;
let agencyId: number;
let unitId: number;
let clerkId: number;
let otherUnitId: number;
let otherClerkId: number;

beforeAll(() => {
  db = createDb(inject("databaseUrl"));
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
  ({ agencyId, unitId } = await createReferenceData(db));
  const other = await db.unit.create({
    data: {
      unitNumber: "5001000002",
      name: "另一单位",
      creditCode: "91500103MA5U000001",
      districtCode: "500103",
      agencyId,
    },
  });
  otherUnitId = other.id;
  clerkId = (
    await db.unitClerk.create({ data: { unitId, username: "clerk1", name: "林晶", passwordHash: "x" } })
  ).id;
  otherClerkId = (
    await db.unitClerk.create({
      data: { unitId: otherUnitId, username: "clerk1", name: "宋峰", passwordHash: "x" },
    })
  ).id;
});

const cst = (dateTime: string) => new Date(`${dateTime.replace(" ", "T")}:00+08:00`);

/** 6000.00 a month in 2025: 510.00 + 120.00 + 90.00 + 5.00. */
const DUE_6000 = 72_500n;

async function employees(count: number, options: { unit?: number; names?: string[] } = {}) {
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(
      await createInsured(db, {
        agencyId,
        unitId: options.unit ?? unitId,
        name: options.names?.[i],
        startMonth: "2024-01",
      }),
    );
  }
  return out.map((e) => e.person);
}

async function declare(
  month: string,
  personIds: readonly number[],
  options: { unit?: number; wageFen?: bigint } = {},
) {
  return declareUnitMonth(db, {
    unitId: options.unit ?? unitId,
    month,
    employees: personIds.map((personId) => ({ personId, wageFen: options.wageFen ?? 600_000n })),
    declaredAt: cst(`${month}-05 10:00`),
  });
}

async function pay(reference: string, amountFen: bigint, receivedAt: Date, unit = unitId) {
  return receiveUnitPayment(db, { unitId: unit, reference, receivedAt, amountFen });
}

async function auditRows() {
  const rows = await db.auditLog.findMany({
    where: { action: "UNIT_ACCESS_REFUSED" },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    actor: `${r.actorType}:${r.actorId}`,
    subjectPersonId: r.subjectPersonId,
    kind: (r.details as { kind: string }).kind,
    value: (r.details as { value: string }).value,
  }));
}

describe("FIFO through the services: March and April owed, a payment worth one month", () => {
  async function marchAndApril() {
    const [a, b] = await employees(2);
    await declare("2025-03", [a!.id, b!.id]);
    await declare("2025-04", [a!.id, b!.id]);
    await pay("TAX-0510", 2n * DUE_6000, cst("2025-05-10 10:00"));
    return [a!, b!] as const;
  }

  it("settles March first: the months page shows March paid by that payment and April carrying the running arrears", async () => {
    await marchAndApril();
    const list = await listUnitMonths(db, { clerkId });

    const rows = Object.fromEntries(
      list.months.map((m) => [
        m.month,
        `due ${m.dueFen} paid ${m.paidFen} arrears ${m.arrearsFen} running ${m.runningArrearsFen} by ${m.settledBy.map((s) => `${s.reference}:${s.amountFen}`).join(",")}`,
      ]),
    );
    expect(rows).toEqual({
      "2025-04": "due 145000 paid 0 arrears 145000 running 145000 by ",
      "2025-03": "due 145000 paid 145000 arrears 0 running 0 by TAX-0510:145000",
    });
    expect(list.payments).toEqual([
      {
        reference: "TAX-0510",
        receivedAt: cst("2025-05-10 10:00"),
        amountFen: 145_000n,
        settled: [{ month: "2025-03", amountFen: 145_000n }],
        unallocatedFen: 0n,
      },
    ]);
    expect(list.totals).toEqual({ dueFen: 290_000n, paidFen: 145_000n, arrearsFen: 145_000n, creditFen: 0n });
    // The parts add up to the due and equal the lines in the database.
    const sums = await db.contributionLine.aggregate({
      where: { month: "2025-04" },
      _sum: {
        unitBasicFen: true,
        employeeBasicFen: true,
        unitMutualAidFen: true,
        employeeMutualAidFen: true,
      },
    });
    const april = list.months[0]!;
    expect(april).toMatchObject({
      unitBasicFen: sums._sum.unitBasicFen,
      employeeBasicFen: sums._sum.employeeBasicFen,
      unitMutualAidFen: sums._sum.unitMutualAidFen,
      employeeMutualAidFen: sums._sum.employeeMutualAidFen,
      unitPartFen: 2n * (51_000n + 9_000n),
      employeePartFen: 2n * (12_000n + 500n),
      mutualAidFen: 2n * (9_000n + 500n),
    });
    expect(april.unitPartFen + april.employeePartFen).toBe(april.dueFen);
  });

  it("suspends April's employees from May 1 and gives the unit until July 31 to keep the gap covered", async () => {
    await marchAndApril();
    const now = cst("2025-05-20 10:00");

    const overview = await getUnitOverview(db, { clerkId, now });
    expect(overview.arrears).toEqual({
      totalFen: 145_000n,
      months: [{ month: "2025-04", arrearsFen: 145_000n, employees: 2 }],
      creditFen: 0n,
    });
    expect(overview.outlook.inEffect.map((c) => `${c.kind} ${c.month} ${c.date}`)).toEqual([
      "BENEFITS_STOP 2025-04 2025-05-01",
    ]);
    expect(overview.outlook.next).toEqual({
      kind: "GAP_NOT_COVERED",
      month: "2025-04",
      date: "2025-08-01",
      payBy: "2025-07-31",
      amountFen: 145_000n,
      daysLeft: 72,
    });

    const affected = await listAffectedEmployees(db, { clerkId, now });
    // March was paid up this month, so its employees are listed too (they are the same two).
    expect(affected.months.map((m) => m.month)).toEqual(["2025-03", "2025-04"]);
    expect(affected.total).toBe(2);
    expect(
      affected.employees.map((e) => [
        e.status,
        e.since,
        e.unpaidMonthsText,
        e.outlook?.coverDeadline,
        e.outlook?.payToRestoreFen,
      ]),
    ).toEqual([
      ["SUSPENDED", "2025-05-01", "2025-04", "2025-07-31", 145_000n],
      ["SUSPENDED", "2025-05-01", "2025-04", "2025-07-31", 145_000n],
    ]);
    expect(affected.employees[0]!.restoreHint).toBe(
      "单位补缴欠费后次月恢复统筹待遇;2025-07-31前补缴的,停保期间的医疗费用按规定支付",
    );

    const april = await listUnitMonthEmployees(db, { clerkId, month: "2025-04" });
    expect(april.employees.map((e) => `${e.stateText} ${e.paidFen} ${e.arrearsFen}`)).toEqual([
      `欠缴 0 ${DUE_6000}`,
      `欠缴 0 ${DUE_6000}`,
    ]);
    const march = await listUnitMonthEmployees(db, { clerkId, month: "2025-03" });
    expect(march.employees.map((e) => `${e.stateText} ${e.paidFen} ${e.arrearsFen}`)).toEqual([
      `已缴清 ${DUE_6000} 0`,
      `已缴清 ${DUE_6000} 0`,
    ]);
  });

  it("paying April in June within the 3 months resumes benefits with the gap covered", async () => {
    const [a] = await marchAndApril();
    await pay("TAX-0615", 145_000n, cst("2025-06-15 10:00"));
    const now = cst("2025-06-20 10:00");

    const overview = await getUnitOverview(db, { clerkId, now });
    expect(overview.arrears.totalFen).toBe(0n);
    expect(overview.outlook.next).toBeNull();

    const affected = await listAffectedEmployees(db, { clerkId, now });
    expect(affected.months.map((m) => m.month)).toEqual(["2025-04"]);
    expect(affected.employees.map((e) => `${e.status} ${e.reason}`)).toEqual([
      "NORMAL 欠费3个月内已补缴,停保期间待遇照常",
      "NORMAL 欠费3个月内已补缴,停保期间待遇照常",
    ]);
    const employee = await getUnitEmployee(db, { clerkId, personalNumber: a.personalNumber, now });
    expect(employee.months.map((m) => `${m.month} ${m.stateText} ${m.benefitStatusText}`)).toEqual([
      "2025-04 已缴清 正常",
      "2025-03 已缴清 正常",
    ]);
    expect(employee.outlook).toBeNull();
  });

  it("paying April only in September, past the 3 months, keeps the employees suspended until September ends", async () => {
    await marchAndApril();
    await pay("TAX-0910", 145_000n, cst("2025-09-10 10:00"));
    const affected = await listAffectedEmployees(db, { clerkId, now: cst("2025-09-20 10:00") });
    expect(affected.employees.map((e) => `${e.status} ${e.since} ${e.until} ${e.reason}`)).toEqual([
      "SUSPENDED 2025-05-01 2025-09-30 欠费超过3个月后补缴,中断期间医疗费用不予支付",
      "SUSPENDED 2025-05-01 2025-09-30 欠费超过3个月后补缴,中断期间医疗费用不予支付",
    ]);
  });

  it("a part payment leaves the whole month owed by every employee, and says the month was part paid", async () => {
    const [a, b] = await employees(2);
    await declare("2025-03", [a!.id, b!.id]);
    await pay("TAX-PART", 100_000n, cst("2025-03-20 10:00"));
    const page = await listUnitMonthEmployees(db, { clerkId, month: "2025-03" });
    expect(page.month).toMatchObject({
      dueFen: 145_000n,
      paidFen: 100_000n,
      arrearsFen: 45_000n,
      runningArrearsFen: 45_000n,
    });
    expect(page.employees.map((e) => `${e.state} ${e.arrearsFen}`)).toEqual([
      `MONTH_PART_PAID ${DUE_6000}`,
      `MONTH_PART_PAID ${DUE_6000}`,
    ]);
  });
});

describe("affected employees", () => {
  it("pages with keyset cursors, lists only the unit's people in owing months, and says so when nothing is owed", async () => {
    const people = await employees(3);
    const [stranger] = await employees(1, { unit: otherUnitId });
    await declare(
      "2025-03",
      people.map((p) => p.id),
    );
    await declare("2025-03", [stranger!.id], { unit: otherUnitId });
    const now = cst("2025-04-10 10:00");

    const seen: string[] = [];
    let page = await listAffectedEmployees(db, { clerkId, now, pageSize: 1 });
    expect([page.total, page.prevCursor]).toEqual([3, null]);
    seen.push(...page.employees.map((e) => e.personalNumber));
    while (page.nextCursor !== null) {
      page = await listAffectedEmployees(db, { clerkId, now, pageSize: 1, after: page.nextCursor });
      seen.push(...page.employees.map((e) => e.personalNumber));
    }
    expect(seen).toEqual(people.map((p) => p.personalNumber));
    const back = await listAffectedEmployees(db, { clerkId, now, pageSize: 1, before: page.prevCursor! });
    expect(back.employees.map((e) => e.personalNumber)).toEqual([people[1]!.personalNumber]);
    expect(back.employees[0]).toMatchObject({
      status: "SUSPENDED",
      since: "2025-04-01",
      unpaidMonthsText: "2025-03",
    });

    await pay("TAX-0328", 3n * DUE_6000, cst("2025-03-28 10:00"));
    const none = await listAffectedEmployees(db, { clerkId, now: cst("2025-04-10 10:00") });
    expect([none.total, none.employees, none.months]).toEqual([0, [], []]);
  });
});

describe("overview", () => {
  it("counts the unit's employees in service and retired, and shows the latest month and credit", async () => {
    const staff = await employees(3);
    await createInsured(db, { agencyId, unitId, retiredFrom: "2024-06", birthDate: "1960-03-01" });
    await employees(1, { unit: otherUnitId });
    await declare(
      "2025-10",
      staff.map((p) => p.id),
    );
    await pay("TAX-1025", 3n * DUE_6000 + 1_000n, cst("2025-10-25 10:00"));

    const overview = await getUnitOverview(db, { clerkId, now: cst("2025-11-02 09:00") });
    expect(overview.unit).toEqual({
      unitNumber: "5001000001",
      name: "测试单位",
      maskedCreditCode: "91************0000",
      districtName: "渝中区",
      agencyName: "重庆市医疗保险管理中心",
    });
    expect(overview.employees).toEqual({ inService: 3, retired: 1 });
    expect(overview.latestMonth).toEqual({
      month: "2025-10",
      employees: 3,
      dueFen: 3n * DUE_6000,
      paidFen: 3n * DUE_6000,
      paidUpAt: cst("2025-10-25 10:00"),
    });
    expect(overview.arrears).toEqual({ totalFen: 0n, months: [], creditFen: 1_000n });
    expect(overview.today).toBe("2025-11-02");
  });
});

describe("one month's employees", () => {
  async function fiveEmployees() {
    const people = await employees(5, { names: ["张三", "李四", "王五", "张小明", "欧阳娜娜"] });
    await declare(
      "2025-10",
      people.map((p) => p.id),
    );
    return people;
  }

  it("pages with keyset cursors forwards and back, and the rows equal the database", async () => {
    const people = await fiveEmployees();
    const first = await listUnitMonthEmployees(db, { clerkId, month: "2025-10", pageSize: 2 });
    expect(first.employees.map((e) => e.personalNumber)).toEqual([
      people[0]!.personalNumber,
      people[1]!.personalNumber,
    ]);
    expect([first.total, first.prevCursor]).toEqual([5, null]);
    const second = await listUnitMonthEmployees(db, {
      clerkId,
      month: "2025-10",
      pageSize: 2,
      after: first.nextCursor!,
    });
    expect(second.employees.map((e) => e.maskedName)).toEqual(["王*", "张**"]);
    const third = await listUnitMonthEmployees(db, {
      clerkId,
      month: "2025-10",
      pageSize: 2,
      after: second.nextCursor!,
    });
    expect(third.employees.map((e) => e.maskedName)).toEqual(["欧阳**"]);
    expect(third.nextCursor).toBeNull();
    const back = await listUnitMonthEmployees(db, {
      clerkId,
      month: "2025-10",
      pageSize: 2,
      before: third.prevCursor!,
    });
    expect(back.employees.map((e) => e.maskedName)).toEqual(["王*", "张**"]);
    const backAgain = await listUnitMonthEmployees(db, {
      clerkId,
      month: "2025-10",
      pageSize: 2,
      before: back.prevCursor!,
    });
    expect(backAgain.employees.map((e) => e.maskedName)).toEqual(["张*", "李*"]);
    expect(backAgain.prevCursor).toBeNull();

    const lines = await db.contributionLine.findMany({
      where: { month: "2025-10" },
      orderBy: { personId: "asc" },
    });
    expect(first.employees[0]).toMatchObject({
      baseFen: lines[0]!.baseFen,
      unitBasicFen: lines[0]!.unitBasicFen,
      employeeBasicFen: lines[0]!.employeeBasicFen,
      unitMutualAidFen: lines[0]!.unitMutualAidFen,
      employeeMutualAidFen: lines[0]!.employeeMutualAidFen,
      dueFen: lines[0]!.dueFen,
      paidFen: 0n,
      arrearsFen: lines[0]!.dueFen,
    });
  });

  it("searches by name fragment or personal-number prefix, ignoring LIKE wildcards", async () => {
    const people = await fiveEmployees();
    const byName = await listUnitMonthEmployees(db, { clerkId, month: "2025-10", q: "张" });
    expect(byName.employees.map((e) => e.maskedName)).toEqual(["张*", "张**"]);
    expect(byName.total).toBeNull();
    const byNumber = await listUnitMonthEmployees(db, {
      clerkId,
      month: "2025-10",
      q: people[3]!.personalNumber,
    });
    expect(byNumber.employees.map((e) => e.personalNumber)).toEqual([people[3]!.personalNumber]);
    const fullWidth = await listUnitMonthEmployees(db, { clerkId, month: "2025-10", q: "　欧阳　" });
    expect(fullWidth.employees.map((e) => e.maskedName)).toEqual(["欧阳**"]);
    const wildcard = await listUnitMonthEmployees(db, { clerkId, month: "2025-10", q: "%" });
    expect([wildcard.q, wildcard.employees.length]).toEqual([null, 5]);
    const none = await listUnitMonthEmployees(db, { clerkId, month: "2025-10", q: "不存在" });
    expect(none.employees).toEqual([]);
  });

  it("exports the month as CSV with BOM, masked names and the database's amounts", async () => {
    await fiveEmployees();
    await pay("TAX-1025", 5n * DUE_6000, cst("2025-10-25 10:00"));
    const csv = await exportUnitMonthCsv(db, { clerkId, month: "2025-10" });
    let text = "";
    for await (const chunk of csv.chunks) text += chunk;
    expect(text.startsWith("\uFEFF月份,个人编号,姓名")).toBe(true);
    expect(csv.fileName).toBe("单位缴费明细-5001000001-2025-10.csv");
    expect(csv.contentDisposition).toContain("filename*=UTF-8''");
    const rows = parseCsv(text);
    expect(rows).toHaveLength(6);
    const lines = await db.contributionLine.findMany({
      where: { month: "2025-10" },
      orderBy: { personId: "asc" },
      include: { person: true },
    });
    const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4], r[12], r[13], r[14], r[15]])).toEqual(
      lines.map((l) => [
        l.person.personalNumber,
        expect.stringMatching(/^\p{Script=Han}+\*+$/u),
        yuan(l.baseFen),
        yuan(l.dueFen),
        yuan(l.dueFen),
        "0.00",
        "已缴清",
      ]),
    );
    expect(rows.slice(1).map((r) => r[2])).toEqual(["张*", "李*", "王*", "张**", "欧阳**"]);
  });
});

describe("a clerk sees only their own unit: anything else is 404 with an audit row", () => {
  it("refuses another unit's number on every service, and accepts the clerk's own", async () => {
    const [a] = await employees(1);
    await declare("2025-10", [a!.id]);
    await expect(getUnitOverview(db, { clerkId, unitNumber: "5001000001" })).resolves.toBeTruthy();

    for (const call of [
      () => getUnitOverview(db, { clerkId, unitNumber: "5001000002" }),
      () => listUnitMonths(db, { clerkId, unitNumber: "5001000002" }),
      () => listUnitMonthEmployees(db, { clerkId, unitNumber: "5001000002", month: "2025-10" }),
      () => listAffectedEmployees(db, { clerkId, unitNumber: "5001000002" }),
      () => exportUnitMonthCsv(db, { clerkId, unitNumber: "5001000002", month: "2025-10" }),
      () => getUnitEmployee(db, { clerkId, unitNumber: "5001000002", personalNumber: a!.personalNumber }),
    ]) {
      const error = await failureOf(call());
      expect([error.code, error.message]).toEqual(["NOT_FOUND", "未找到该单位"]);
    }
    expect(await auditRows()).toEqual(
      Array(6).fill({ actor: `CLERK:${clerkId}`, subjectPersonId: null, kind: "unit", value: "5001000002" }),
    );
  });

  it("refuses a month the unit never declared (another unit's included) and a malformed one", async () => {
    const [a] = await employees(1);
    const [b] = await employees(1, { unit: otherUnitId });
    await declare("2025-10", [a!.id]);
    await declare("2025-09", [b!.id], { unit: otherUnitId });

    for (const month of ["2025-09", "2019-01", "2025-13", "../../etc"]) {
      const error = await failureOf(listUnitMonthEmployees(db, { clerkId, month }));
      expect([error.code, error.message]).toEqual(["NOT_FOUND", "未找到该月份的缴费记录"]);
    }
    expect((await failureOf(exportUnitMonthCsv(db, { clerkId, month: "2025-09" }))).code).toBe("NOT_FOUND");
    expect((await auditRows()).map((r) => `${r.kind}:${r.value}`)).toEqual([
      "month:2025-09",
      "month:2019-01",
      "month:2025-13",
      "month:../../etc",
      "month:2025-09",
    ]);
    // The other unit's clerk sees its own month.
    await expect(
      listUnitMonthEmployees(db, { clerkId: otherClerkId, month: "2025-09" }),
    ).resolves.toMatchObject({ total: 1 });
  });

  it("refuses another unit's employee (the audit row names them), an unknown number and a malformed one", async () => {
    const [mine] = await employees(1);
    const [theirs] = await employees(1, { unit: otherUnitId });
    await declare("2025-10", [mine!.id]);
    await declare("2025-10", [theirs!.id], { unit: otherUnitId });
    await expect(
      getUnitEmployee(db, { clerkId, personalNumber: mine!.personalNumber }),
    ).resolves.toMatchObject({
      personalNumber: mine!.personalNumber,
      onUnitBooks: true,
    });

    for (const personalNumber of [theirs!.personalNumber, "9999999999", "12345"]) {
      const error = await failureOf(getUnitEmployee(db, { clerkId, personalNumber }));
      expect([error.code, error.message]).toEqual(["NOT_FOUND", "未找到该职工"]);
    }
    expect(await auditRows()).toEqual([
      {
        actor: `CLERK:${clerkId}`,
        subjectPersonId: theirs!.id,
        kind: "employee",
        value: theirs!.personalNumber,
      },
      { actor: `CLERK:${clerkId}`, subjectPersonId: null, kind: "employee", value: "9999999999" },
      { actor: `CLERK:${clerkId}`, subjectPersonId: null, kind: "employee", value: "12345" },
    ]);
  });

  it("still shows a former employee the unit declared, after they moved to another unit", async () => {
    const [moved] = await employees(1);
    await declare("2025-09", [moved!.id]);
    await db.person.update({ where: { id: moved!.id }, data: { unitId: otherUnitId } });
    const employee = await getUnitEmployee(db, { clerkId, personalNumber: moved!.personalNumber });
    expect(employee).toMatchObject({ onUnitBooks: false, months: [{ month: "2025-09" }] });
  });
});
