/**
 * The backup/restore drill (issue 9, item 10) in the suite: scripts/backup-drill.ts run as a process on
 * this suite's cluster (TEST_CLUSTER_URL), and the restore's refusals checked directly.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { backupDatabase, restoreDatabase } from "@/scripts/lib/backup";
import { freshDatabase, type TestCluster } from "@/scripts/lib/test-db";
import { createPerson, createReferenceData, fund } from "@/tests/factories";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const base = () => new URL(inject("databaseUrl"));
const cluster: TestCluster = {
  urlFor: (name) => Object.assign(base(), { pathname: `/${name}` }).toString(),
  stop: async () => {},
};

function runDrill(): Promise<{
  code: number | null;
  summary: Record<string, unknown> | null;
  output: string;
}> {
  const child = spawn("npx", ["tsx", "scripts/backup-drill.ts", "--persons", "8", "--json"], {
    cwd: ROOT,
    env: { ...process.env, TEST_CLUSTER_URL: cluster.urlFor("postgres") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  return new Promise((resolve) =>
    child.on("close", (code) => {
      const line = output
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .at(-1);
      resolve({ code, summary: line ? (JSON.parse(line) as Record<string, unknown>) : null, output });
    }),
  );
}

describe("scripts/backup-drill.ts", () => {
  it("backs up a seeded database, restores it into a fresh one, and every check passes", {
    timeout: 300_000,
  }, async () => {
    const { code, summary, output } = await runDrill();
    expect(summary, output).not.toBeNull();
    expect(summary!.problems, output).toEqual([]);
    expect(code).toBe(0);
    expect(summary).toMatchObject({
      ok: true,
      persons: 8,
      tableMismatches: 0,
      balanceMismatches: 0,
      ledgerOk: true,
      auditChainOk: true,
      auditRows: 40,
      usableAfterRestore: true,
    });
    expect(summary!.tables as number).toBeGreaterThanOrEqual(25);
    expect(summary!.postings as number).toBeGreaterThan(100);
    expect(summary!.damagedRefused).toContain("校验和不符");
  });
});

describe("restoreDatabase refuses", () => {
  let dir: string;
  let sourceUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "portal-backup-"));
    sourceUrl = await freshDatabase(cluster, "portal_it_backup_src");
    const db = createDb(sourceUrl);
    const { funds, agencyId } = await createReferenceData(db);
    const { account } = await createPerson(db, { agencyId });
    await fund(db, funds, account!.id, 1_234n);
    await db.$disconnect();
    await backupDatabase(sourceUrl, dir);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("a database that already holds data, and leaves it as it was", async () => {
    await expect(restoreDatabase(dir, sourceUrl)).rejects.toThrow(/不是空库/);
    const db = createDb(sourceUrl);
    expect(await db.posting.count()).toBe(1);
    await db.$disconnect();
  });

  it("a database without the migrations", async () => {
    const admin = createDb(cluster.urlFor("postgres"));
    await admin.$executeRawUnsafe("DROP DATABASE IF EXISTS portal_it_backup_bare WITH (FORCE)");
    await admin.$executeRawUnsafe("CREATE DATABASE portal_it_backup_bare");
    await admin.$disconnect();
    await expect(restoreDatabase(dir, cluster.urlFor("portal_it_backup_bare"))).rejects.toThrow(
      /_prisma_migrations/,
    );
  });

  it("restores into a fresh migrated database: same balance and ledger", async () => {
    const url = await freshDatabase(cluster, "portal_it_backup_dst");
    const report = await restoreDatabase(dir, url);
    expect(report.order.indexOf("postings")).toBeLessThan(report.order.indexOf("entries"));
    expect(report.order.indexOf("persons")).toBeLessThan(report.order.indexOf("accounts"));
    const db = createDb(url);
    const personal = await db.account.findFirstOrThrow({ where: { kind: "PERSONAL" } });
    expect(personal.balanceFen).toBe(1_234n);
    expect(await db.entry.count()).toBe(2);
    await db.$disconnect();
  });
});
