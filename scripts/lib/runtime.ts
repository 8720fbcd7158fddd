/**
 * What `npm start`, `npm run seed`, `npm run ledger:check` and the tests share: the database to use
 * (DATABASE_URL, or the embedded PostgreSQL under .data/) and the generated AUTH_SECRET.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { startEmbeddedPostgres } from "./embedded-postgres";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");

const startEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL 必须是 postgresql:// 开头的连接串")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The restricted role the app connects as on an external server (prisma/sql/app-role.sql); DATABASE_URL stays the owner. */
  APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "APP_DATABASE_URL 必须是 postgresql:// 开头的连接串")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORT: z.coerce.number({ error: "PORT 必须是数字" }).int().min(1, "PORT 应在 1-65535 之间").max(65535, "PORT 应在 1-65535 之间").default(3000),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET 至少 32 个字符").optional().or(z.literal("").transform(() => undefined)),
});

export type StartEnv = z.infer<typeof startEnv>;

/** Validates the environment once, with a message a person can act on instead of a stack trace. */
export function readStartEnv(): StartEnv {
  const parsed = startEnv.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`环境变量 ${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  return parsed.data;
}

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export async function openDatabase(env: StartEnv, options: { dataDir?: string; port?: number } = {}): Promise<Database> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const db = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? path.join(DATA_DIR, "pg"),
    port: options.port ?? env.EMBEDDED_PG_PORT,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}

/** AUTH_SECRET from the environment, else one generated once into .data/ (never committed). */
export function authSecret(env: StartEnv): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Stops `stop` once on SIGINT/SIGTERM, then exits; returns a function that removes the handlers. */
export function onShutdown(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal)
      .catch((error) => console.error(error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
