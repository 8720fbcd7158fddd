/**
 * npm run bench:unit -- [--employees 10000] [--rounds 30] [--http] [--keep]
 *
 * Does the employer clerk's portal cost the same for a 10,000-employee unit as for a 10-employee one?
 * Both units live in one fresh database on their own embedded PostgreSQL (openTestCluster("bench-unit")),
 * each with 24 declared months (2024-11 … 2026-10), 2024-11 … 2026-07 paid by the real payment service
 * (FIFO, totals kept on unit_months) and 2026-08 … 2026-10 in arrears, like demo unit 5001000002. The
 * numbers are printed (and written to bench/results-unit.md); nothing here is a timed test.
 *
 * Setup (not measured): set-based SQL for the persons, enrolments and the contribution lines (amounts
 * from lib/domain/contributions.ts, eight wages cycling over the employees, two of them outside the base
 * limits), unit_months totals from the lines, then receiveUnitPayment for each paid month. 10% of each
 * unit's staff are retired; 20,000 persons of other units pad the persons table.
 *
 * Measured, warm (3 discarded warm-up rounds, then --rounds rounds, the two units alternating which goes
 * first; medians): the service calls behind each page, exactly as the pages call them. "cold parts" rows
 * forget the in-process sums of the months' line items first (lib/services/unit-month-parts.ts), which
 * is what the first view of a month costs until unit_months carries those sums itself.
 *
 * With --http and a production build (NEXT_DIST_DIR, default .next): `next start` on the bench database,
 * each clerk's session made with Auth.js's own JWT encoder, and the pages and API fetched over HTTP.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { cstNoon } from "@/lib/domain/dates";
import { unitEmployeeContribution } from "@/lib/domain/contributions";
import { type Month, monthRange } from "@/lib/domain/month";
import { exportUnitMonthCsv } from "@/lib/services/export-unit-month-csv";
import { getUnitEmployee } from "@/lib/services/get-unit-employee";
import { getUnitOverview } from "@/lib/services/get-unit-overview";
import { listAffectedEmployees } from "@/lib/services/list-affected-employees";
import { listUnitMonthEmployees } from "@/lib/services/list-unit-month-employees";
import { listUnitMonths } from "@/lib/services/list-unit-months";
import { receiveUnitPayment } from "@/lib/services/receive-unit-payment";
import { ensureFundAccounts } from "@/lib/services/system-accounts";
import { forgetUnitMonthParts } from "@/lib/services/unit-month-parts";
import { findFreePort } from "@/scripts/lib/embedded-postgres";
import { hasBuild, runNext } from "@/scripts/lib/next";
import { onShutdown } from "@/scripts/lib/runtime";
import { freshDatabase, openTestCluster, type TestCluster } from "@/scripts/lib/test-db";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DB_NAME = "bench_unit";
const FROM: Month = "2024-11";
const TO: Month = "2026-10";
const ARREARS_FROM: Month = "2026-08";
const TODAY = new Date("2026-11-28T04:00:00Z");
const WARMUP_ROUNDS = 3;
const FILLER_PERSONS = 20_000;

const { values } = parseArgs({
  options: {
    employees: { type: "string", default: "10000" },
    rounds: { type: "string", default: "30" },
    http: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

function intOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} should be an integer from ${min} to ${max}`);
    process.exit(2);
  }
  return n;
}

const LARGE = intOption("employees", values.employees, 100, 200_000);
const SMALL = 10;
const rounds = intOption("rounds", values.rounds, 3, 500);

const log = (msg: string) => console.log(`[bench:unit] ${msg}`);
const ms = (from: number) => performance.now() - from;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const p90 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

// ---------------------------------------------------------------------------------------------------
// Setup

interface BenchUnit {
  label: string;
  unitId: number;
  unitNumber: string;
  clerkId: number;
  employees: number;
  /** A person id in the middle of the unit, for a deep keyset page. */
  middleCursor: number;
  samplePersonalNumber: string;
}

function wageTable(m: Month) {
  const wages = [300_000n, 520_000n, 600_000n, 735_050n, 880_000n, 1_234_567n, 1_700_000n, 3_000_000n];
  const rows = wages.map((w) => unitEmployeeContribution(w, m));
  const col = (pick: (r: (typeof rows)[number]) => bigint) => rows.map((r) => pick(r).toString());
  return {
    size: rows.length,
    base: col((r) => r.baseFen),
    unitBasic: col((r) => r.unitBasicFen),
    employeeBasic: col((r) => r.employeeBasicFen),
    unitMutualAid: col((r) => r.unitMutualAidFen),
    employeeMutualAid: col((r) => r.employeeMutualAidFen),
    ltcFund: col((r) => r.ltcFundFen),
    ltcAccount: col((r) => r.ltcAccountFen),
    due: col((r) => r.dueFen),
  };
}

