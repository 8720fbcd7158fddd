/**
 * npm run seed [-- --persons N] [-- --bulk]
 * Seeds the demo data into an empty database (the embedded one unless DATABASE_URL is set).
 * Up to BULK_FROM persons everything goes through the services; above it (or with --bulk) the first
 * 200 do and the rest are written with COPY (prisma/seed/bulk.ts): 100,000 persons in minutes.
 */
import { parseArgs } from "node:util";
import { seedBulk } from "@/prisma/seed/bulk";
import { seedDemo } from "@/prisma/seed/load";
import { createDb } from "@/lib/db/client";
import { runPrisma } from "./prisma";
import { onShutdown, openDatabase, readStartEnv } from "./lib/runtime";

const { values } = parseArgs({ options: { persons: { type: "string", default: "200" }, bulk: { type: "boolean", default: false } } });
const persons = Number(values.persons);
if (!Number.isInteger(persons) || persons < 2 || persons > 5_000_000) {
  console.error("--persons 应为 2 到 5000000 之间的整数");
  process.exit(2);
}

/** Above this many persons the seed writes with COPY (services alone take about 15 minutes for 100,000). */
const BULK_FROM = 2_000;

const env = readStartEnv();
const database = await openDatabase(env);
onShutdown(() => database.stop());
try {
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: database.url });
  const db = createDb(database.url);
  const existing = await db.person.count();
  if (existing > 0) {
    console.log(`数据库中已有 ${existing} 名参保人,未重复导入。要重建,请删除 .data/ 或换一个空数据库。`);
  } else {
    const bulk = values.bulk || persons > BULK_FROM;
    const result = bulk
      ? await seedBulk(db, database.url, { persons, log: console.log })
      : await seedDemo(db, { persons, log: console.log });
    console.log(`完成:${result.persons} 名参保人,${result.postings} 笔记账。`);
  }
  await db.$disconnect();
} finally {
  await database.stop();
}
