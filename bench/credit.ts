/**
 * npm run bench:credit -- [--persons 100000] [--month 2025-10] [--batch 1000] [--rounds 3] [--profile] [--keep]
 *
 * Throughput of the monthly crediting batch (lib/services/run-monthly-credit.ts) beside a raw, set-based
 * `INSERT … SELECT` that writes the very same rows, in the same run, on the same fresh database.
 * The issue's aim: the batch at least half the raw rate (ratio batch/raw ≥ 0.50).
 *
 * What happens:
 *  1. A fresh migrated database on its own embedded PostgreSQL (openTestCluster("bench")).
 *  2. Setup with set-based SQL (generate_series; not the seed, not the posting service; timed apart):
 *     a handful of units, N unit-insured persons (80% in service, 20% retired, many of them 70+),
 *     enrolments, personal accounts, one paid-up unit_month per unit and one contribution line per
 *     in-service person for the month, with amounts from lib/domain (unitEmployeeContribution).
 *  3. Warm-up: the first min(2000, N) persons are built first and both contenders run once on them
 *     (same month, same code paths: JIT, connection pool, Prisma's query compiler, catalog caches);
 *     then the rest of the persons are built and the tables analysed.
 *  4. Rounds (default 3; medians reported). Each round: reset the ledger, run runMonthlyCredit, reset,
 *     run the raw statement. After the first batch round the ledger is checked (checkLedger), the
 *     batch is run a second time (must post nothing; timed), and the batch's rows are fingerprinted;
 *     after the first raw round the raw rows are fingerprinted and compared with the batch's.
 *
 * Why reset-and-repeat rather than a second month or scratch tables: both contenders then write the
 * same month, the same idempotency keys and the same amounts into the real postings/entries/accounts
 * tables (all their indexes, foreign keys, CHECKs and append-only triggers) starting from the same
 * state (empty ledger, zero balances). A second month would make the later contender pay for bigger
 * indexes and the balance reads of the first one's rows; LIKE-copies would lose the foreign keys and
 * triggers. TRUNCATE … RESTART IDENTITY (row triggers do not fire on TRUNCATE) even restarts the ids, so
 * the raw rows can be compared with the batch's byte for byte: the table says whether they are identical.
 *
 * The raw contender is one transaction: one INSERT … SELECT for the postings (same keys, same payload
 * hashes, same meta), one for the entries (balance_after by a window sum over the accounts' balances),
 * one UPDATE of the balances, as data-modifying CTEs of a single statement, plus the credit_runs row.
 * It takes no explicit FOR UPDATE on the accounts first (a concurrent-safe production version should;
 * the batch does): it is the upper bound the issue asks to compare with.
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { unitEmployeeContribution } from "@/lib/domain/contributions";
import { retireeMonthlyMovement } from "@/lib/domain/credits";
import { type Month, monthParts, parseMonth } from "@/lib/domain/month";
import { coveredEmployeeMonths, retireeCredits } from "@/lib/domain/policy";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkLedger } from "@/lib/services/check-ledger";
import {
  type CreditMovement,
  creditJournal,
  inServiceExplanation,
  runMonthlyCredit,
} from "@/lib/services/run-monthly-credit";
import { ensureFundAccounts, type FundAccountIds } from "@/lib/services/system-accounts";
import { onShutdown } from "@/scripts/lib/runtime";
import { freshDatabase, openTestCluster, type TestCluster } from "@/scripts/lib/test-db";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DB_NAME = "bench_credit";
const UNITS = 8;
const WARMUP_PERSONS = 2000;

// ---------------------------------------------------------------------------------------------------
// Options

const { values } = parseArgs({
  options: {
    persons: { type: "string", default: "100000" },
    month: { type: "string", default: "2025-10" },
    batch: { type: "string", default: "1000" },
    rounds: { type: "string", default: "3" },
    profile: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    /** Also write the headline figures as JSON (npm run bench reads them). */
    json: { type: "string" },
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

