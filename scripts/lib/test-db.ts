/**
 * Test databases: a cluster (TEST_CLUSTER_URL, or an embedded one under .data/test-pg-<name> on a free
 * port) and, per suite, a freshly created and migrated database, so tests never touch demo data.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { runPrisma } from "../prisma";
import { findFreePort, startEmbeddedPostgres } from "./embedded-postgres";
import { DATA_DIR } from "./runtime";

export interface TestCluster {
  /** Connection URL with the database name left to fill in. */
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
}

/**
 * `name` keeps suites apart: each embedded cluster has its own data directory and port. An
 * ephemeral cluster gets a directory of its own process (removed when stopped), so several runs of
 * the same suite at once never share, drop or stop each other's database.
 */
export async function openTestCluster(name: string, options: { ephemeral?: boolean } = {}): Promise<TestCluster> {
  const given = process.env.TEST_CLUSTER_URL;
  if (given) {
    const url = new URL(given);
    return {
      urlFor: (database) => Object.assign(new URL(url), { pathname: `/${database}` }).toString(),
      stop: async () => {},
    };
  }
  const port = await findFreePort(55500 + (process.pid % 200));
  const dataDir = path.join(DATA_DIR, options.ephemeral ? `tmp-pg-${name}-${process.pid}` : `test-pg-${name}`);
  const db = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  const url = new URL(db.url);
  return {
    urlFor: (database) => Object.assign(new URL(url), { pathname: `/${database}` }).toString(),
    stop: async () => {
      await db.stop();
      if (options.ephemeral) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Drops and recreates `name`, then applies the migrations; returns its URL. */
export async function freshDatabase(cluster: TestCluster, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: cluster.urlFor("postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = cluster.urlFor(name);
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: url });
  return url;
}