async function insertPersons(
  sql: pg.Client,
  unitId: number,
  from: number,
  count: number,
  retired: boolean,
  agencyId: number,
) {
  await sql.query(
    `INSERT INTO persons (id, id_number, personal_number, name, gender, birth_date, district_code, category,
                          employment_status, retired_from, unit_id, agency_id)
     SELECT i, '5001' || lpad(i::text, 14, '0'), (5000000000 + i)::text, '职工' || i,
            CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END,
            CASE WHEN $3 THEN date '1955-01-01' ELSE date '1975-01-01' END + ((i::bigint * 7919) % 3650)::int,
            '500103', 'EMPLOYEE_UNIT',
            CASE WHEN $3 THEN 'RETIRED' ELSE 'IN_SERVICE' END::"EmploymentStatus",
            CASE WHEN $3 THEN '2020-01' END,
            $4, $5
     FROM generate_series($1::int, $2::int) AS i`,
    [from, from + count - 1, retired, unitId, agencyId],
  );
}

async function setup(sql: pg.Client, db: Db): Promise<BenchUnit[]> {
  await sql.query(`INSERT INTO districts (code, name, kind) VALUES ('500103', '渝中区', 'district')`);
  const {
    rows: [agency],
  } = await sql.query<{ id: number }>(
    `INSERT INTO agencies (code, name, address, phones, district_code)
     VALUES ('YB500000', '重庆市医疗保险管理中心', '重庆市渝中区人民路13号', '023-63892206', '500103') RETURNING id`,
  );
  const specs = [
    { label: `${SMALL} employees`, unitNumber: "5001000001", employees: SMALL, firstId: 1 },
    {
      label: `${LARGE.toLocaleString("en-US")} employees`,
      unitNumber: "5001000002",
      employees: LARGE,
      firstId: 1_000_001,
    },
  ];
  const units: BenchUnit[] = [];
  for (const [k, s] of specs.entries()) {
    const {
      rows: [unit],
    } = await sql.query<{ id: number }>(
      `INSERT INTO units (unit_number, name, credit_code, district_code, agency_id)
       VALUES ($1, $2, $3, '500103', $4) RETURNING id`,
      [s.unitNumber, `基准测试单位${k + 1}`, `91500103MA5U00000${k}`, agency!.id],
    );
    const {
      rows: [clerk],
    } = await sql.query<{ id: number }>(
      `INSERT INTO unit_clerks (unit_id, username, name, password_hash) VALUES ($1, 'clerk1', '经办人', 'x') RETURNING id`,
      [unit!.id],
    );
    await insertPersons(sql, unit!.id, s.firstId, s.employees, false, agency!.id);
    await insertPersons(
      sql,
      unit!.id,
      s.firstId + s.employees,
      Math.max(1, Math.round(s.employees / 10)),
      true,
      agency!.id,
    );
    const middle = s.firstId + Math.floor(s.employees / 2);
    units.push({
      label: s.label,
      unitId: unit!.id,
      unitNumber: s.unitNumber,
      clerkId: clerk!.id,
      employees: s.employees,
      middleCursor: middle,
      samplePersonalNumber: String(5_000_000_000 + middle),
    });
  }
  // Other units' people, so the unit's rows are a slice of the table, not all of it.
  const {
    rows: [filler],
  } = await sql.query<{ id: number }>(
    `INSERT INTO units (unit_number, name, credit_code, district_code, agency_id)
     VALUES ('5001000099', '其他单位', '91500103MA5U000099', '500103', $1) RETURNING id`,
    [agency!.id],
  );
  await insertPersons(sql, filler!.id, 3_000_001, FILLER_PERSONS, false, agency!.id);
  await sql.query(
    `INSERT INTO enrolments (person_id, category, unit_id, start_month)
     SELECT id, category, unit_id, date '2020-01-01' FROM persons ORDER BY id`,
  );
  await sql.query(`SELECT setval(pg_get_serial_sequence('persons', 'id'), (SELECT max(id) FROM persons))`);

  // 24 declarations per unit: lines by set-based SQL, then the months' totals from their lines.
  for (const month of monthRange(FROM, TO)) {
    const w = wageTable(month);
    await sql.query(
      `INSERT INTO unit_months (unit_id, month, employees, due_fen, declared_at)
       SELECT unnest($1::int[]), $2, 0, 0, $3::timestamptz`,
      [units.map((u) => u.unitId), month, cstNoon(`${month}-05`).toISOString()],
    );
    await sql.query(
      `INSERT INTO contribution_lines (unit_month_id, person_id, month, base_fen, unit_basic_fen, employee_basic_fen,
                                       unit_mutual_aid_fen, employee_mutual_aid_fen, ltc_fund_fen, ltc_account_fen, due_fen)
       SELECT um.id, p.id, $1, ($3::bigint[])[k], ($4::bigint[])[k], ($5::bigint[])[k], ($6::bigint[])[k],
              ($7::bigint[])[k], ($8::bigint[])[k], ($9::bigint[])[k], ($10::bigint[])[k]
       FROM persons p
       JOIN unit_months um ON um.unit_id = p.unit_id AND um.month = $1
       CROSS JOIN LATERAL (SELECT 1 + (p.id * 13) % $2::int AS k) AS x
       WHERE p.employment_status = 'IN_SERVICE'
       ORDER BY p.id`,
      [
        month,
        w.size,
        w.base,
        w.unitBasic,
        w.employeeBasic,
        w.unitMutualAid,
        w.employeeMutualAid,
        w.ltcFund,
        w.ltcAccount,
        w.due,
      ],
    );
  }
  await sql.query(
    `UPDATE unit_months um SET employees = s.n, due_fen = s.due
     FROM (SELECT unit_month_id, count(*)::int AS n, sum(due_fen) AS due FROM contribution_lines GROUP BY 1) AS s
     WHERE um.id = s.unit_month_id`,
  );
  // The money arrives through the real service: FIFO, allocations, paid totals on unit_months.
  await ensureFundAccounts(db);
  for (const unit of units) {
    const months = await db.unitMonth.findMany({
      where: { unitId: unit.unitId, month: { lt: ARREARS_FROM } },
      orderBy: { month: "asc" },
    });
    for (const m of months) {
      await receiveUnitPayment(db, {
        unitId: unit.unitId,
        reference: `TAX-${unit.unitNumber}-${m.month}`,
        receivedAt: cstNoon(`${m.month}-25`),
        amountFen: m.dueFen,
      });
    }
  }
  await sql.query("VACUUM ANALYZE");
  return units;
}

