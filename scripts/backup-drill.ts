/**
 * Backup/restore drill (issue 9, item 10): seeds a database, backs it up (scripts/lib/backup.ts: the
 * schema is the migrations, the data COPY per table with a manifest of row counts and SHA-256), restores
 * it into a fresh migrated database, and proves the copy: ledger check and audit-chain check clean, every
 * table's row count and content digest, every account balance equal to the source's; the restored
 * database takes new postings and audit rows; a damaged backup file is refused before anything is written.
 *
 *   npx tsx scripts/backup-drill.ts [--persons 60] [--json] [--keep]
 *
 * Runs on a cluster of its own (or TEST_CLUSTER_URL's). Exits 0 when every check passes.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "@/lib/db/client";
import { checkAuditChain } from "@/lib/services/check-audit-chain";
import { checkLedger } from "@/lib/services/check-ledger";
import { postJournal } from "@/lib/services/post-journals";
import { fundAccountIds } from "@/lib/services/system-accounts";
import { seedDemo } from "@/prisma/seed/load";
import { backupDatabase, MANIFEST, restoreDatabase } from "./lib/backup";
import { DATA_DIR } from "./lib/runtime";
import { freshDatabase, openTestCluster } from "./lib/test-db";

const { values: args } = parseArgs({
  options: {
    persons: { type: "string", default: "60" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const log = (line: string) => {
  if (!args.json) console.log(line);
};

/** Row count and an MD5 of every row's text, sorted, per table: equal digests mean equal contents. */
async function tableDigests(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename",
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; md5: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM "${name}" t`,
      );
      out[name] = { rows: Number(rows[0]!.n), md5: rows[0]!.md5 ?? "" };
    }
    await client.query("COMMIT");
    return out;
  } finally {
    await client.end();
  }
}

async function accountBalances(url: string): Promise<Map<number, bigint>> {
  const db = createDb(url);
  try {
    const rows = await db.account.findMany({ select: { id: true, balanceFen: true } });
    return new Map(rows.map((r) => [r.id, r.balanceFen]));
  } finally {
    await db.$disconnect();
  }
}

const started = Date.now();
const seconds = (from: number) => Number(((Date.now() - from) / 1000).toFixed(2));
const cluster = await openTestCluster("drill", { ephemeral: true });
const suffix = `${process.pid}`;
const sourceName = `portal_drill_src_${suffix}`;
const targetName = `portal_drill_dst_${suffix}`;
const damagedName = `portal_drill_bad_${suffix}`;
const backupDir = path.join(
  DATA_DIR,
  "backups",
  `drill-${new Date().toISOString().replace(/[:.]/g, "-")}-${suffix}`,
);
const problems: string[] = [];
let summary: Record<string, unknown> = {};

try {
  // 1. A seeded source, with audit rows whose text needs COPY escaping (newline, tab, backslash, quotes).
  const sourceUrl = await freshDatabase(cluster, sourceName);
  const source = createDb(sourceUrl);
  const seedStarted = Date.now();
  const seeded = await seedDemo(source, { persons: Number(args.persons), log: (line) => log(`  ${line}`) });
  for (let i = 0; i < 40; i++) {
    await source.auditLog.create({
      data: {
        actorType: i % 2 === 0 ? "STAFF" : "PERSON",
        actorId: String(i + 1),
        action: "DRILL_AUDIT",
        subjectPersonId: 1,
        reason: i % 5 === 0 ? "多行\n原因\t制表 反斜杠\\ 引号\" 单引号'" : `演练 ${i}`,
        details: { i, note: "备份演练", nested: { tricky: 'a\\b\n"c"' } },
        ip: "127.0.0.1",
      },
    });
  }
  await source.$disconnect();
  log(
    `源库 ${sourceName}:${seeded.persons} 名参保人,${seeded.postings} 笔记账,另加 40 条审计记录(${seconds(seedStarted)} 秒)`,
  );

  // 2. Back up.
  const backupStarted = Date.now();
  const manifest = await backupDatabase(sourceUrl, backupDir);
  const backupSeconds = seconds(backupStarted);
  const backupRows = manifest.tables.reduce((s, t) => s + t.rows, 0);
  const backupBytes = manifest.tables.reduce((s, t) => s + t.bytes, 0);
  log(
    `备份 ${path.relative(process.cwd(), backupDir)}:${manifest.tables.length} 张表,${backupRows} 行,${(backupBytes / 1024).toFixed(0)} KiB,${manifest.sequences.length} 个序列(${backupSeconds} 秒)`,
  );

  // 3. Restore into a fresh database: migrations first, then the data.
  const targetUrl = await freshDatabase(cluster, targetName);
  const restore = await restoreDatabase(backupDir, targetUrl);
  log(`恢复到 ${targetName}:${restore.tables} 张表,${restore.rows} 行(${restore.seconds} 秒)`);

  // 4. Prove the copy.
  const [sourceTables, targetTables] = [await tableDigests(sourceUrl), await tableDigests(targetUrl)];
  const tableMismatches = Object.keys({ ...sourceTables, ...targetTables }).filter(
    (name) =>
      sourceTables[name]?.rows !== targetTables[name]?.rows ||
      sourceTables[name]?.md5 !== targetTables[name]?.md5 ||
      manifest.tables.find((t) => t.name === name)?.rows !== targetTables[name]?.rows,
  );
  if (tableMismatches.length > 0) problems.push(`表内容不一致:${tableMismatches.join(", ")}`);
  const [sourceBalances, targetBalances] = [
    await accountBalances(sourceUrl),
    await accountBalances(targetUrl),
  ];
  const balanceMismatches =
    [...sourceBalances].filter(([id, fen]) => targetBalances.get(id) !== fen).length +
    Math.abs(sourceBalances.size - targetBalances.size);
  if (balanceMismatches > 0) problems.push(`账户余额不一致:${balanceMismatches} 个`);

  const target = createDb(targetUrl);
  const ledger = await checkLedger(target);
  const audit = await checkAuditChain(target);
  const sourceDb = createDb(sourceUrl);
  const sourceLedger = await checkLedger(sourceDb);
  const sourceAudit = await checkAuditChain(sourceDb);
  await sourceDb.$disconnect();
  if (!ledger.ok) problems.push("恢复库 ledger check 未通过");
  if (!audit.ok) problems.push(`恢复库审计链断裂:${audit.broken.map((b) => b.id).join(",")}`);
  if (ledger.postings !== sourceLedger.postings || ledger.entries !== sourceLedger.entries)
    problems.push("记账/分录数与源库不同");
  if (audit.rows !== sourceAudit.rows) problems.push("审计记录数与源库不同");

  // 5. The restored database is usable: sequences continue, the chain continues.
  const funds = await fundAccountIds(target);
  const personal = await target.account.findFirstOrThrow({
    where: { kind: "PERSONAL" },
    select: { id: true },
  });
  await postJournal(target, {
    idempotencyKey: `drill:after-restore:${suffix}`,
    description: "恢复后试记账",
    occurredAt: new Date(),
    lines: [
      { accountId: personal.id, amountFen: 100n, kind: "MONTHLY_CREDIT" },
      { accountId: funds["FUND-POOLED"], amountFen: -100n, kind: "MONTHLY_CREDIT" },
    ],
  });
  await target.auditLog.create({ data: { actorType: "SYSTEM", action: "DRILL_AFTER_RESTORE" } });
  const ledgerAfter = await checkLedger(target);
  const auditAfter = await checkAuditChain(target);
  await target.$disconnect();
  if (!ledgerAfter.ok || !auditAfter.ok || auditAfter.rows !== audit.rows + 1)
    problems.push("恢复库无法继续记账或审计");

  // 6. A damaged backup is refused before anything is written.
  const damagedDir = `${backupDir}-damaged`;
  cpSync(backupDir, damagedDir, { recursive: true });
  const entriesFile = path.join(damagedDir, manifest.tables.find((t) => t.name === "entries")!.file);
  const bytes = readFileSync(entriesFile);
  bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! === 0x31 ? 0x32 : 0x31; // one digit changed
  writeFileSync(entriesFile, bytes);
  const damagedUrl = await freshDatabase(cluster, damagedName);
  let refused = "";
  try {
    await restoreDatabase(damagedDir, damagedUrl);
  } catch (error) {
    refused = error instanceof Error ? error.message : String(error);
  }
  const damagedDb = createDb(damagedUrl);
  const writtenAfterRefusal = await damagedDb.posting.count();
  await damagedDb.$disconnect();
  rmSync(damagedDir, { recursive: true, force: true });
  if (!refused.includes("校验和不符") || writtenAfterRefusal !== 0)
    problems.push(`损坏的备份未被拒绝:${refused || "恢复成功了"}`);

  summary = {
    ok: problems.length === 0,
    persons: seeded.persons,
    tables: manifest.tables.length,
    rows: backupRows,
    bytes: backupBytes,
    sequences: manifest.sequences.length,
    migrations: manifest.migrations.length,
    postings: ledger.postings,
    entries: ledger.entries,
    accounts: targetBalances.size,
    auditRows: audit.rows,
    balanceTotalFen: manifest.personalBalanceTotalFen,
    tableMismatches: tableMismatches.length,
    balanceMismatches,
    ledgerOk: ledger.ok,
    auditChainOk: audit.ok,
    usableAfterRestore: ledgerAfter.ok && auditAfter.ok,
    damagedRefused: refused,
    backupSeconds,
    restoreSeconds: restore.seconds,
    totalSeconds: seconds(started),
    problems,
  };
  log("\n=== 备份恢复演练结果 ===");
  log(
    `  表 ${manifest.tables.length} 张、行 ${backupRows}(每表行数与内容摘要与源库一致:${tableMismatches.length === 0 ? "是" : `否 ${tableMismatches.join(",")}`})`,
  );
  log(
    `  账户 ${targetBalances.size} 个,余额不一致 ${balanceMismatches} 个,个人账户余额合计 ${manifest.personalBalanceTotalFen} 分`,
  );
  log(
    `  恢复库 ledger check:${ledger.ok ? "通过" : "未通过"}(${ledger.postings} 笔记账,${ledger.entries} 条分录)`,
  );
  log(`  恢复库审计链:${audit.ok ? "完整" : "断裂"}(${audit.rows} 条)`);
  log(`  恢复后继续记账与审计:${ledgerAfter.ok && auditAfter.ok ? "正常" : "异常"}`);
  log(`  损坏的备份:${refused ? `已拒绝(${refused})` : "未拒绝"}`);
  log(`  备份 ${backupSeconds} 秒,恢复 ${restore.seconds} 秒,共 ${seconds(started)} 秒`);
  log(problems.length === 0 ? "backup drill: PASS" : `backup drill: FAIL: ${problems.join(";")}`);
  if (args.json) console.log(JSON.stringify(summary));
  if (!args.keep && problems.length === 0) rmSync(backupDir, { recursive: true, force: true });
  else log(`备份保留在 ${backupDir}(${MANIFEST} 为清单)`);
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
  console.error(error);
  if (args.json) console.log(JSON.stringify({ ok: false, problems }));
} finally {
  if (!args.keep) {
    const admin = new pg.Client({ connectionString: cluster.urlFor("postgres") });
    await admin.connect().catch(() => {});
    for (const name of [sourceName, targetName, damagedName])
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
  }
  await cluster.stop();
}
process.exit(problems.length === 0 ? 0 : 1);
