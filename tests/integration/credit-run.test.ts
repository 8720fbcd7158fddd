/**
 * The monthly crediting batch (DOMAIN §5) against real Postgres: the amounts it posts for employees and
 * retirees, its idempotency (a second run and a run killed half-way), credits held back for an unpaid
 * unit month and released when the money arrives, and the refusal of months without policy.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { declareUnitMonth } from "@/lib/services/declare-unit-month";
import { receiveUnitPayment } from "@/lib/services/receive-unit-payment";
import { runMonthlyCredit } from "@/lib/services/run-monthly-credit";
import { createInsured, createPerson, createReferenceData, type Funds, truncateAll } from "@/tests/factories";
import { balanceOf, failureOf, ledgerCounts } from "./helpers";

let db: Db;
let funds: Funds;
let agencyId: number;
let unitId: number;

const ROOT = path.resolve(import.meta.dirname, "..", "..");

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

/** The instant a "YYYY-MM-DD HH:mm" China-time moment is. */
const cst = (dateTime: string) => new Date(`${dateTime.replace(" ", "T")}:00+08:00`);

/** Credits of 2025-10 are dated 2025-11-01 noon, China time. */
const OCTOBER_CREDIT_AT = cst("2025-11-01 12:00");

async function entriesOf(accountId: number) {
  return db.entry.findMany({
    where: { accountId },
    orderBy: { id: "asc" },
    select: { kind: true, amountFen: true, occurredAt: true },
  });
}

async function creditPostingsOf(personalNumber: string) {
  return db.posting.findMany({
    where: { idempotencyKey: { startsWith: `credit:${personalNumber}:` } },
    select: { idempotencyKey: true, description: true, occurredAt: true },
  });
}

async function employee(wageFen = 600_000n, options: { unit?: number } = {}) {
  const insured = await createInsured(db, { agencyId, unitId: options.unit ?? unitId });
  return { ...insured, wageFen, accountId: insured.account!.id };
}

async function declareAndPay(
  month: string,
  employees: readonly { person: { id: number }; wageFen: bigint }[],
  options: { unit?: number; paidAt?: Date } = {},
) {
  const unit = options.unit ?? unitId;
  const declared = await declareUnitMonth(db, {
    unitId: unit,
    month,
    employees: employees.map((e) => ({ personId: e.person.id, wageFen: e.wageFen })),
  });
  await receiveUnitPayment(db, {
    unitId: unit,
    reference: `TAX-${unit}-${month}`,
    receivedAt: options.paidAt ?? cst(`${month}-25 10:00`),
    amountFen: declared.dueFen,
  });
  return declared;
}

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawned in its own process group so that SIGKILL reaches npx, tsx and the node it starts. */
function startCredit(args: string[]): Run {
  const child = spawn("npx", ["tsx", "scripts/credit.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: Run = {
    child,
    stdout: [],
    stderr: [],
    // "close", not "exit": it waits for the output pipes to drain, so the last line is never lost.
    exit: new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal }))),
  };
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => run.stdout.push(chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => run.stderr.push(chunk));
  return run;
}

function firstLineContaining(run: Run, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const line = run.stdout
        .join("")
        .split("\n")
        .find((l) => l.includes(text));
      if (line) {
        run.child.stdout!.off("data", check);
        resolve(line);
      }
    };
    run.child.stdout!.on("data", check);
    run.exit.then(() =>
      reject(new Error(`exited before "${text}": ${run.stdout.join("")}${run.stderr.join("")}`)),
    );
    check();
  });
}