// ---------------------------------------------------------------------------------------------------
// Measuring

interface Case {
  name: string;
  /** Part of the aim (overview and month page within 2×). */
  aim?: boolean;
  before?: () => void;
  run: (u: BenchUnit) => Promise<unknown>;
}

interface Result {
  name: string;
  aim: boolean;
  small: number[];
  large: number[];
}

async function measure(cases: readonly Case[], units: readonly BenchUnit[], n: number): Promise<Result[]> {
  const out: Result[] = [];
  for (const c of cases) {
    const times: number[][] = [[], []];
    for (let r = 0; r < WARMUP_ROUNDS + n; r++) {
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        c.before?.();
        const t = performance.now();
        await c.run(units[i]!);
        if (r >= WARMUP_ROUNDS) times[i]!.push(ms(t));
      }
    }
    out.push({ name: c.name, aim: c.aim ?? false, small: times[0]!, large: times[1]! });
    log(`${c.name}: ${fmt(median(times[0]!))} ms vs ${fmt(median(times[1]!))} ms`);
  }
  return out;
}

function serviceCases(db: Db): Case[] {
  const month = "2026-10";
  return [
    {
      name: "overview (getUnitOverview)",
      aim: true,
      run: (u) => getUnitOverview(db, { clerkId: u.clerkId, now: TODAY }),
    },
    {
      name: "month page, first 50 (listUnitMonthEmployees)",
      aim: true,
      run: (u) => listUnitMonthEmployees(db, { clerkId: u.clerkId, month }),
    },
    {
      name: "month page, 10 rows each (size=10)",
      aim: true,
      run: (u) => listUnitMonthEmployees(db, { clerkId: u.clerkId, month, pageSize: 10 }),
    },
    {
      name: "month page, a page in the middle (keyset, 4 rows each)",
      aim: true,
      run: (u) =>
        listUnitMonthEmployees(db, { clerkId: u.clerkId, month, after: u.middleCursor, pageSize: 4 }),
    },
    {
      name: "months page, 24 months + payments (listUnitMonths)",
      aim: true,
      run: (u) => listUnitMonths(db, { clerkId: u.clerkId }),
    },
    {
      name: "month page, cold parts (first view of the month)",
      before: forgetUnitMonthParts,
      run: (u) => listUnitMonthEmployees(db, { clerkId: u.clerkId, month }),
    },
    {
      name: "months page, cold parts (first view)",
      before: forgetUnitMonthParts,
      run: (u) => listUnitMonths(db, { clerkId: u.clerkId }),
    },
    {
      name: "month page, name search",
      run: (u) => listUnitMonthEmployees(db, { clerkId: u.clerkId, month, q: "职工9" }),
    },
    {
      name: "affected employees, first 50",
      run: (u) => listAffectedEmployees(db, { clerkId: u.clerkId, now: TODAY }),
    },
    {
      name: "one employee",
      run: (u) =>
        getUnitEmployee(db, { clerkId: u.clerkId, personalNumber: u.samplePersonalNumber, now: TODAY }),
    },
    {
      name: "employee counts alone (persons GROUP BY status)",
      run: (u) =>
        db.person.groupBy({ by: ["employmentStatus"], where: { unitId: u.unitId }, _count: { _all: true } }),
    },
  ];
}