const persons = intOption("persons", values.persons, 10, 5_000_000);
const batchSize = intOption("batch", values.batch, 1, 20_000);
const rounds = intOption("rounds", values.rounds, 1, 20);
const covered = coveredEmployeeMonths();
let month: Month;
try {
  month = parseMonth(values.month);
} catch {
  console.error("--month should be YYYY-MM");
  process.exit(2);
}
if (month < covered.first || month > covered.last) {
  console.error(`--month should lie within the policy table, ${covered.first} to ${covered.last}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

const seconds = (from: number) => (performance.now() - from) / 1000;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US");
const fmtSec = (s: number) => s.toFixed(2);

/**
 * CPU seconds used by this process and by the PostgreSQL server (every process pg_stat_activity lists,
 * read from /proc; null when the server is not local or /proc is missing). On a shared machine wall
 * time moves with the neighbours' load; CPU time much less, so the table shows both.
 */
export interface CpuMeter {
  stop: () => Promise<{ node: number; pg: number | null }>;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

function procCpuSeconds(pid: number): number | null {
  try {
    // A server elsewhere (TEST_CLUSTER_URL) has pids that mean nothing here: count only local postgres.
    if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") return null;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
  } catch {
    return null;
  }
}

async function serverCpu(sql: pg.Client): Promise<Map<number, number> | null> {
  const { rows } = await sql.query<{ pid: number }>("SELECT pid FROM pg_stat_activity");
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const cpu = procCpuSeconds(pid);
    if (cpu !== null) out.set(pid, cpu);
  }
  return out.size > 0 ? out : null;
}

export async function startCpuMeter(sql: pg.Client): Promise<CpuMeter> {
  const node0 = process.cpuUsage();
  const pg0 = await serverCpu(sql);
  return {
    stop: async () => {
      const node = process.cpuUsage(node0);
      const pg1 = await serverCpu(sql);
      let pgSeconds: number | null = null;
      if (pg0 && pg1) {
        pgSeconds = 0;
        for (const [pid, cpu] of pg1) pgSeconds += cpu - (pg0.get(pid) ?? 0);
      }
      return { node: (node.user + node.system) / 1e6, pg: pgSeconds };
    },
  };
}

async function one<T>(sql: pg.Client, text: string, params: unknown[] = []): Promise<T> {
  const result = await sql.query(text, params);
  return result.rows[0] as T;
}

// ---------------------------------------------------------------------------------------------------
// Setup: set-based SQL, a pure function of the person's ordinal i so it can be built in two slices.

/** Eight monthly wages, two of them outside the base limits, with amounts computed by lib/domain. */
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

export async function setupReference(sql: pg.Client, db: Db, m: Month): Promise<FundAccountIds> {
  await sql.query(`INSERT INTO districts (code, name, kind) VALUES ('500103', '渝中区', 'district')`);
  const agency = await one<{ id: number }>(
    sql,
    `INSERT INTO agencies (code, name, address, phones, district_code)
     VALUES ('YB500000', '重庆市医疗保险管理中心', '重庆市渝中区人民路13号', '023-63892206', '500103') RETURNING id`,
  );
  await sql.query(
    `INSERT INTO units (unit_number, name, credit_code, district_code, agency_id)
     SELECT (5001000000 + u)::text, '基准测试单位' || u, '91500103MA5U' || lpad(u::text, 6, '0'), '500103', $1
     FROM generate_series(1, $2::int) AS u`,
    [agency.id, UNITS],
  );
  // One declaration per unit for the month; totals and payment are filled in after the lines exist.
  await sql.query(
    `INSERT INTO unit_months (unit_id, month, employees, due_fen, declared_at)
     SELECT id, $1, 0, 0, $2::timestamp FROM units`,
    [m, `${m}-05T02:00:00Z`],
  );
  return ensureFundAccounts(db);
}

/** Persons from..to (ordinals), with enrolments, personal accounts and the month's contribution lines. */
export async function buildPersons(sql: pg.Client, m: Month, from: number, to: number): Promise<void> {
  const w = wageTable(m);
  // Every fifth person is retired (20%): born 1940-1964 (so about 60% are 70 or older in 2025), retired at
  // 60 (men) or 50 (women), by 2023-12 at the latest. The others are in service, born 1966-2003. Enrolments start 1999-2023, open.
  await sql.query(
    `INSERT INTO persons (id, id_number, personal_number, name, gender, birth_date, district_code, category,
                          employment_status, retired_from, unit_id, agency_id)
     SELECT i,
            '5001' || lpad(i::text, 14, '0'),
            (5000000000 + i)::text,
            '职工' || i,
            CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END,
            b.birth,
            '500103',
            'EMPLOYEE_UNIT',
            CASE WHEN i % 5 = 0 THEN 'RETIRED' ELSE 'IN_SERVICE' END::"EmploymentStatus",
            CASE WHEN i % 5 = 0
                 THEN least(to_char(b.birth + CASE WHEN i % 2 = 0 THEN interval '50 years' ELSE interval '60 years' END, 'YYYY-MM'),
                            '2023-12')
            END,
            (SELECT min(id) FROM units) + i % $3::int,
            (SELECT min(id) FROM agencies)
     FROM generate_series($1::int, $2::int) AS i
     CROSS JOIN LATERAL (SELECT CASE WHEN i % 5 = 0
                                     THEN date '1940-01-01' + ((i::bigint * 7919) % (25 * 365))::int
                                     ELSE date '1966-01-01' + ((i::bigint * 7919) % (38 * 365))::int END AS birth) AS b`,
    [from, to, UNITS],
  );
  await sql.query(
    `INSERT INTO enrolments (person_id, category, unit_id, start_month)
     SELECT id, category, unit_id,
            CASE WHEN employment_status = 'RETIRED' THEN make_date(1999 + id % 17, 1 + id * 7 % 12, 1)
                 ELSE make_date(2001 + id % 23, 1 + id * 7 % 12, 1) END
     FROM persons WHERE id BETWEEN $1 AND $2 ORDER BY id`,
    [from, to],
  );
  await sql.query(
    `INSERT INTO accounts (code, kind, name, person_id)
     SELECT 'P' || personal_number, 'PERSONAL', name || ' 个人账户', id FROM persons WHERE id BETWEEN $1 AND $2 ORDER BY id`,
    [from, to],
  );
  await sql.query(
    `INSERT INTO contribution_lines (unit_month_id, person_id, month, base_fen, unit_basic_fen, employee_basic_fen,
                                     unit_mutual_aid_fen, employee_mutual_aid_fen, ltc_fund_fen, ltc_account_fen, due_fen)
     SELECT um.id, p.id, $3, ($5::bigint[])[k], ($6::bigint[])[k], ($7::bigint[])[k], ($8::bigint[])[k],
            ($9::bigint[])[k], ($10::bigint[])[k], ($11::bigint[])[k], ($12::bigint[])[k]
     FROM persons p
     JOIN unit_months um ON um.unit_id = p.unit_id AND um.month = $3
     CROSS JOIN LATERAL (SELECT 1 + (p.id * 13) % $4::int AS k) AS x
     WHERE p.id BETWEEN $1 AND $2 AND p.employment_status = 'IN_SERVICE'
     ORDER BY p.id`,
    [
      from,
      to,
      m,
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
  // Every unit has paid the month in full, so every line is creditable now.
  await sql.query(
    `UPDATE unit_months um SET employees = s.n, due_fen = s.due, paid_fen = s.due, paid_up_at = $2::timestamp
     FROM (SELECT unit_month_id, count(*)::int AS n, sum(due_fen) AS due FROM contribution_lines WHERE month = $1 GROUP BY 1) AS s
     WHERE um.id = s.unit_month_id`,
    [m, `${m}-15T02:00:00Z`],
  );
  await sql.query(`SELECT setval(pg_get_serial_sequence('persons', 'id'), (SELECT max(id) FROM persons))`);
}

// ---------------------------------------------------------------------------------------------------
// Ledger reset and fingerprint

export async function resetLedger(sql: pg.Client): Promise<void> {
  // Row triggers (append-only) do not fire on TRUNCATE; RESTART IDENTITY makes both contenders' ids equal.
  await sql.query(`TRUNCATE entries, postings, credit_runs RESTART IDENTITY`);
  await sql.query(`UPDATE accounts SET balance_fen = 0 WHERE balance_fen <> 0`);
  await sql.query(`VACUUM (ANALYZE) accounts`);
  await sql.query(`CHECKPOINT`);
}

interface Fingerprint {
  postings: string;
  entries: string;
  accounts: string;
}

export async function fingerprint(sql: pg.Client): Promise<Fingerprint> {
  return one<Fingerprint>(
    sql,
    `SELECT
       (SELECT md5(string_agg(md5(ROW(id, idempotency_key, payload_hash, description, occurred_at, meta)::text), '' ORDER BY id))
          FROM postings) AS postings,
       (SELECT md5(string_agg(md5(ROW(id, posting_id, account_id, kind, amount_fen, balance_after_fen, occurred_at, memo,
                                      counterparty_person_id)::text), '' ORDER BY id)) FROM entries) AS entries,
       (SELECT md5(string_agg(id || ':' || balance_fen, ',' ORDER BY id)) FROM accounts) AS accounts`,
  );
}

async function ledgerCounts(sql: pg.Client): Promise<{ postings: number; entries: number }> {
  const r = await one<{ postings: string; entries: string }>(
    sql,
    `SELECT (SELECT count(*) FROM postings) AS postings, (SELECT count(*) FROM entries) AS entries`,
  );
  return { postings: Number(r.postings), entries: Number(r.entries) };
}

// ---------------------------------------------------------------------------------------------------
// The raw contender

/**
 * One statement producing exactly the rows runMonthlyCredit posts. Per-month constants (description,
 * date, memos, retiree amounts and wording, the explanation's wording) come from the same lib/domain and
 * service functions the batch uses; everything per person is computed in SQL, the payload hash included.
 */
export function rawStatement(m: Month, funds: FundAccountIds): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const $ = (v: unknown, cast = "") => {
    params.push(v);
    return `$${params.length}${cast}`;
  };
  const { year, month: mon } = monthParts(m);
  const young = retireeMonthlyMovement(`${year - 30}-01-15`, m);
  const old = retireeMonthlyMovement(`${year - 90}-01-15`, m);
  // Samples with marker values, to read the key's shape off creditJournal itself.
  const PN = "{pn}";
  const UM = 909090909;
  const sample = {
    personalNumber: PN,
    unitMonthId: null,
    accountId: 0,
    month: m,
    creditFen: young.creditFen,
    mutualAidDeductionFen: young.mutualAidDeductionFen,
    ltcDeductionFen: young.ltcDeductionFen,
    explanation: young.explanation,
    baseFen: null,
  } as CreditMovement;
  const journal = creditJournal(sample, funds);
  const inServiceKey = creditJournal({ ...sample, unitMonthId: UM } as CreditMovement, funds).idempotencyKey;
  const memoOf = (kind: string) =>
    journal.lines.find((l) => l.kind === kind && l.accountId === 0)!.memo ?? null;
  const keySql = (key: string, unitMonth: string) => {
    const [before, after = ""] = key.split(PN);
    if (before === undefined || !key.includes(PN)) throw new Error(`unexpected key shape ${key}`);
    const [mid, tail] = after.split(String(UM));
    return tail === undefined
      ? `${$(before, "::text")} || p.personal_number || ${$(after, "::text")}`
      : `${$(before, "::text")} || p.personal_number || ${$(mid, "::text")} || ${unitMonth} || ${$(tail, "::text")}`;
  };
  // The explanation's literal parts, found around two sentinel amounts.
  const probe = inServiceExplanation(111_111n, 222_222n).split(/1,111\.11|2,222\.22/);
  if (probe.length !== 3) throw new Error("unexpected in-service explanation shape");
  // JSON.stringify([description, occurredAt, lines, meta]) of journalPayloadHash, built in SQL.
  const head = JSON.stringify([journal.description, journal.occurredAt.toISOString()]).slice(0, -1);
  const yuan = (col: string) => `to_char(${col} / 100.0, 'FM999,999,999,999,990.00')`;
  const ms = $(`${m}-01`, "::date");
  const monthParam = $(m, "::text");
  const monthChar = $(m, "::bpchar");
  // Retired persons get the retiree credit from retired_from on; before it they are credited from their lines.
  const retiree = `(p.employment_status = 'RETIRED' AND (p.retired_from IS NULL OR p.retired_from <= ${monthChar}))`;
  const occurred = $(journal.occurredAt.toISOString(), "::timestamp");
  const pooled = $(funds["FUND-POOLED"], "::int");
  const mutualFund = $(funds["FUND-MUTUAL-AID"], "::int");
  const ltcFund = $(funds["FUND-LTC"], "::int");
  const memoMutual = $(memoOf("MUTUAL_AID_DEDUCTION"), "::text");
  const memoLtc = $(memoOf("LTC_DEDUCTION"), "::text");
  const enrolled = `EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND e.start_month <= ${ms}
                              AND (e.end_month IS NULL OR e.end_month >= ${ms}))`;
  const line = (acc: string, amount: string, kind: string, memo: string) =>
    `'[' || ${acc} || ',"' || (${amount})::text || '","${kind}",' || ${memo} || ',null]'`;
  const text = `
    WITH mv AS MATERIALIZED (
      SELECT p.id AS person_id, ${keySql(journal.idempotencyKey, "")} AS key, a.id AS account_id,
             CASE WHEN o.older THEN ${$(old.creditFen.toString(), "::bigint")} ELSE ${$(young.creditFen.toString(), "::bigint")} END AS credit,
             ${$(young.mutualAidDeductionFen.toString(), "::bigint")} AS mutual,
             ${$(young.ltcDeductionFen.toString(), "::bigint")} AS ltc,
             NULL::bigint AS base,
             CASE WHEN o.older THEN ${$(old.explanation, "::text")} ELSE ${$(young.explanation, "::text")} END AS explanation
      FROM persons p
      JOIN accounts a ON a.person_id = p.id
      CROSS JOIN LATERAL (
        SELECT ${year} - extract(year FROM p.birth_date)::int
                 - CASE WHEN ${mon} < extract(month FROM p.birth_date)::int THEN 1 ELSE 0 END
               >= ${$(retireeCredits(m).value.age, "::int")} AS older) AS o
      WHERE p.category = 'EMPLOYEE_UNIT' AND ${retiree} AND ${enrolled}
      UNION ALL
      SELECT p.id, ${keySql(inServiceKey, "cl.unit_month_id")}, a.id,
             cl.employee_basic_fen, 0, cl.ltc_account_fen, cl.base_fen,
             ${$(probe[0], "::text")} || ${yuan("cl.base_fen")} || ${$(probe[1], "::text")} || ${yuan("cl.employee_basic_fen")}
               || ${$(probe[2], "::text")}
      FROM persons p
      JOIN accounts a ON a.person_id = p.id
      JOIN contribution_lines cl ON cl.person_id = p.id AND cl.month = ${monthChar}
      JOIN unit_months um ON um.id = cl.unit_month_id AND um.paid_up_at IS NOT NULL
      WHERE p.category = 'EMPLOYEE_UNIT' AND NOT ${retiree} AND ${enrolled}
    ),
    ins AS (
      INSERT INTO postings (idempotency_key, payload_hash, description, occurred_at, meta)
      SELECT mv.key,
             encode(sha256(convert_to(
               ${$(head, "::text")} || ',['
               || ${line("mv.account_id", "mv.credit", "MONTHLY_CREDIT", "'null'")} || ','
               || ${line(pooled, "-mv.credit", "MONTHLY_CREDIT", "'null'")}
               || CASE WHEN mv.mutual > 0 THEN ',' || ${line("mv.account_id", "-mv.mutual", "MUTUAL_AID_DEDUCTION", `to_json(${memoMutual})::text`)}
                    || ',' || ${line(mutualFund, "mv.mutual", "MUTUAL_AID_DEDUCTION", "'null'")} ELSE '' END
               || CASE WHEN mv.ltc > 0 THEN ',' || ${line("mv.account_id", "-mv.ltc", "LTC_DEDUCTION", `to_json(${memoLtc})::text`)}
                    || ',' || ${line(ltcFund, "mv.ltc", "LTC_DEDUCTION", "'null'")} ELSE '' END
               || '],[["baseFen",' || coalesce(mv.base::text, 'null') || '],["explanation",' || to_json(mv.explanation)::text
               || '],["month",' || to_json(${monthParam})::text || ']]]', 'UTF8')), 'hex'),
             ${$(journal.description, "::text")},
             ${occurred},
             jsonb_build_object('month', ${monthParam}, 'explanation', mv.explanation, 'baseFen', mv.base)
      FROM mv
      ORDER BY mv.person_id, mv.key
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id, idempotency_key
    ),
    lines AS (
      SELECT ins.id AS posting_id, l.n, l.account_id, l.kind, l.amount, l.memo
      FROM ins
      JOIN mv ON mv.key = ins.idempotency_key
      CROSS JOIN LATERAL (VALUES
        (1, mv.account_id, 'MONTHLY_CREDIT'::"EntryKind", mv.credit, NULL::text),
        (2, ${pooled}, 'MONTHLY_CREDIT'::"EntryKind", -mv.credit, NULL::text),
        (3, mv.account_id, 'MUTUAL_AID_DEDUCTION'::"EntryKind", -mv.mutual, ${memoMutual}),
        (4, ${mutualFund}, 'MUTUAL_AID_DEDUCTION'::"EntryKind", mv.mutual, NULL::text),
        (5, mv.account_id, 'LTC_DEDUCTION'::"EntryKind", -mv.ltc, ${memoLtc}),
        (6, ${ltcFund}, 'LTC_DEDUCTION'::"EntryKind", mv.ltc, NULL::text)
      ) AS l(n, account_id, kind, amount, memo)
      WHERE l.amount <> 0
    ),
    ent AS (
      INSERT INTO entries (posting_id, account_id, kind, amount_fen, balance_after_fen, occurred_at, memo)
      SELECT li.posting_id, li.account_id, li.kind, li.amount,
             a.balance_fen + sum(li.amount) OVER (PARTITION BY li.account_id ORDER BY li.posting_id, li.n ROWS UNBOUNDED PRECEDING),
             ${occurred}, li.memo
      FROM lines li
      JOIN accounts a ON a.id = li.account_id
      ORDER BY li.posting_id, li.n
      RETURNING account_id, amount_fen
    ),
    upd AS (
      UPDATE accounts AS acc SET balance_fen = acc.balance_fen + d.delta, updated_at = now()
      FROM (SELECT account_id, sum(amount_fen) AS delta FROM ent GROUP BY account_id) AS d
      WHERE acc.id = d.account_id
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins) AS postings, (SELECT count(*) FROM ent) AS entries, (SELECT count(*) FROM upd) AS accounts`;
  return { text, params };
}

export async function runRaw(sql: pg.Client, m: Month, funds: FundAccountIds) {
  const { text, params } = rawStatement(m, funds);
  await sql.query("BEGIN");
  try {
    const r = await one<{ postings: string; entries: string; accounts: string }>(sql, text, params);
    await sql.query(
      `INSERT INTO credit_runs (month, completed_at, credited) VALUES ($1, now(), $2)
       ON CONFLICT (month) DO UPDATE SET completed_at = now(), credited = EXCLUDED.credited`,
      [m, Number(r.postings)],
    );
    await sql.query("COMMIT");
    return { postings: Number(r.postings), entries: Number(r.entries) };
  } catch (error) {
    await sql.query("ROLLBACK");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Profiling (--profile): one extra batch round on a client that logs every query with its duration.

async function profileBatch(url: string, sql: pg.Client, m: Month): Promise<string[]> {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    omit: {
      person: { passwordHash: true },
      staff: { passwordHash: true },
      unitClerk: { passwordHash: true },
    },
    log: [{ emit: "event", level: "query" }],
  });
  const byShape = new Map<string, { n: number; ms: number }>();
  client.$on("query", (e) => {
    const shape = e.query.replace(/\s+/g, " ").replace(/\$\d+/g, "$").slice(0, 110);
    const s = byShape.get(shape) ?? { n: 0, ms: 0 };
    s.n += 1;
    s.ms += Number(e.duration);
    byShape.set(shape, s);
  });
  await resetLedger(sql);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await runMonthlyCredit(client as unknown as Db, { month: m, batchSize });
  const wall = seconds(t0);
  const cpu = process.cpuUsage(cpu0);
  await client.$disconnect();
  const total = [...byShape.values()].reduce((a, s) => a + s.ms, 0) / 1000;
  const lines = [
    `| profile | wall ${fmtSec(wall)} s; queries ${fmtSec(total)} s (${((100 * total) / wall).toFixed(0)}%); node CPU ${fmtSec(
      (cpu.user + cpu.system) / 1e6,
    )} s |`,
    "| --- | --- |",
    ...[...byShape.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 12)
      .map(([shape, s]) => `| ${fmtSec(s.ms / 1000)} s in ${s.n} × | \`${shape.replaceAll("|", "\\|")}\` |`),
  ];
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Main

