/**
 * The server Playwright starts (webServer): a fresh, migrated, seeded test database on the test
 * cluster and the built app on E2E_PORT. Writes the database URL to .data/<cluster>-db-url so specs can
 * compare the screen with the database (and the global teardown can check the ledger).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/load";
import { ensureAppRole } from "./lib/app-role";
import { hasBuild, runServer } from "./lib/next";
import { DATA_DIR, onShutdown } from "./lib/runtime";
import { freshDatabase, openTestCluster } from "./lib/test-db";

const port = Number(process.env.E2E_PORT ?? 3210);
// E2E_CLUSTER keeps parallel runs apart (own Postgres data directory, database and URL file).
const name = process.env.E2E_CLUSTER ?? "e2e";
const cluster = await openTestCluster(name);
const url = await freshDatabase(cluster, `portal_${name.replace(/\W/g, "_")}`);
const db = createDb(url);
await seedDemo(db, { persons: 60 });
await db.$disconnect();
// The specs read and check the database as the owner; the app itself runs as portal_app, as in production.
writeFileSync(path.join(DATA_DIR, `${name}-db-url`), url, { mode: 0o600 });
const appUrl = await ensureAppRole(url);

if (!hasBuild()) {
  console.error("没有构建产物:请先运行 npm run build(npm test 会自动构建)");
  await cluster.stop();
  process.exit(1);
}
const app = runServer({
  PORT: String(port),
  DATABASE_URL: appUrl,
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
  NODE_ENV: "production",
});

onShutdown(async (signal) => {
  if (app.exitCode === null) {
    app.kill(signal);
    await new Promise((r) => app.once("exit", r));
  }
  await cluster.stop();
});
app.once("exit", async (code) => {
  await cluster.stop();
  process.exit(code ?? 1);
});