async function csvCase(
  db: Db,
  units: readonly BenchUnit[],
): Promise<{ unit: string; ms: number; bytes: number; rows: number }[]> {
  const out = [];
  for (const u of units) {
    const t = performance.now();
    const csv = await exportUnitMonthCsv(db, { clerkId: u.clerkId, month: "2026-10" });
    let bytes = 0;
    let rows = -1;
    for await (const chunk of csv.chunks) {
      bytes += Buffer.byteLength(chunk);
      rows += chunk.split("\r\n").length - 1;
    }
    out.push({ unit: u.label, ms: ms(t), bytes, rows });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// HTTP (optional)

async function httpCases(url: string, units: readonly BenchUnit[], n: number): Promise<Result[] | string> {
  if (!hasBuild())
    return `skipped: no production build in ${process.env.NEXT_DIST_DIR ?? ".next"} (run next build first)`;
  const port = await findFreePort(3390);
  const secret = "bench-unit-secret-not-for-production-0123456789";
  const app = runNext(["start", "-p", String(port)], {
    DATABASE_URL: url,
    AUTH_SECRET: secret,
    NODE_ENV: "production",
  });
  const stop = () => {
    if (app.exitCode === null) app.kill("SIGTERM");
  };
  try {
    const base = `http://localhost:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/unit/login`)).ok) break;
      } catch {}
      if (i > 600) throw new Error("next start did not come up");
      await new Promise((r) => setTimeout(r, 200));
    }
    const cookies = new Map<number, string>();
    for (const u of units) {
      const token = await encode({
        token: {
          sub: `clerk:${u.clerkId}`,
          name: "经办人",
          role: "clerk",
          principalId: u.clerkId,
          sessionVersion: 0,
        },
        secret,
        salt: "authjs.session-token",
        maxAge: 3600,
      });
      cookies.set(u.clerkId, `authjs.session-token=${token}`);
    }
    const get = (path: string) => async (u: BenchUnit) => {
      const res = await fetch(`${base}${path.replace(":middle", String(u.middleCursor))}`, {
        headers: { cookie: cookies.get(u.clerkId)! },
        redirect: "manual",
      });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      return body.byteLength;
    };
    const cases: Case[] = [
      { name: "GET /unit", aim: true, run: get("/unit") },
      { name: "GET /unit/months/2026-10", aim: true, run: get("/unit/months/2026-10") },
      {
        name: "GET /unit/months/2026-10?size=10 (10 rows each)",
        aim: true,
        run: get("/unit/months/2026-10?size=10"),
      },
      {
        name: "GET /unit/months/2026-10?size=4&after=… (middle, 4 rows each)",
        aim: true,
        run: get("/unit/months/2026-10?size=4&after=:middle"),
      },
      { name: "GET /unit/months", aim: true, run: get("/unit/months") },
      { name: "GET /unit/affected", run: get("/unit/affected") },
      { name: "GET /api/v1/unit", run: get("/api/v1/unit") },
      { name: "GET /api/v1/unit/months/2026-10", run: get("/api/v1/unit/months/2026-10") },
    ];
    return await measure(cases, units, n);
  } finally {
    stop();
  }
}

