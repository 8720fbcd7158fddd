/**
 * The restricted database role the web application connects as (prisma/sql/app-role.sql): applied as
 * the owner after `migrate deploy`, so the app can append to the ledger and the audit trail but never
 * rewrite, delete or truncate them. Migrations, the seed, crediting and ledger:check keep the owner.
 */
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DATA_DIR, ROOT } from "./runtime";

export const APP_ROLE = "portal_app";
export const APP_ROLE_SQL = path.join(ROOT, "prisma", "sql", "app-role.sql");

/**
 * The password of portal_app on this machine's embedded and test clusters: generated once into
 * .data/app-db-password (like the auth secret, never committed). Created atomically, so processes
 * starting at the same moment all read the same one.
 */
export function appRolePassword(): string {
  const file = path.join(DATA_DIR, "app-db-password");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, randomBytes(24).toString("base64url"), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  return readFileSync(file, "utf8").trim();
}

/** Runs prisma/sql/app-role.sql (creates the role if missing, then the grants) on `ownerUrl`'s database. */
export async function applyAppRoleGrants(ownerUrl: string): Promise<void> {
  const sql = readFileSync(APP_ROLE_SQL, "utf8");
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `ownerUrl` with portal_app's name and password instead of the owner's. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password; // the setter percent-encodes
  return url.toString();
}

/**
 * Applies the grants, sets portal_app's password and returns the URL the app should use. For clusters
 * this project starts itself (the owner is their superuser); an external server's administrator applies
 * the SQL and sets the password by hand (README).
 */
export async function ensureAppRole(ownerUrl: string, password = appRolePassword()): Promise<string> {
  await applyAppRoleGrants(ownerUrl);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const statement = `ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`;
    try {
      await client.query(statement);
    } catch (error) {
      // Another process setting the same password at the same moment ("tuple concurrently updated").
      if ((error as { code?: string }).code !== "XX000") throw error;
      await client.query(statement);
    }
  } finally {
    await client.end();
  }
  return appRoleUrl(ownerUrl, password);
}

/**
 * The URL `npm start` gives the app. Embedded server: portal_app, ensured here. External server: the
 * APP_DATABASE_URL the administrator set up (its grants refreshed after the migrations when it is
 * portal_app), else DATABASE_URL itself, with a warning.
 */
export async function appDatabaseUrl(
  database: { url: string; embedded: boolean },
  appUrlFromEnv?: string,
): Promise<string> {
  if (database.embedded) return ensureAppRole(database.url);
  if (appUrlFromEnv) {
    if (decodeURIComponent(new URL(appUrlFromEnv).username) === APP_ROLE)
      await applyAppRoleGrants(database.url);
    return appUrlFromEnv;
  }
  console.warn(
    "提示:未设置 APP_DATABASE_URL,应用将以 DATABASE_URL 的角色(迁移所有者)连接数据库。生产环境请按 README 创建受限角色 portal_app。",
  );
  return database.url;
}