interface Measure {
  s: number;
  persons: number;
  postings: number;
  entries: number;
  node: number;
  pg: number | null;
}

async function main(cluster: TestCluster): Promise<void> {
  const log = (msg: string) => console.log(`[bench] ${msg}`);
  const url = await freshDatabase(cluster, DB_NAME);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const db = createDb(url);
  try {
    const loadAtStart = os.loadavg().map((l) => l.toFixed(1));
    const pgVersion = (await one<{ server_version: string }>(sql, "SHOW server_version")).server_version;
    const warm = Math.min(WARMUP_PERSONS, persons);

    // Setup, first slice (the warm-up population).
    let setup = 0;
    let t = performance.now();
    const funds = await setupReference(sql, db, month);
    await buildPersons(sql, month, 1, warm);
    await sql.query("ANALYZE");
    setup += seconds(t);

    log(`warm-up on ${warm} persons`);
    await resetLedger(sql);
    await runMonthlyCredit(db, { month, batchSize });
    await resetLedger(sql);
    await runRaw(sql, month, funds);

    // Setup, the rest.
    t = performance.now();
    if (persons > warm) await buildPersons(sql, month, warm + 1, persons);
    await sql.query("VACUUM ANALYZE");
    setup += seconds(t);
    const counts = await one<{ retired: string; lines: string; over70: string }>(
      sql,
      `SELECT (SELECT count(*) FROM persons WHERE employment_status = 'RETIRED') AS retired,
              (SELECT count(*) FROM contribution_lines WHERE month = $1) AS lines,
              (SELECT count(*) FROM persons WHERE employment_status = 'RETIRED' AND birth_date < $2::date) AS over70`,
      [month, `${monthParts(month).year - 70}-${String(monthParts(month).month).padStart(2, "0")}-01`],
    );
    log(
      `setup ${fmtSec(setup)} s: ${persons} persons (${counts.retired} retired, about ${counts.over70} of them 70+), ${counts.lines} contribution lines`,
    );

    const batch: Measure[] = [];
    const raw: Measure[] = [];
    let ledgerOk: boolean | null = null;
    let rerun: { s: number; posted: number; already: number } | null = null;
    let batchPrint: Fingerprint | null = null;
    let identical: boolean | null = null;
    let rawLedgerOk: boolean | null = null;

    for (let r = 1; r <= rounds; r++) {
      await resetLedger(sql);
      let meter = await startCpuMeter(sql);
      t = performance.now();
      const report = await runMonthlyCredit(db, { month, batchSize });
      const bs = seconds(t);
      let cpu = await meter.stop();
      const bc = await ledgerCounts(sql);
      batch.push({ s: bs, persons: report.posted, ...cpu, ...bc });
      log(`round ${r} batch: ${fmtSec(bs)} s, ${report.posted} persons in ${report.batches} batches`);
      if (report.posted !== persons)
        throw new Error(`the batch credited ${report.posted} persons, expected ${persons}`);

      if (r === 1) {
        // Fresh statistics first (untimed): right after a bulk load into just-truncated tables the
        // planner may pick a rescanning plan for checkLedger's LIMIT query (seen once: > 12 min).
        await sql.query("ANALYZE postings, entries, accounts");
        ledgerOk = (await checkLedger(db)).ok;
        batchPrint = await fingerprint(sql);
        t = performance.now();
        const again = await runMonthlyCredit(db, { month, batchSize });
        rerun = { s: seconds(t), posted: again.posted, already: again.alreadyPosted };
        log(
          `second run: ${fmtSec(rerun.s)} s, posted ${again.posted}, already posted ${again.alreadyPosted}`,
        );
      }

      await resetLedger(sql);
      meter = await startCpuMeter(sql);
      t = performance.now();
      const rr = await runRaw(sql, month, funds);
      const rs = seconds(t);
      cpu = await meter.stop();
      raw.push({ s: rs, persons: rr.postings, ...cpu, ...rr });
      log(`round ${r} raw: ${fmtSec(rs)} s, ${rr.postings} postings, ${rr.entries} entries`);

      if (r === 1) {
        await sql.query("ANALYZE postings, entries, accounts");
        rawLedgerOk = (await checkLedger(db)).ok;
        const rawPrint = await fingerprint(sql);
        identical =
          rawPrint.postings === batchPrint!.postings &&
          rawPrint.entries === batchPrint!.entries &&
          rawPrint.accounts === batchPrint!.accounts;
      }
    }

    const profile = values.profile ? await profileBatch(url, sql, month) : [];

    // Report.
    const cpuOf = (ms: Measure[]) => {
      const node = median(ms.map((x) => x.node));
      const pgs = ms.every((x) => x.pg !== null) ? median(ms.map((x) => x.pg!)) : null;
      return { node, pg: pgs, total: pgs === null ? null : median(ms.map((x) => x.node + x.pg!)) };
    };
    const row = (name: string, ms: Measure[]) => {
      const s = median(ms.map((x) => x.s));
      const m0 = ms[0]!;
      const cpu = cpuOf(ms);
      return [
        name,
        fmtSec(s),
        `**${fmtInt(m0.persons / s)}**`,
        fmtInt(m0.postings / s),
        fmtInt(m0.entries / s),
        fmtSec(cpu.node),
        cpu.pg === null ? "n/a" : fmtSec(cpu.pg),
        cpu.total === null ? "n/a" : fmtInt(m0.persons / cpu.total),
        ms.map((x) => fmtSec(x.s)).join(" / "),
      ].join(" | ");
    };
    const bMed = median(batch.map((x) => x.s));
    const rMed = median(raw.map((x) => x.s));
    const ratio = batch[0]!.persons / bMed / (raw[0]!.persons / rMed);
    const bCpu = cpuOf(batch).total;
    const rCpu = cpuOf(raw).total;
    const cpuRatio =
      bCpu === null || rCpu === null ? null : batch[0]!.persons / bCpu / (raw[0]!.persons / rCpu);
    const load = os.loadavg().map((l) => l.toFixed(1));
    const cpus = os.cpus();
    const table = [
      `# bench:credit — monthly crediting batch vs raw INSERT … SELECT`,
      "",
      `\`npm run bench:credit -- --persons ${persons} --month ${month} --batch ${batchSize} --rounds ${rounds}\` — ${new Date().toISOString()}`,
      "",
      "| machine | |",
      "| --- | --- |",
      `| CPUs | ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"} |`,
      `| memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB |`,
      `| OS | ${os.type()} ${os.release()} (${os.arch()}) |`,
      `| Node / PostgreSQL | ${process.version} / ${pgVersion} (embedded, fsync on) |`,
      "",
      "| run | |",
      "| --- | --- |",
      `| persons (N) | ${fmtInt(persons)} (${fmtInt(Number(counts.retired))} retired, ${fmtInt(Number(counts.lines))} contribution lines) |`,
      `| month / batch size | ${month} / ${batchSize} |`,
      `| setup (SQL, not measured) | ${fmtSec(setup)} s |`,
      `| load average (1/5/15 min) at start → end | ${loadAtStart.join(" ")} → ${load.join(" ")} (${cpus.length} CPUs) |`,
      `| postings / entries per run | ${fmtInt(batch[0]!.postings)} / ${fmtInt(batch[0]!.entries)} |`,
      "",
      `| contender (median of ${rounds}) | wall s | persons/s | postings/s | entries/s | CPU s node | CPU s postgres | persons/CPU-s | rounds, wall s |`,
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
      `| ${row("runMonthlyCredit", batch)} |`,
      `| ${row("raw INSERT … SELECT", raw)} |`,
      "",
      "| result | |",
      "| --- | --- |",
      `| **ratio batch/raw** (persons/s) | **${ratio.toFixed(2)}** (aim ≥ 0.50: ${ratio >= 0.5 ? "met" : "NOT met"}) |`,
      `| ratio by CPU time (persons/CPU-s) | ${cpuRatio === null ? "n/a" : cpuRatio.toFixed(2)} (steadier than wall time when the machine is shared) |`,
      `| second runMonthlyCredit | ${fmtSec(rerun!.s)} s, posted ${rerun!.posted}, already posted ${fmtInt(rerun!.already)} (${fmtInt(
        rerun!.already / rerun!.s,
      )} persons/s) |`,
      `| checkLedger after batch / after raw | ${ledgerOk ? "ok" : "FAILED"} / ${rawLedgerOk ? "ok" : "FAILED"} |`,
      `| raw rows identical to the batch's (ids, keys, hashes, meta, entries, balances) | ${identical ? "yes" : "NO"} |`,
      ...(profile.length ? ["", ...profile] : []),
      "",
    ].join("\n");
    console.log(`\n${table}`);
    writeFileSync(path.join(HERE, "results-credit.md"), table);
    if (values.json) {
      const summary = {
        persons,
        batchPersonsPerSecond: batch[0]!.persons / bMed,
        rawPersonsPerSecond: raw[0]!.persons / rMed,
        ratio,
        cpuRatio,
        ledgerOk: ledgerOk && rawLedgerOk,
        identical,
        rerunPosted: rerun!.posted,
      };
      writeFileSync(values.json, JSON.stringify(summary, null, 2));
    }
    log(`written to ${path.relative(process.cwd(), path.join(HERE, "results-credit.md"))}`);
    if (!ledgerOk || !rawLedgerOk || rerun!.posted !== 0) process.exitCode = 1;
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

// Run only when executed (`tsx bench/credit.ts`), so the pieces above can be imported for ad-hoc study.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const cluster = await openTestCluster("bench");
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