describe("runMonthlyCredit for 2025-10", () => {
  it("credits in-service employees their own 2% less 0.1% LTC and retirees 105/115 less mutual aid and LTC", async () => {
    const wage6000 = await employee(600_000n);
    const wageBelowFloor = await employee(300_000n); // base raised to 4404.00
    const wageAboveCeiling = await employee(3_000_000n); // base cut to 22017.00
    const retiree = await createInsured(db, {
      agencyId,
      birthDate: "1960-03-15",
      retiredFrom: "2020-04",
      startMonth: "2001-01",
    });
    const retireeTurning70 = await createInsured(db, {
      agencyId,
      birthDate: "1955-10-08",
      retiredFrom: "2015-11",
      startMonth: "2001-01",
    });
    const notEnrolled = await createPerson(db, { agencyId, unitId });
    const enrolledLater = await createInsured(db, { agencyId, unitId, startMonth: "2025-11" });
    await declareAndPay("2025-10", [wage6000, wageBelowFloor, wageAboveCeiling]);

    const report = await runMonthlyCredit(db, { month: "2025-10", batchSize: 2 });

    expect(report).toEqual({ month: "2025-10", scanned: 5, posted: 5, alreadyPosted: 0, batches: 3 });
    const at = OCTOBER_CREDIT_AT;
    expect(await entriesOf(wage6000.accountId)).toEqual([
      { kind: "MONTHLY_CREDIT", amountFen: 12_000n, occurredAt: at },
      { kind: "LTC_DEDUCTION", amountFen: -600n, occurredAt: at },
    ]);
    expect(await balanceOf(db, wage6000.accountId)).toBe(11_400n);
    // 4404.00 × 2% = 88.08; × 0.1% = 4.404 → 4.40
    expect(await entriesOf(wageBelowFloor.accountId)).toEqual([
      { kind: "MONTHLY_CREDIT", amountFen: 8_808n, occurredAt: at },
      { kind: "LTC_DEDUCTION", amountFen: -440n, occurredAt: at },
    ]);
    // 22017.00 × 2% = 440.34; × 0.1% = 22.017 → 22.02
    expect(await entriesOf(wageAboveCeiling.accountId)).toEqual([
      { kind: "MONTHLY_CREDIT", amountFen: 44_034n, occurredAt: at },
      { kind: "LTC_DEDUCTION", amountFen: -2_202n, occurredAt: at },
    ]);
    // Under 70: 105.00 − 5.00 mutual aid − 66.00/12 = 5.50 LTC (2025)
    expect(await entriesOf(retiree.account!.id)).toEqual([
      { kind: "MONTHLY_CREDIT", amountFen: 10_500n, occurredAt: at },
      { kind: "MUTUAL_AID_DEDUCTION", amountFen: -500n, occurredAt: at },
      { kind: "LTC_DEDUCTION", amountFen: -550n, occurredAt: at },
    ]);
    expect(await balanceOf(db, retiree.account!.id)).toBe(9_450n);
    // Turns 70 in October 2025: 115.00 from that month
    expect(await entriesOf(retireeTurning70.account!.id)).toEqual([
      { kind: "MONTHLY_CREDIT", amountFen: 11_500n, occurredAt: at },
      { kind: "MUTUAL_AID_DEDUCTION", amountFen: -500n, occurredAt: at },
      { kind: "LTC_DEDUCTION", amountFen: -550n, occurredAt: at },
    ]);
    expect(await entriesOf(notEnrolled.account!.id)).toEqual([]);
    expect(await entriesOf(enrolledLater.account!.id)).toEqual([]);

    expect(await creditPostingsOf(wage6000.person.personalNumber)).toEqual([
      {
        idempotencyKey: expect.stringMatching(new RegExp(`^credit:${wage6000.person.personalNumber}:2025-10:u\\d+$`)),
        description: "2025年10月 月度划入",
        occurredAt: at,
      },
    ]);
    const credited = 12_000n + 8_808n + 44_034n + 10_500n + 11_500n;
    expect(await balanceOf(db, funds["FUND-MUTUAL-AID"])).toBe(1_000n);
    expect(await balanceOf(db, funds["FUND-LTC"])).toBe(600n + 440n + 2_202n + 550n + 550n);
    const contributions = 72_500n + 53_348n + 264_705n;
    expect(await balanceOf(db, funds["FUND-POOLED"])).toBe(contributions - credited);
    const run = await db.creditRun.findUniqueOrThrow({ where: { month: "2025-10" } });
    expect(run.completedAt).not.toBeNull();
    expect(run.credited).toBe(5);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("posts nothing on a second run: every credit is reported as already posted", async () => {
    const employees = [await employee(600_000n), await employee(800_000n)];
    await createInsured(db, {
      agencyId,
      birthDate: "1958-06-01",
      retiredFrom: "2018-07",
      startMonth: "2001-01",
    });
    await declareAndPay("2025-10", employees);

    const first = await runMonthlyCredit(db, { month: "2025-10" });
    const after = await ledgerCounts(db);
    const balances = await db.account.findMany({
      orderBy: { id: "asc" },
      select: { id: true, balanceFen: true },
    });
    const second = await runMonthlyCredit(db, { month: "2025-10" });

    expect(first).toMatchObject({ scanned: 3, posted: 3, alreadyPosted: 0 });
    expect(second).toMatchObject({ scanned: 3, posted: 0, alreadyPosted: 3 });
    expect(await ledgerCounts(db)).toEqual(after);
    expect(
      await db.account.findMany({ orderBy: { id: "asc" }, select: { id: true, balanceFen: true } }),
    ).toEqual(balances);
    expect(await db.posting.count({ where: { idempotencyKey: { startsWith: "credit:" } } })).toBe(3);
    expect((await db.creditRun.findUniqueOrThrow({ where: { month: "2025-10" } })).credited).toBe(3);
    expect((await checkLedger(db)).ok).toBe(true);
  });
});

describe("runMonthlyCredit edge cases", () => {
  it("two overlapping runs of one month credit each person exactly once", async () => {
    const employees = [];
    for (let i = 0; i < 8; i++) employees.push(await employee(600_000n));
    await declareAndPay("2025-10", employees);

    let second: Promise<Awaited<ReturnType<typeof runMonthlyCredit>>> | undefined;
    const first = await runMonthlyCredit(db, {
      month: "2025-10",
      batchSize: 1,
      onProgress: (r) => {
        // The second run starts while the first is between its batches.
        if (r.batches === 1) second = runMonthlyCredit(db, { month: "2025-10", batchSize: 3 });
      },
    });
    const other = await second!;

    expect(first.posted + other.posted).toBe(8);
    expect(first.posted + first.alreadyPosted).toBe(8);
    expect(other.posted + other.alreadyPosted).toBe(8);
    for (const e of employees) expect(await balanceOf(db, e.accountId)).toBe(11_400n);
    expect(await db.posting.count({ where: { idempotencyKey: { startsWith: "credit:" } } })).toBe(8);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  // Regression: Prisma's upsert is SELECT then INSERT and raced (a raw P2002 about 1 run in 6); the run
  // now inserts with ON CONFLICT. Reproduced deterministically: another transaction holds the row.
  it("does not crash when another run creates the month's credit_runs row at the same moment", async () => {
    const person = await employee(600_000n);
    await declareAndPay("2025-10", [person]);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const rowInserted = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const other = db.$transaction(
      async (tx) => {
        await tx.creditRun.create({ data: { month: "2025-10" } });
        inserted();
        await released;
      },
      { timeout: 30_000 },
    );
    await rowInserted;

    const run = runMonthlyCredit(db, { month: "2025-10" }).then(
      (report) => ({ report, error: null }),
      (error: unknown) => ({ report: null, error }),
    );
    // Wait until the run's INSERT is blocked behind the other transaction's uncommitted row.
    for (let i = 0; i < 200; i++) {
      const [waiting] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (waiting!.n > 0n) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    release();
    await other;

    const outcome = await run;
    expect(outcome.error).toBeNull();
    expect(outcome.report).toMatchObject({ posted: 1 });
  });

  // Regression: a month before retired_from is a worked month: 2% of the declared base (DOMAIN §5),
  // not the retiree's fixed credit.
  it("credits a month before retired_from as in service (2% of the declared base), not as a retiree", async () => {
    const retiring = await createInsured(db, {
      agencyId,
      unitId,
      birthDate: "1965-11-03",
      retiredFrom: "2025-11",
    });
    await declareAndPay("2025-10", [{ person: retiring.person, wageFen: 600_000n }]);

    await runMonthlyCredit(db, { month: "2025-10" });

    expect((await entriesOf(retiring.account!.id)).map((e) => [e.kind, e.amountFen])).toEqual([
      ["MONTHLY_CREDIT", 12_000n],
      ["LTC_DEDUCTION", -600n],
    ]);
  });
});

describe("an employee declared by two units in one month (job change, see lib/services/benefit.ts)", () => {
  async function twoUnits() {
    const other = await db.unit.create({
      data: {
        unitNumber: "5001000002",
        name: "第二单位",
        creditCode: "91500103MA5U000001",
        districtCode: "500103",
        agencyId,
      },
    });
    const mover = await employee(600_000n);
    const colleague = await employee(600_000n);
    return { other: other.id, mover, colleague };
  }

  // Regression: each declaring unit-month has its own credit key, so two lines for one person no longer
  // collide and roll back the batch for everyone in it.
  it("does not stop the crediting batch for everyone else", async () => {
    const { other, mover, colleague } = await twoUnits();
    await declareAndPay("2025-10", [mover, colleague]);
    await declareAndPay("2025-10", [{ person: mover.person, wageFen: 400_000n }], { unit: other });

    const report = await runMonthlyCredit(db, { month: "2025-10" });

    expect(report.scanned).toBe(2);
    expect(await balanceOf(db, colleague.accountId)).toBe(11_400n);
    expect(
      await db.entry.count({ where: { accountId: mover.accountId, kind: "MONTHLY_CREDIT" } }),
    ).toBeGreaterThan(0);
  });

  // Regression: the release path keys credits per unit-month too, so the second unit's late payment is
  // not refused with IDEMPOTENCY_CONFLICT.
  it("accepts the second unit's late payment after the first unit's released the credit", async () => {
    const { other, mover } = await twoUnits();
    const a = await declareUnitMonth(db, {
      unitId,
      month: "2025-10",
      employees: [{ personId: mover.person.id, wageFen: 600_000n }],
    });
    const b = await declareUnitMonth(db, {
      unitId: other,
      month: "2025-10",
      employees: [{ personId: mover.person.id, wageFen: 400_000n }],
    });
    await runMonthlyCredit(db, { month: "2025-10" });
    await receiveUnitPayment(db, {
      unitId,
      reference: "TAX-A",
      receivedAt: cst("2025-12-01 10:00"),
      amountFen: a.dueFen,
    });

    const second = await receiveUnitPayment(db, {
      unitId: other,
      reference: "TAX-B",
      receivedAt: cst("2025-12-02 10:00"),
      amountFen: b.dueFen,
    });

    expect(second.paidUpMonths).toEqual(["2025-10"]);
    expect((await db.unitMonth.findFirstOrThrow({ where: { unitId: other } })).paidUpAt).not.toBeNull();
  });
});

describe("an unpaid unit month", () => {
  async function unpaidOctober() {
    const person = await employee(600_000n);
    const { dueFen } = await declareUnitMonth(db, {
      unitId,
      month: "2025-10",
      employees: [{ personId: person.person.id, wageFen: person.wageFen }],
    });
    expect(dueFen).toBe(72_500n);
    const report = await runMonthlyCredit(db, { month: "2025-10" });
    expect(report).toMatchObject({ scanned: 1, posted: 0, alreadyPosted: 0 });
    expect(await entriesOf(person.accountId)).toEqual([]);
    return person;
  }

  it("is not credited by the batch; paid within 3 months (by 2026-01-31) it releases the ordinary monthly credit", async () => {
    const person = await unpaidOctober();
    const paidAt = cst("2026-01-31 23:30");

    const payment = await receiveUnitPayment(db, {
      unitId,
      reference: "TAX-LATE-1",
      receivedAt: paidAt,
      amountFen: 72_500n,
    });

    expect(payment).toMatchObject({ replayed: false, paidUpMonths: ["2025-10"], credited: 1 });
    expect(await entriesOf(person.accountId)).toEqual([
      { kind: "MONTHLY_CREDIT", amountFen: 12_000n, occurredAt: paidAt },
      { kind: "LTC_DEDUCTION", amountFen: -600n, occurredAt: paidAt },
    ]);
    const [posting] = await creditPostingsOf(person.person.personalNumber);
    expect(posting).toMatchObject({
      idempotencyKey: expect.stringMatching(new RegExp(`^credit:${person.person.personalNumber}:2025-10:u\\d+$`)),
      description: "2025年10月 月度划入",
    });
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("paid after the 3-month window (from 2026-02-01) releases a back-credit 补划", async () => {
    const person = await unpaidOctober();
    const paidAt = cst("2026-02-01 00:30");

    const payment = await receiveUnitPayment(db, {
      unitId,
      reference: "TAX-LATE-2",
      receivedAt: paidAt,
      amountFen: 72_500n,
    });

    expect(payment).toMatchObject({ replayed: false, paidUpMonths: ["2025-10"], credited: 1 });
    expect(await entriesOf(person.accountId)).toEqual([
      { kind: "BACK_CREDIT", amountFen: 12_000n, occurredAt: paidAt },
      { kind: "LTC_DEDUCTION", amountFen: -600n, occurredAt: paidAt },
    ]);
    const [posting] = await creditPostingsOf(person.person.personalNumber);
    expect(posting!.description).toBe("2025年10月 补划");
    expect(await balanceOf(db, person.accountId)).toBe(11_400n);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("paid before the batch has run, is credited by the batch itself (the payment releases nothing)", async () => {
    const person = await employee(600_000n);
    const declared = await declareAndPay("2025-10", [person], { paidAt: cst("2025-10-28 09:00") });
    expect(declared.created).toBe(true);
    expect(await entriesOf(person.accountId)).toEqual([]);

    expect(await runMonthlyCredit(db, { month: "2025-10" })).toMatchObject({ posted: 1 });
    expect((await entriesOf(person.accountId)).map((e) => e.kind)).toEqual([
      "MONTHLY_CREDIT",
      "LTC_DEDUCTION",
    ]);
  });

  // Regression: the batch and the late-payment release post the same key with different dates; credits
  // are posted keep-first, so a rerun reports the released credit as already posted.
  it("can still be rerun after the late payment released the credit: the rerun posts nothing new", async () => {
    const person = await unpaidOctober();
    await receiveUnitPayment(db, {
      unitId,
      reference: "TAX-LATE-3",
      receivedAt: cst("2026-01-10 10:00"),
      amountFen: 72_500n,
    });
    const before = await ledgerCounts(db);

    const rerun = await runMonthlyCredit(db, { month: "2025-10" });

    expect(rerun).toMatchObject({ scanned: 1, posted: 0, alreadyPosted: 1 });
    expect(await ledgerCounts(db)).toEqual(before);
    expect(await balanceOf(db, person.accountId)).toBe(11_400n);
  });
});

describe("months without policy", () => {
  it("refuses 2019-05 and 2027-01 with NO_POLICY naming the month when there is someone to credit", async () => {
    await createInsured(db, {
      agencyId,
      birthDate: "1950-02-02",
      retiredFrom: "2010-03",
      startMonth: "2001-01",
    });
    const person = await employee();
    await declareAndPay("2025-10", [person]);

    for (const month of ["2019-05", "2027-01"]) {
      const error = await failureOf(runMonthlyCredit(db, { month }));
      expect(error.name).toBe("DomainError");
      expect(error.code).toBe("NO_POLICY");
      expect(error.message).toBe(`没有 ${month} 的政策参数`);
    }
    expect(await ledgerCounts(db)).toEqual({ postings: 1, entries: 2 }); // the payment only
  });

  it("makes npm run credit exit 1 with the NO_POLICY message", async () => {
    await createInsured(db, {
      agencyId,
      birthDate: "1950-02-02",
      retiredFrom: "2010-03",
      startMonth: "2001-01",
    });
    const run = startCredit(["--month", "2027-01"]);
    expect(await run.exit).toEqual({ code: 1, signal: null });
    expect(run.stderr.join("")).toContain("没有 2027-01 的政策参数");
    expect(await db.posting.count()).toBe(0);
  });

  it("refuses a malformed month with INVALID_MONTH", async () => {
    expect((await failureOf(runMonthlyCredit(db, { month: "2025-13" }))).code).toBe("INVALID_MONTH");
  });

  // Regression: the policy is checked up front, so a month without policy is refused whoever is
  // enrolled (DOMAIN §5), instead of completing silently when nobody is a retiree.
  it("refuses 2027-01 with NO_POLICY even when only in-service employees are enrolled", async () => {
    await employee();
    const error = await failureOf(runMonthlyCredit(db, { month: "2027-01" }));
    expect(error.code).toBe("NO_POLICY");
    expect(await db.creditRun.count({ where: { month: "2027-01" } })).toBe(0);
  });
});

describe("npm run credit killed half-way", () => {
  it("credits every eligible person exactly once when rerun after SIGKILL, and the ledger checks clean", async () => {
    const employees = [];
    for (let i = 0; i < 60; i++) employees.push(await employee(500_000n + BigInt(i) * 10_000n));
    const retirees = [];
    for (let i = 0; i < 4; i++) {
      retirees.push(
        await createInsured(db, {
          agencyId,
          birthDate: "1959-01-20",
          retiredFrom: "2019-02",
          startMonth: "2001-01",
        }),
      );
    }
    await declareAndPay("2025-10", employees);
    const eligible = [...employees.map((e) => e.accountId), ...retirees.map((r) => r.account!.id)];

    const killed = startCredit(["--month", "2025-10", "--batch", "2"]);
    const progress = await firstLineContaining(killed, "第 1 批");
    process.kill(-killed.child.pid!, "SIGKILL");
    expect(await killed.exit).toEqual({ code: null, signal: "SIGKILL" });
    expect(progress).toMatch(/^第 1 批:已扫描 2 人,新记账 2 笔,已存在 0 笔/);

    const partial = await db.posting.count({ where: { idempotencyKey: { startsWith: "credit:" } } });
    expect(partial).toBeGreaterThanOrEqual(2);
    expect(partial).toBeLessThan(eligible.length);
    expect((await db.creditRun.findUniqueOrThrow({ where: { month: "2025-10" } })).completedAt).toBeNull();
    expect((await checkLedger(db)).ok).toBe(true);

    const rerun = startCredit(["--month", "2025-10", "--batch", "2"]);
    expect(await rerun.exit).toEqual({ code: 0, signal: null });
    const output = rerun.stdout.join("");
    expect(output).toContain(
      `2025-10 划账完成:扫描 64 人,新记账 ${eligible.length - partial} 笔,此前已记账 ${partial} 笔。`,
    );

    const perPerson = await db.entry.groupBy({
      by: ["accountId"],
      where: { accountId: { in: eligible }, kind: "MONTHLY_CREDIT" },
      _count: { _all: true },
    });
    expect(perPerson).toHaveLength(eligible.length);
    expect(perPerson.every((p) => p._count._all === 1)).toBe(true);
    expect(await db.posting.count({ where: { idempotencyKey: { startsWith: "credit:" } } })).toBe(
      eligible.length,
    );
    for (const e of employees) {
      const base = e.wageFen;
      const credit = base / 50n; // 2%, exact for whole-yuan wages in range
      expect(await balanceOf(db, e.accountId)).toBe(credit - base / 1000n);
    }
    for (const r of retirees) expect(await balanceOf(db, r.account!.id)).toBe(9_450n);
    const run = await db.creditRun.findUniqueOrThrow({ where: { month: "2025-10" } });
    expect(run.completedAt).not.toBeNull();
    expect(run.credited).toBe(eligible.length);
    const report = await checkLedger(db);
    expect(report.ok).toBe(true);
    expect(report.negativePersonalAccounts).toBe(0);
  });
});
