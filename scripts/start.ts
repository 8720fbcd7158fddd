/**
 * npm start: the portal on one command. Without DATABASE_URL it starts the embedded PostgreSQL
 * (data under .data/pg), applies migrations, seeds the demo data into an empty database, builds the
 * app if there is no build, and serves on PORT (default 3000). SIGINT/SIGTERM stop everything.
 */
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/load";
import { runPrisma } from "./prisma";
import { appDatabaseUrl } from "./lib/app-role";
import { hasBuild, runNext, runNextToEnd, runServer } from "./lib/next";
import { authSecret, onShutdown, openDatabase, readStartEnv } from "./lib/runtime";

const { values } = parseArgs({ options: { dev: { type: "boolean", default: false } } });
const env = readStartEnv();
const database = await openDatabase(env);
console.log(database.embedded ? `内置 PostgreSQL 已启动(端口 ${env.EMBEDDED_PG_PORT},数据目录 .data/pg)` : "使用 DATABASE_URL 指定的数据库");

let app: ReturnType<typeof runNext> | undefined;
onShutdown(async (signal) => {
  if (app && app.exitCode === null) {
    app.kill(signal);
    await new Promise((r) => app?.once("exit", r));
  }
  await database.stop();
});

try {
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: database.url });
  const db = createDb(database.url);
  if ((await db.person.count()) === 0) {
    console.log("数据库为空,正在导入演示数据…");
    const result = await seedDemo(db, { persons: 200, log: console.log });
    console.log(`演示数据导入完成:${result.persons} 名参保人,${result.postings} 笔记账`);
  }
  await db.$disconnect();

  // The app connects as the restricted role portal_app (prisma/sql/app-role.sql), never as the owner.
  const appUrl = await appDatabaseUrl(database, env.APP_DATABASE_URL);
  const appEnv = { DATABASE_URL: appUrl, AUTH_SECRET: authSecret(env), PORT: String(env.PORT) };
  if (values.dev) {
    app = runNext(["dev", "-p", String(env.PORT)], appEnv);
  } else {
    if (!hasBuild()) {
      console.log("未发现构建产物,正在构建(约 1 分钟)…");
      await runNextToEnd(["build"], { ...appEnv, NODE_ENV: "production" });
    }
    app = runServer(appEnv);
    console.log(`门户地址:http://localhost:${env.PORT}`);
  }
  const code: number = await new Promise((r) => app!.once("exit", (c) => r(c ?? 0)));
  await database.stop();
  process.exit(code);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await database.stop();
  process.exit(1);
}
