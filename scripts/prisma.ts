/**
 * Runs the Prisma CLI the way this project needs it:
 *
 *   tsx scripts/prisma.ts <args...>   →   node node_modules/prisma/build/index.js <args...>
 *
 * - Without a native schema engine (it cannot be downloaded offline), PRISMA_SCHEMA_ENGINE_BINARY
 *   points at scripts/prisma-schema-engine.mjs, which runs the WebAssembly engine instead.
 * - Commands that need a database get the project's embedded PostgreSQL when DATABASE_URL is unset.
 *
 * Other scripts import `runPrisma` (e.g. to run `migrate deploy` before starting the app or tests).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
const WASM_ENGINE = path.join(ROOT, "scripts", "prisma-schema-engine.mjs");

/** Commands (first positional argument) that never open a database connection. */
const OFFLINE_COMMANDS = new Set(["generate", "format", "validate", "version", "init", "debug"]);

/** Where the Prisma CLI looks for `schema-engine-<platform>` (see `resolveBinary` in prisma/build). */
function hasNativeSchemaEngine(): boolean {
  const dirs = [
    path.join(ROOT, "node_modules", "@prisma", "engines"),
    path.join(ROOT, "node_modules", "prisma"),
    path.join(ROOT, "node_modules"),
    path.join(ROOT, "node_modules", "prisma", "runtime"),
  ];
  return dirs.some(
    (dir) =>
      existsSync(dir) &&
      readdirSync(dir).some((name) => name.startsWith("schema-engine-") && !/\.(sha256|gz)$/.test(name)),
  );
}

/** Environment for the CLI: the wasm engine stand-in only when no engine is configured or installed. */
function engineEnv(): Record<string, string> {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY || hasNativeSchemaEngine()) return {};
  return { PRISMA_SCHEMA_ENGINE_BINARY: WASM_ENGINE };
}

export function needsDatabase(args: string[]): boolean {
  if (args.some((arg) => ["--version", "-v", "--help", "-h"].includes(arg))) return false;
  const command = args.find((arg) => !arg.startsWith("-"));
  return command !== undefined && !OFFLINE_COMMANDS.has(command);
}

/** Spawns the CLI with inherited stdio; resolves with its exit code. SIGINT/SIGTERM are passed on. */
function spawnPrisma(args: string[], env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...engineEnv(), ...env },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal === "SIGINT" ? 130 : 1));
    });
  });
}

/**
 * Runs the CLI; DATABASE_URL comes from `env`, else process.env, else a temporary start of the
 * embedded PostgreSQL (stopped again when the CLI exits). Exit code of the CLI is returned.
 */
async function runWithDatabase(args: string[], env: Record<string, string> = {}): Promise<number> {
  if (!needsDatabase(args) || env.DATABASE_URL || process.env.DATABASE_URL) return spawnPrisma(args, env);
  // Imported lazily: `generate` (npm postinstall) should not load the Postgres binaries.
  const { startEmbeddedPostgres } = await import("./lib/embedded-postgres");
  const db = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", "pg"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  });
  try {
    return await spawnPrisma(args, { ...env, DATABASE_URL: db.url });
  } finally {
    await db.stop();
  }
}

/** Runs `prisma <args>`; rejects when the CLI exits non-zero. */
export async function runPrisma(args: string[], env: Record<string, string> = {}): Promise<void> {
  const code = await runWithDatabase(args, env);
  if (code !== 0) throw new Error(`prisma ${args.join(" ")} exited with code ${code}`);
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isEntryPoint) {
  try {
    process.exitCode = await runWithDatabase(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
