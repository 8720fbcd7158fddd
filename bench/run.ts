/**
 * npm run bench [-- --persons 100000] [--small 1000] [--duration 10] [--rounds 3] [--skip-credit] [--rebuild]
 *
 * Issue 8's measurements in one run; prints a table and writes bench/results.md.
 *
 *  - Datasets: two databases on a private embedded PostgreSQL (.data/test-pg-bench): bench_1k and
 *    bench_100k, built with the bulk seed (prisma/seed/bulk.ts) the first time and reused afterwards
 *    (a marker table records the person count; a different count rebuilds).
 *  - The production build in .next-bench (built when missing or with --rebuild), two servers
 *    (scripts/serve.ts, one per dataset) started with PORTAL_BENCH=1 so the ceiling route exists.
 *  - Load from autocannon in a separate process; warm-up first, then rounds alternating between the
 *    two things compared; medians of the rounds.
 *
 *  P1  GET /api/v1/me/balance (signed in, 32 connections) vs GET /api/bench/ceiling (same app, one
 *      primary-key query on a bare pg pool, no auth, no ORM). Ratio of requests/s. Peak RSS of the
 *      100k server process during P1 (sampled from /proc every 100 ms, and VmHWM).
 *  P2  GET /me/statement (50 rows, server-rendered) for the same demo person in the 1k and the 100k
 *      dataset, 8 connections. Ratio of p50 (and p99).
 *  P3  bench/credit.ts at the large size: crediting batch vs raw INSERT … SELECT (persons/s).
 *  P4  GET /unit/months/2026-10 for a 10-employee unit and the 10,000-employee unit (100k dataset),
 *      8 connections. Ratio of p50 (and p99).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { BULK_CLERK_PASSWORD, seedBulk } from "@/prisma/seed/bulk";
import { ensureAppRole } from "@/scripts/lib/app-role";
import { findFreePort } from "@/scripts/lib/embedded-postgres";
import { runNextToEnd, runServer } from "@/scripts/lib/next";
import { onShutdown } from "@/scripts/lib/runtime";
import { freshDatabase, openTestCluster, type TestCluster } from "@/scripts/lib/test-db";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const DIST = ".next-bench";

const { values } = parseArgs({
  options: {
    persons: { type: "string", default: "100000" },
    small: { type: "string", default: "1000" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    "skip-credit": { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
  },
});
const LARGE = Number(values.persons);
const SMALL = Number(values.small);
const DURATION = Number(values.duration);
const ROUNDS = Number(values.rounds);
for (const [k, v] of Object.entries({ persons: LARGE, small: SMALL, duration: DURATION, rounds: ROUNDS })) {
  if (!Number.isInteger(v) || v < 1) {
    console.error(`--${k} 应为正整数`);
    process.exit(2);
  }
}

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------------
// Datasets

async function ensureDataset(cluster: TestCluster, name: string, persons: number): Promise<string> {
  const url = cluster.urlFor(name);
  const admin = new pg.Client({ connectionString: cluster.urlFor("postgres") });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  await admin.end();
  if (exists) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const marker = await c
      .query<{ persons: number }>("SELECT persons FROM bench_dataset")
      .then((r) => r.rows[0]?.persons ?? null)
      .catch(() => null);
    await c.end();
    if (marker === persons) {
      log(`数据集 ${name}:沿用已建好的 ${fmt(persons)} 人数据`);
      return url;
    }
  }
  log(`数据集 ${name}:新建 ${fmt(persons)} 人数据(首次运行需要几分钟)`);
  const fresh = await freshDatabase(cluster, name);
  const db = createDb(fresh);
  const started = Date.now();
  const report = await seedBulk(db, fresh, { persons, log: (l) => log(`  ${l}`) });
  const ledger = await checkLedger(db);
  await db.$disconnect();
  if (!ledger.ok) throw new Error(`数据集 ${name} 账本检查未通过`);
  const c = new pg.Client({ connectionString: fresh });
  await c.connect();
  await c.query("CREATE TABLE bench_dataset (persons int NOT NULL, postings bigint, entries bigint, seconds numeric, built_at timestamptz DEFAULT now())");
  await c.query("INSERT INTO bench_dataset (persons, postings, entries, seconds) VALUES ($1, $2, $3, $4)", [
    persons,
    report.postings,
    report.entries,
    (Date.now() - started) / 1000,
  ]);
  await c.end();
  log(`数据集 ${name}:${fmt(report.postings)} 笔记账,${fmt(report.entries)} 条分录,${((Date.now() - started) / 1000).toFixed(0)} 秒,账本检查通过`);
  return fresh;
}

async function datasetFacts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await c.query<T>(sql, params)).rows[0]!;
    const meta = await one<{ persons: number; postings: string; entries: string; seconds: string }>("SELECT * FROM bench_dataset");
    const demo = await one<{ id: number; account_id: number; entries: string }>(
      `SELECT p.id, a.id AS account_id, (SELECT count(*) FROM entries e WHERE e.account_id = a.id)::text AS entries
       FROM persons p JOIN accounts a ON a.person_id = p.id JOIN cards c ON c.person_id = p.id WHERE c.card_number = 'A10000001'`,
    );
    const size = await one<{ bytes: string }>("SELECT pg_database_size(current_database())::text AS bytes");
    // The 10,000-employee unit and a bulk unit with 10 employees declared in 2026-10.
    const units = (
      await c.query<{ unit_number: string; employees: number }>(
        `SELECT u.unit_number, m.employees FROM unit_months m JOIN units u ON u.id = m.unit_id
         WHERE m.month = '2026-10' AND (m.employees = 10 OR m.employees >= 10000) AND u.unit_number >= '5001000011'
         ORDER BY m.employees DESC, u.unit_number`,
      )
    ).rows;
    return { meta, demo, bytes: Number(size.bytes), big: units.find((u) => u.employees >= 10_000) ?? null, small: units.find((u) => u.employees === 10) ?? null };
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// Servers and sessions

interface Server {
  base: string;
  child: ChildProcess;
}

async function startServer(ownerUrl: string, label: string): Promise<Server> {
  // The app runs as the restricted portal_app role, as in production (scripts/start.ts).
  const databaseUrl = await ensureAppRole(ownerUrl);
  const port = await findFreePort(3400 + Math.floor(Math.random() * 200));
  const child = runServer({
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef",
    NEXT_DIST_DIR: DIST,
    PORTAL_BENCH: "1",
  });
  const base = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {}
    if (child.exitCode !== null || i > 900) throw new Error(`${label} 服务未能启动`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`${label} 服务已启动:${base}(pid ${child.pid})`);
  return { base, child };
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  s.child.kill("SIGTERM");
  await new Promise((r) => s.child.once("exit", r));
}

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through Auth.js's own endpoints, like a browser: csrf token, then the credentials callback. */
async function signIn(base: string, provider: "person" | "clerk", fields: Record<string, string>): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/${provider}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: base },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: base }).toString(),
  });
  cookiesOf(res, jar);
  const session = [...jar.keys()].find((k) => /session-token/.test(k));
  if (!session) throw new Error(`登录失败(${provider}):HTTP ${res.status} ${res.headers.get("location") ?? ""}`);
  return cookieHeader(jar);
}