// ---------------------------------------------------------------------------------------------------
// Main

async function main(cluster: TestCluster): Promise<void> {
  const url = await freshDatabase(cluster, DB_NAME);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const db = createDb(url);
  try {
    const pgVersion = (await sql.query<{ server_version: string }>("SHOW server_version")).rows[0]!
      .server_version;
    let t = performance.now();
    const units = await setup(sql, db);
    const setupS = ms(t) / 1000;
    const {
      rows: [counts],
    } = await sql.query<{ lines: string; payments: string }>(
      `SELECT (SELECT count(*) FROM contribution_lines) AS lines, (SELECT count(*) FROM unit_payments) AS payments`,
    );
    log(`setup ${setupS.toFixed(1)} s: ${counts!.lines} contribution lines, ${counts!.payments} payments`);

    t = performance.now();
    const services = await measure(serviceCases(db), units, rounds);
    const csv = await csvCase(db, units);
    const http = values.http
      ? await httpCases(url, units, rounds)
      : "not run (pass --http with a production build)";
    log(`measured in ${(ms(t) / 1000).toFixed(1)} s`);

    const row = (r: Result) => {
      const s = median(r.small);
      const l = median(r.large);
      const ratio = l / s;
      const verdict = r.aim ? (ratio <= 2 ? " ✓" : " ✗") : "";
      return `| ${r.name} | ${fmt(s)} | ${fmt(l)} | **${ratio.toFixed(2)}×**${verdict} | ${fmt(p90(r.small))} / ${fmt(p90(r.large))} |`;
    };
    const header = [
      `| call (median of ${rounds} warm rounds) | ${SMALL} employees ms | ${LARGE.toLocaleString("en-US")} employees ms | large / small | p90 ms small / large |`,
      "| --- | ---: | ---: | ---: | ---: |",
    ];
    const cpus = os.cpus();
    const table = [
      "# bench:unit — employer clerk's pages, 10-employee unit vs large unit",
      "",
      `\`npm run bench:unit -- --employees ${LARGE} --rounds ${rounds}${values.http ? " --http" : ""}\` — ${new Date().toISOString()}`,
      "",
      `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; Node ${process.version}, PostgreSQL ${pgVersion} (embedded).`,
      `Data: 24 months ${FROM} … ${TO} per unit, ${ARREARS_FROM} … ${TO} unpaid; ${Number(counts!.lines).toLocaleString("en-US")} contribution lines, ${counts!.payments} payments; ${FILLER_PERSONS.toLocaleString("en-US")} persons of another unit. Setup ${setupS.toFixed(1)} s (not measured).`,
      "Aim (✓/✗ on the rows it covers): the large unit's overview and month pages within 2× of the small unit's.",
      "A month page shows up to 50 employees: the small unit's has 10 rows, the large unit's 50, so the default page also measures",
      "rendering five times the rows; the size=10 and middle-page rows compare like with like (the middle page starts after",
      "the unit's middle employee: 4 rows are left in the small unit).",
      "",
      "## Service calls (what each page calls)",
      "",
      ...header,
      ...services.map(row),
      "",
      "## CSV export of 2026-10 (one run each, streamed in keyset slices of 2,000)",
      "",
      "| unit | ms | rows | bytes |",
      "| --- | ---: | ---: | ---: |",
      ...csv.map(
        (c) =>
          `| ${c.unit} | ${fmt(c.ms)} | ${c.rows.toLocaleString("en-US")} | ${c.bytes.toLocaleString("en-US")} |`,
      ),
      "",
      "## HTTP, production build (`next start`), signed-in clerk",
      "",
      ...(typeof http === "string" ? [http] : [...header, ...http.map(row)]),
      "",
    ].join("\n");
    console.log(`\n${table}`);
    writeFileSync(path.join(HERE, "results-unit.md"), table);
    log(`written to ${path.relative(process.cwd(), path.join(HERE, "results-unit.md"))}`);
  } finally {
    await db.$disconnect();
    await sql.end();
    if (!values.keep) {
      const admin = new pg.Client({ connectionString: cluster.urlFor("postgres") });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const cluster = await openTestCluster("bench-unit");
  onShutdown(() => cluster.stop());
  try {
    await main(cluster);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cluster.stop();
  }
}
