#!/usr/bin/env node
/**
 * Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded without internet
 * access. scripts/prisma.ts points PRISMA_SCHEMA_ENGINE_BINARY here only when the native engine is
 * missing; the Prisma CLI then runs this file exactly like the binary:
 *
 *   --version
 *   --datasource '{"url":…}' cli can-connect-to-database | create-database
 *   [--datamodels <file>]… --datasource '{"url":…}'      JSON-RPC, one message per line on stdin/stdout
 *
 * Every JSON-RPC call goes to the WebAssembly build of the same engine (@prisma/schema-engine-wasm),
 * which reaches PostgreSQL through @prisma/adapter-pg. Nothing in node_modules is patched.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * Trap 1: adapter-pg cannot map Postgres' internal one-byte `"char"` type (OID 18, e.g.
 * pg_constraint.contype), which the engine reads to describe a schema ("Column type 'char' could not
 * be deserialized"). The pools' Client reports such columns to adapter-pg as text (OID 25) and
 * remembers their positions by the rows array, which adapter-pg passes through unchanged;
 * reportCharColumns() then tells the engine they are Character columns, which is what it decodes.
 */
const charColumns = new WeakMap();

class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof config?.submit === "function") return super.query(config, values, callback);
    if (callback) return super.query(config, values, (err, res) => callback(err, res && charAsText(res)));
    return super.query(config, values).then(charAsText);
  }
}

function charAsText(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const indexes = (r?.fields ?? []).flatMap((field, i) => (field.dataTypeID === 18 ? [i] : []));
    for (const i of indexes) r.fields[i].dataTypeID = 25;
    if (indexes.length > 0) charColumns.set(r.rows, indexes);
  }
  return result;
}

function reportCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * pg settings from a postgres:// URL as separate fields, never as `connectionString`: pg lets a
 * connectionString override `database`, so the shadow database would silently be the main one (trap 2).
 */
function pgConfig(url) {
  const u = new URL(url);
  const param = (key) => u.searchParams.get(key) ?? undefined;
  const [schema, sslmode] = [param("schema"), param("sslmode")];
  return {
    schema,
    pool: {
      host: param("host") ?? (decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, "$1") || "localhost"),
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username) || undefined,
      password: decodeURIComponent(u.password) || undefined,
      database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
      ssl:
        sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode.startsWith("verify") } : undefined,
      // Trap 4: `?schema=` is Prisma's, not libpq's. adapter-pg only reports it to the engine, whose
      // unqualified SQL (tables, _prisma_migrations) lands there only if it heads the search_path.
      options: schema ? `-c search_path=${quoteIdent(schema).replace(/[\\ ]/g, "\\$&")}` : undefined,
      Client: CharAsTextClient,
    },
  };
}

/** Runs one statement on its own connection, by default in the maintenance database (CREATE DATABASE). */
async function runStatement(config, sql, database = "postgres") {
  const client = new pg.Client({ ...config.pool, database, options: undefined });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Adapters the engine has not disposed yet; closed (shadow databases dropped) before we exit. */
const openAdapters = new Set();

async function connect(config, afterDispose) {
  const adapter = reportCharColumns(await new PrismaPg(config.pool, { schema: config.schema }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) => reportCharColumns(await startTransaction(level));
  // adapter-pg's executeScript splits on ";", breaking function bodies and string literals in
  // migrations and `db execute`. Like the native engine, send the script as one simple query.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // rethrows as the DriverAdapterError the engine understands
    }
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    if (!openAdapters.delete(adapter)) return;
    await dispose();
    await afterDispose?.();
  };
  openAdapters.add(adapter);
  return adapter;
}