async function expectOk(base: string, urlPath: string, cookie?: string): Promise<void> {
  const res = await fetch(`${base}${urlPath}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${urlPath}:HTTP ${res.status}(应为 200)`);
}

// ---------------------------------------------------------------------------------------------------
// Load (autocannon in its own process)

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function autocannon(url: string, options: { connections: number; seconds: number; cookie?: string }): Promise<Load> {
  const args = [
    path.join(ROOT, "node_modules", "autocannon", "autocannon.js"),
    "-c",
    String(options.connections),
    "-d",
    String(options.seconds),
    "-j",
    ...(options.cookie ? ["-H", `cookie=${options.cookie}`] : []),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon 退出码 ${code}`));
      const r = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
        timeouts: number;
      };
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts });
    });
  });
}

/** Warm-up for each, then ROUNDS rounds alternating A and B; medians. */
async function compare(
  a: { url: string; cookie?: string },
  b: { url: string; cookie?: string },
  connections: number,
  onRound?: (which: "a" | "b", running: boolean) => void,
) {
  await autocannon(a.url, { connections, seconds: 3, cookie: a.cookie });
  await autocannon(b.url, { connections, seconds: 3, cookie: b.cookie });
  const ra: Load[] = [];
  const rb: Load[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    onRound?.("a", true);
    ra.push(await autocannon(a.url, { connections, seconds: DURATION, cookie: a.cookie }));
    onRound?.("a", false);
    onRound?.("b", true);
    rb.push(await autocannon(b.url, { connections, seconds: DURATION, cookie: b.cookie }));
    onRound?.("b", false);
    log(`  第 ${i + 1} 轮:A ${fmt(ra.at(-1)!.rps)} 次/秒 p50 ${ra.at(-1)!.p50} ms;B ${fmt(rb.at(-1)!.rps)} 次/秒 p50 ${rb.at(-1)!.p50} ms`);
  }
  const med = (rs: Load[]) => ({
    rps: median(rs.map((r) => r.rps)),
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    requests: rs.reduce((s, r) => s + r.requests, 0),
    bad: rs.reduce((s, r) => s + r.non2xx + r.errors, 0),
    rounds: rs,
  });
  return { a: med(ra), b: med(rb) };
}

function rssSampler(pid: number) {
  let peak = 0;
  let on = false;
  const timer = setInterval(() => {
    if (!on) return;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {}
  }, 100);
  return {
    set running(v: boolean) {
      on = v;
    },
    get peak() {
      return peak;
    },
    hwm(): number {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) * 1024 : 0;
    },
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------------------------------------------

function runCredit(persons: number): Promise<{ batchPersonsPerSecond: number; rawPersonsPerSecond: number; ratio: number; cpuRatio: number | null; ledgerOk: boolean; identical: boolean } | null> {
  const out = path.join(ROOT, ".data", "bench-credit.json");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "credit.ts"), "--persons", String(persons), "--rounds", String(ROUNDS), "--json", out], {
      cwd: ROOT,
      stdio: "inherit",
    });
    child.once("exit", (code) => resolve(code === 0 && existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null));
  });
}

async function main() {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const cluster = await openTestCluster("bench");
  const servers: Server[] = [];
  onShutdown(async () => {
    for (const s of servers) await stopServer(s);
    await cluster.stop();
  });
  try {
    const smallUrl = await ensureDataset(cluster, `bench_${SMALL >= 1000 ? `${SMALL / 1000}k` : SMALL}`, SMALL);
    const largeUrl = await ensureDataset(cluster, `bench_${LARGE >= 1000 ? `${LARGE / 1000}k` : LARGE}`, LARGE);
    const small = await datasetFacts(smallUrl);
    const large = await datasetFacts(largeUrl);
    if (!large.big || !large.small) throw new Error("大数据集里没有 10 人单位或 10,000 人单位");

    if (values.rebuild || !existsSync(path.join(ROOT, DIST, "BUILD_ID"))) {
      log(`构建生产版本到 ${DIST}`);
      await runNextToEnd(["build"], { NEXT_DIST_DIR: DIST, NODE_ENV: "production" });
    }
    const sSmall = await startServer(smallUrl, "1k");
    servers.push(sSmall);
    const sLarge = await startServer(largeUrl, "100k");
    servers.push(sLarge);

    const personCookieLarge = await signIn(sLarge.base, "person", { loginId: "A10000001", password: "demo-person-1" });
    const personCookieSmall = await signIn(sSmall.base, "person", { loginId: "A10000001", password: "demo-person-1" });
    const clerkBig = await signIn(sLarge.base, "clerk", { unitNumber: large.big.unit_number, username: "clerk1", password: BULK_CLERK_PASSWORD });
    const clerkSmall = await signIn(sLarge.base, "clerk", { unitNumber: large.small.unit_number, username: "clerk1", password: BULK_CLERK_PASSWORD });
    const balanceUrl = `${sLarge.base}/api/v1/me/balance`;
    const ceilingUrl = `${sLarge.base}/api/bench/ceiling?id=${large.demo.account_id}`;
    for (const [u, c] of [
      [balanceUrl, personCookieLarge],
      [ceilingUrl, undefined],
      [`${sSmall.base}/me/statement`, personCookieSmall],
      [`${sLarge.base}/me/statement`, personCookieLarge],
      [`${sLarge.base}/unit/months/2026-10`, clerkBig],
      [`${sLarge.base}/unit/months/2026-10`, clerkSmall],
    ] as const) {
      await expectOk("", u, c);
    }

    log("P1:余额接口 vs 天花板路由(32 连接)");
    const rss = rssSampler(sLarge.child.pid!);
    const p1 = await compare({ url: ceilingUrl }, { url: balanceUrl, cookie: personCookieLarge }, 32, (which, running) => {
      if (which === "b") rss.running = running;
    });
    const peakRss = rss.peak;
    const hwm = rss.hwm();
    rss.stop();

    log("P2:对账单页面,1k vs 100k(8 连接)");
    const p2 = await compare({ url: `${sSmall.base}/me/statement`, cookie: personCookieSmall }, { url: `${sLarge.base}/me/statement`, cookie: personCookieLarge }, 8);

    log(`P4:单位月度页面,${large.small.unit_number}(10 人)vs ${large.big.unit_number}(${fmt(large.big.employees)} 人)(8 连接)`);
    const p4 = await compare(
      { url: `${sLarge.base}/unit/months/2026-10`, cookie: clerkSmall },
      { url: `${sLarge.base}/unit/months/2026-10`, cookie: clerkBig },
      8,
    );
    for (const s of servers.splice(0)) await stopServer(s);

    let p3: Awaited<ReturnType<typeof runCredit>> = null;
    if (!values["skip-credit"]) {
      log(`P3:月度划账批处理 vs 原生 INSERT … SELECT(${fmt(LARGE)} 人,bench/credit.ts)`);
      await cluster.stop();
      p3 = await runCredit(LARGE);
    }

    const p1Ratio = p1.b.rps / p1.a.rps;
    const p2Ratio = p2.b.p50 / p2.a.p50;
    const p2Ratio99 = p2.b.p99 / p2.a.p99;
    const p4Ratio = p4.b.p50 / p4.a.p50;
    const p4Ratio99 = p4.b.p99 / p4.a.p99;
    const mark = (ok: boolean) => (ok ? "met" : "NOT met");
    const cpus = os.cpus();
    const mib = (b: number) => `${fmt(b / 2 ** 20)} MiB`;
    const row = (name: string, l: { rps: number; p50: number; p99: number; requests: number; bad: number }) =>
      `| ${name} | ${fmt(l.rps)} | ${l.p50} | ${l.p99} | ${fmt(l.requests)} | ${l.bad} |`;
    const md = [
      "# npm run bench — results",
      "",
      `\`npm run bench -- --persons ${LARGE} --small ${SMALL} --duration ${DURATION} --rounds ${ROUNDS}\`, started ${startedAt.toISOString()}, took ${fmt((Date.now() - startedAt.getTime()) / 60000, 1)} min.`,
      "",
      "| machine | |",
      "| --- | --- |",
      `| CPUs | ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"} |`,
      `| memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB |`,
      `| Node | ${process.version} |`,
      `| load average at start → end | ${loadAtStart.map((l) => l.toFixed(1)).join(" ")} → ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} |`,
      "",
      "| dataset | persons | postings | entries | database size | built in |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...[small, large].map(
        (d) =>
          `| ${fmt(d.meta.persons)} persons | ${fmt(d.meta.persons)} | ${fmt(Number(d.meta.postings))} | ${fmt(Number(d.meta.entries))} | ${mib(d.bytes)} | ${fmt(Number(d.meta.seconds))} s |`,
      ),
      "",
      `Person measured: card A10000001 (${large.demo.entries} statement entries in both datasets). Units: ${large.small.unit_number} (10 employees) and ${large.big.unit_number} (${fmt(large.big.employees)} employees), month 2026-10. autocannon in its own process, ${DURATION} s per round after a 3 s warm-up, ${ROUNDS} rounds alternating, medians.`,
      "",
      "| measurement | req/s | p50 ms | p99 ms | requests | non-2xx/errors |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      row("P1 ceiling: /api/bench/ceiling (no auth, no ORM), 32 conn", p1.a),
      row("P1 /api/v1/me/balance (signed in), 32 conn", p1.b),
      row(`P2 /me/statement, ${fmt(small.meta.persons)} persons, 8 conn`, p2.a),
      row(`P2 /me/statement, ${fmt(large.meta.persons)} persons, 8 conn`, p2.b),
      row("P4 /unit/months/2026-10, 10-employee unit, 8 conn", p4.a),
      row(`P4 /unit/months/2026-10, ${fmt(large.big.employees)}-employee unit, 8 conn`, p4.b),
      "",
      "| aim | result | |",
      "| --- | --- | --- |",
      `| P1 balance API ≥ 80% of the ceiling | **${(p1Ratio * 100).toFixed(0)}%** (${fmt(p1.b.rps)} / ${fmt(p1.a.rps)} req/s) | ${mark(p1Ratio >= 0.8)} |`,
      `| P2 statement 100k / 1k ≤ 1.2× | **${p2Ratio.toFixed(2)}×** p50 (${p2Ratio99.toFixed(2)}× p99) | ${mark(p2Ratio <= 1.2)} |`,
      p3
        ? `| P3 crediting batch ≥ 50% of raw INSERT … SELECT | **${(p3.ratio * 100).toFixed(0)}%** (${fmt(p3.batchPersonsPerSecond)} / ${fmt(p3.rawPersonsPerSecond)} persons/s; by CPU time ${p3.cpuRatio === null ? "n/a" : `${(p3.cpuRatio * 100).toFixed(0)}%`}; ledger ${p3.ledgerOk ? "ok" : "FAILED"}) | ${mark(p3.ratio >= 0.5)} |`
        : "| P3 crediting batch ≥ 50% of raw | not run (--skip-credit or failed; see bench/results-credit.md) | |",
      `| P4 10,000-employee / 10-employee month page ≤ 2× | **${p4Ratio.toFixed(2)}×** p50 (${p4Ratio99.toFixed(2)}× p99) | ${mark(p4Ratio <= 2)} |`,
      `| peak memory of the app process under P1 | ${mib(peakRss)} RSS sampled (VmHWM since start ${mib(hwm)}) | |`,
      "",
    ].join("\n");
    console.log(`\n${md}`);
    mkdirSync(HERE, { recursive: true });
    writeFileSync(path.join(HERE, "results.md"), md);
    log("已写入 bench/results.md");
  } finally {
    for (const s of servers) await stopServer(s);
    await cluster.stop();
  }
}

await main();
