/**
 * npm run credit -- --month 2025-10 [--batch 1000]
 * Posts the month's personal-account credits (the embedded database unless DATABASE_URL is set).
 * Safe to run twice and to rerun after being killed: each person's credit has its own idempotency key.
 */
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/domain/errors";
import { runMonthlyCredit } from "@/lib/services/run-monthly-credit";
import { runPrisma } from "./prisma";
import { onShutdown, openDatabase, readStartEnv } from "./lib/runtime";

const { values } = parseArgs({ options: { month: { type: "string" }, batch: { type: "string", default: "1000" } } });
if (!values.month) {
  console.error("请指定月份:npm run credit -- --month 2025-10");
  process.exit(2);
}
const batchSize = Number(values.batch);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 20_000) {
  console.error("--batch 应为 1 到 20000 之间的整数");
  process.exit(2);
}

const database = await openDatabase(readStartEnv());
onShutdown(() => database.stop());
let code = 0;
try {
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: database.url });
  const db = createDb(database.url);
  const started = Date.now();
  const report = await runMonthlyCredit(db, {
    month: values.month,
    batchSize,
    onProgress: (r) => {
      const seconds = (Date.now() - started) / 1000;
      console.log(`第 ${r.batches} 批:已扫描 ${r.scanned} 人,新记账 ${r.posted} 笔,已存在 ${r.alreadyPosted} 笔(${(r.scanned / seconds).toFixed(0)} 人/秒)`);
    },
  });
  console.log(`${report.month} 划账完成:扫描 ${report.scanned} 人,新记账 ${report.posted} 笔,此前已记账 ${report.alreadyPosted} 笔。`);
  await db.$disconnect();
} catch (error) {
  console.error(isDomainError(error) ? error.message : error);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