function adapterFactory(datasource) {
  if (!datasource.url) throw new Error("No database URL: set datasource.url in prisma.config.ts.");
  const main = pgConfig(datasource.url);
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: new PrismaPg(main.pool).adapterName,
    connect: () => connect(main),
    async connectToShadowDb() {
      if (datasource.shadowDatabaseUrl) {
        // Unlike the native engine, the wasm one does not empty a configured shadow database, and
        // the previous replay's leftovers would fail this one ("type ... already exists").
        const shadow = pgConfig(datasource.shadowDatabaseUrl);
        const schema = quoteIdent(shadow.schema ?? "public");
        const reset = `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`;
        await runStatement(shadow, reset, shadow.pool.database);
        return connect(shadow);
      }
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await runStatement(main, `CREATE DATABASE ${quoteIdent(database)}`);
      // Trap 2: drop it only once its pool is closed; FORCE ends any connection still lingering.
      const drop = () => runStatement(main, `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
      return connect({ ...main, pool: { ...main.pool, database } }, drop);
    },
  });
}

/** The wasm engine stores a Rust panic's message here before trapping (the Prisma CLI installs the same). */
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(message) {
    this.message = message;
  },
};

/** Instantiates the wasm by hand: the package's entry imports the .wasm as a module (Node 20 cannot). */
async function loadWasmEngine() {
  const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgUrl);
  const module = new WebAssembly.Module(readFileSync(new URL("schema_engine_bg.wasm", bgUrl)));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

/** Error code and message as the native engine gives them; the CLI creates the database on P1003. */
function describeError(error, config) {
  const { host, port, database, user } = config?.pool ?? {};
  const at = `\`${host}:${port}\``;
  const known = {
    "3D000": ["P1003", `Database \`${database}\` does not exist on the database server at ${at}.`],
    "28P01": ["P1000", `Authentication failed against database server at ${at} for user \`${user}\`.`],
    ECONNREFUSED: ["P1001", `Can't reach database server at ${at}.`],
  };
  const [code, message] = (config && known[error?.code]) || [error?.code, String(error?.message ?? error)];
  return { code: /^P\d{4}$/.test(code) ? code : undefined, message };
}

/** An ERROR record like the native engine's logs, which the CLI turns into its error message. */
function logError(message, code) {
  const record = { level: "ERROR", target: "schema_engine::logger", fields: { message, error_code: code } };
  process.stderr.write(`${JSON.stringify(record)}\n`);
}

/** `cli <command>`: one-shot checks the CLI runs before migrating (and creates a missing database). */
async function runCliCommand(command, datasource) {
  const config = pgConfig(datasource.url);
  try {
    const name = quoteIdent(config.pool.database);
    if (command === "can-connect-to-database") await runStatement(config, "SELECT 1", config.pool.database);
    else if (command === "create-database") await runStatement(config, `CREATE DATABASE ${name}`);
    else throw new Error(`Unsupported command: cli ${command}`);
    process.exit(0);
  } catch (error) {
    const { code, message } = describeError(error, config);
    process.stderr.write(`schema-engine (wasm): cli ${command} failed\n`); // the CLI skips line 1
    logError(message, code);
    process.exit(1);
  }
}

/** The JSON-RPC server: requests answered one at a time, in order, until the CLI closes stdin. */
async function serve(datamodelPaths, datasource) {
  const wasm = await loadWasmEngine();
  const factory = adapterFactory(datasource);
  const datamodels = datamodelPaths.map((file) => [file, readFileSync(file, "utf8")]);
  const log = (line) => process.stderr.write(`${line}\n`); // the CLI reads these JSON log lines
  const options = { datamodels: datamodels[0] ? datamodels : undefined };
  const engine = await wasm.SchemaEngine.new(options, log, factory);
  const send = (body) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...body })}\n`);

  // The native engine has the CLI print a diff (so `migrate diff --output` captures it); the wasm
  // engine returns it as `stdout`, which the CLI ignores. Ask the CLI to print it, as the binary does.
  const printAcks = new Map();
  const printViaCli = (content) =>
    new Promise((resolve) => {
      const id = `print-${randomUUID()}`;
      printAcks.set(id, resolve);
      send({ id, method: "print", params: { content } });
    });

  let diagnosed = false;
  async function call({ method, params = {} }) {
    if (method === "getDatabaseVersion") return engine.version(params);
    if (typeof engine[method] !== "function") throw new Error(`${method}: not in the wasm engine`);
    // Trap 3: these read the migrations' schema from a cache that diagnoseMigrationHistory fills;
    // on a miss (e.g. right after migrate dev applied pending migrations) they fail with "PostgreSQL
    // shadow DB must be provided through an external factory".
    if ((method === "evaluateDataLoss" || method === "createMigration") && !diagnosed) {
      const { migrationsList, filters } = params;
      await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
    }
    if (method === "diagnoseMigrationHistory" || method === "evaluateDataLoss") diagnosed = true;
    const result = await engine[method](params); // called on `engine`: the wasm binding needs `this`
    if (method !== "diff" || !result.stdout) return result ?? {};
    await printViaCli(result.stdout.replace(/\n$/, "")); // the CLI appends a newline itself
    return { ...result, stdout: null };
  }

  async function handle(request) {
    try {
      send({ id: request.id, result: await call(request) });
    } catch (error) {
      const panic = error instanceof WebAssembly.RuntimeError;
      let { code, message } = describeError(error);
      if (panic) message = globalThis.PRISMA_WASM_PANIC_REGISTRY.message || message;
      // JS errors thrown inside the adapter reach the engine only as "External error id#N".
      message = message.replace(/External error id#(\d+)/g, (text, id) => {
        const cause = factory.errorRegistry.consumeError(Number(id))?.error;
        return cause ? `${cause.message ?? cause}${cause.code ? ` (${cause.code})` : ""}` : text;
      });
      const data = { is_panic: panic, message, error_code: code, meta: error?.meta, error: { message } };
      send({ id: request.id, error: { code: 4466, message: "Schema engine error", data } });
    }
  }

  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on("line", (line) => {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    if (typeof message.method === "string") queue = queue.then(() => handle(message));
    else printAcks.get(message.id)?.(); // the CLI's reply to a print request: not queued behind it
  });
  // The CLI closes stdin when done; open pools and the engine's timers would otherwise keep us alive.
  lines.on("close", async () => {
    await queue;
    await Promise.allSettled([...openAdapters].map((adapter) => adapter.dispose()));
    engine.free();
    process.exit(0);
  });
}

// A Rust panic can also surface outside a request's promise: report its message, not "unreachable".
process.on("uncaughtException", (error) => {
  logError(globalThis.PRISMA_WASM_PANIC_REGISTRY.message || String(error?.stack ?? error));
  process.exit(1);
});

const argv = process.argv.slice(2);
const option = (name) => argv.flatMap((arg, i) => (arg === name && i + 1 < argv.length ? [argv[i + 1]] : []));
if (argv.includes("--version")) {
  console.log(`schema-engine-cli ${(await loadWasmEngine()).version()} (wasm)`);
} else {
  const datasource = JSON.parse(option("--datasource")[0] ?? "{}");
  const cli = argv.indexOf("cli");
  if (cli >= 0) await runCliCommand(argv[cli + 1], datasource);
  else await serve(option("--datamodels"), datasource);
}
