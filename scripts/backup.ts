/**
 * Logical backup and restore of the portal database (scripts/lib/backup.ts explains the format):
 *
 *   npx tsx scripts/backup.ts backup [--out .data/backups/<time>]
 *   npx tsx scripts/backup.ts restore --from <dir>
 *
 * Both use DATABASE_URL (the owner role), else the embedded PostgreSQL under .data/pg. `restore` applies
 * the migrations to the target first, requires it to be empty, and ends with the ledger and audit-chain
 * checks and a comparison with the manifest; it exits 1 when any of them fails.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { checkAuditChain } from "@/lib/services/check-audit-chain";
import { checkLedger } from "@/lib/services/check-ledger";
import { backupDatabase, readManifest, restoreDatabase } from "./lib/backup";
import { DATA_DIR, onShutdown, openDatabase, readStartEnv } from "./lib/runtime";
import { runPrisma } from "./prisma";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string" }, from: { type: "string" } },
});
const command = positionals[0];
if (command !== "backup" && command !== "restore") {
  console.error("用法:npx tsx scripts/backup.ts backup [--out 目录] | restore --from 目录");
  process.exit(2);
}
if (command === "restore" && !values.from) {
  console.error("restore 需要 --from 备份目录");
  process.exit(2);
}

const database = await openDatabase(readStartEnv());
onShutdown(() => database.stop());
let code = 0;
try {
  if (command === "backup") {
    const dir = path.resolve(
      values.out ?? path.join(DATA_DIR, "backups", new Date().toISOString().replace(/[:.]/g, "-")),
    );
    const manifest = await backupDatabase(database.url, dir);
    const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
    console.log(
      `已备份到 ${dir}:${manifest.tables.length} 张表,${rows} 行,迁移 ${manifest.migrations.length} 个;清单 manifest.json`,
    );
  } else {
    const dir = path.resolve(values.from!);
    const manifest = readManifest(dir);
    await runPrisma(["migrate", "deploy"], { DATABASE_URL: database.url });
    const report = await restoreDatabase(dir, database.url);
    console.log(`已恢复 ${report.tables} 张表,${report.rows} 行(${report.seconds} 秒)`);
    const db = createDb(database.url);
    const ledger = await checkLedger(db);
    const audit = await checkAuditChain(db);
    const personal = await db.account.aggregate({ where: { kind: "PERSONAL" }, _sum: { balanceFen: true } });
    await db.$disconnect();
    const sameTotal = String(personal._sum.balanceFen ?? 0n) === manifest.personalBalanceTotalFen;
    console.log(
      `ledger:check ${ledger.ok ? "通过" : "未通过"}(${ledger.postings} 笔记账);审计链 ${audit.ok ? "完整" : "断裂"}(${audit.rows} 条)`,
    );
    console.log(
      `个人账户余额合计 ${personal._sum.balanceFen ?? 0n} 分,备份时 ${manifest.personalBalanceTotalFen} 分:${sameTotal ? "一致" : "不一致"}`,
    );
    if (!ledger.ok || !audit.ok || !sameTotal) code = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
