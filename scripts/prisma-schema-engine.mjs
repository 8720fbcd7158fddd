#!/usr/bin/env node
/**
 * Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded on machines
 * without internet access. scripts/prisma.ts points PRISMA_SCHEMA_ENGINE_BINARY here only when
 * the native engine is missing. The Prisma CLI then runs this file like the binary:
 *
 *   prisma-schema-engine.mjs --version
 *   prisma-schema-engine.mjs --datasource '{"url":...}' cli can-connect-to-database|create-database
 *   prisma-schema-engine.mjs [--datamodels <file>]... --datasource '{"url":...}'   (JSON-RPC on stdin/stdout)
 *
 * Each JSON-RPC call is forwarded to the WebAssembly build of the same engine
 * (@prisma/schema-engine-wasm), which reaches PostgreSQL through @prisma/adapter-pg.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * Trap 1: adapter-pg has no mapping for Postgres' internal one-byte `"char"` type (OID 18, e.g.
 * pg_constraint.contype), which the engine reads while describing a schema: "Column type 'char'
 * could not be deserialized". The pools' Client class reports such columns to adapter-pg as text
 * (OID 25) and remembers their positions, keyed by the rows array that adapter-pg passes through;
 * reportCharColumns() then wraps the adapter so the engine sees them as Character, which is what
 * it decodes them as. Nothing in node_modules is changed.
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
    if (indexes.length === 0) continue;
    for (const i of indexes) r.fields[i].dataTypeID = 25;
    charColumns.set(r.rows, indexes);
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
 * connectionString override the other fields, so the shadow database (same server, other
 * `database`) would silently be the main database (trap 2).
 */
function pgConfig(url) {
  const u = new URL(url);
  const param = (key) => u.searchParams.get(key) ?? undefined;
  const schema = param("schema");
  const sslmode = param("sslmode");
  return {
    schema,
    pool: {
      host: param("host") ?? (decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, "$1") || "localhost"),
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username) || undefined,
      password: decodeURIComponent(u.password) || undefined,
      database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
      ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode.startsWith("verify") } : undefined,
      // Trap 4: `?schema=` is Prisma's, not libpq's. adapter-pg only reports it to the engine; the
      // engine's unqualified SQL lands in that schema only if it is first on the search_path.
      options: schema ? `-c search_path=${quoteIdent(schema).replace(/[\\ ]/g, "\\$&")}` : undefined,
      Client: CharAsTextClient,
    },
  };
}

/** Adapters not yet disposed by the engine: closed (and shadow databases dropped) before exit. */
const openAdapters = new Set();

async function connect(config, onDispose) {
  const adapter = reportCharColumns(await new PrismaPg(config.pool, { schema: config.schema }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => reportCharColumns(await startTransaction(isolationLevel));
  // adapter-pg's executeScript splits the script on ";", which breaks function bodies and string
  // literals in migrations and `db execute`. Like the native engine, send the whole script as one
  // simple-protocol query (Postgres runs it as one implicit transaction).
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
    await onDispose?.();
  };
  openAdapters.add(adapter);
  return adapter;
}

/** Runs one statement on its own connection; `database` defaults to the maintenance database, since CREATE/DROP DATABASE cannot run inside the target. */
async function runStatement(config, sql, database = "postgres") {
  const client = new pg.Client({ ...config.pool, database, options: undefined });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function adapterFactory(datasource) {
  if (!datasource?.url) throw new Error("No database URL: set datasource.url in prisma.config.ts (DATABASE_URL).");
  const main = pgConfig(datasource.url);
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: new PrismaPg(main.pool).adapterName,
    connect: () => connect(main),
    async connectToShadowDb() {
      if (datasource.shadowDatabaseUrl) return connect(pgConfig(datasource.shadowDatabaseUrl));
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await runStatement(main, `CREATE DATABASE ${quoteIdent(name)}`);
      // Trap 2: drop only after the shadow pool is closed; FORCE ends any connection still lingering.
      const drop = () => runStatement(main, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      return connect({ ...main, pool: { ...main.pool, database: name } }, drop);
    },
  });
}

/** The wasm engine reports a Rust panic's message here before trapping (same object the Prisma CLI installs). */
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(message) {
    this.message = message;
  },
};

/** Loads the wasm engine by hand: its entry file imports the .wasm as an ES module, which Node 20 cannot. */
async function loadWasmEngine() {
  const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgUrl);
  const module = new WebAssembly.Module(readFileSync(new URL("schema_engine_bg.wasm", bgUrl)));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

/** Error in the shape of the native engine's log lines / JSON-RPC errors, which the CLI parses. */
function describeError(error, config) {
  const at = config ? `${config.pool.host}:${config.pool.port}` : "the database server";
  const code = error?.code;
  if (code === "3D000") return { code: "P1003", message: `Database \`${config.pool.database}\` does not exist on the database server at \`${at}\`.` };
  if (code === "28P01" || code === "28000") return { code: "P1000", message: `Authentication failed against database server at \`${at}\`, the provided database credentials for \`${config.pool.user}\` are not valid.` };
  if (["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH"].includes(code)) return { code: "P1001", message: `Can't reach database server at \`${at}\`.` };
  return { code: typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined, message: String(error?.message ?? error) };
}

/** `cli <command>`: one-shot commands the CLI runs before migrate dev / db push; errors go to stderr as JSON logs. */
async function runCliCommand(command, datasource) {
  const config = pgConfig(datasource.url);
  try {
    if (command === "can-connect-to-database") await runStatement(config, "SELECT 1", config.pool.database);
    else if (command === "create-database") await runStatement(config, `CREATE DATABASE ${quoteIdent(config.pool.database)}`);
    else throw new Error(`Unsupported command: cli ${command}`);
    process.exit(0);
  } catch (error) {
    const { code, message } = describeError(error, config);
    // The CLI skips the first stderr line and parses every other line as a JSON log record.
    process.stderr.write(`schema-engine (wasm): cli ${command} failed\n`);
    process.stderr.write(`${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message, error_code: code } })}\n`);
    process.exit(1);
  }
}

/** The JSON-RPC server: one request per line, answered in order, until the CLI closes stdin. */
async function serve(datamodelPaths, datasource) {
  const wasm = await loadWasmEngine();
  const factory = adapterFactory(datasource);
  const datamodels = datamodelPaths.map((file) => [file, readFileSync(file, "utf8")]);
  const log = (line) => process.stderr.write(`${line}\n`); // the CLI keeps JSON log lines for its error messages
  const engine = await wasm.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, log, factory);

  let diagnosed = false;
  const methods = {
    getDatabaseVersion: (params) => engine.version(params),
    createDatabase: async ({ datasource: target }) => {
      const url = target?.tag === "ConnectionString" ? target.url : datasource.url;
      const config = pgConfig(url);
      await runStatement(config, `CREATE DATABASE ${quoteIdent(config.pool.database)}`);
      return { databaseName: config.pool.database };
    },
  };
  for (const name of ["evaluateDataLoss", "createMigration"]) {
    // Trap 3: without a diagnoseMigrationHistory call first, the wasm engine fails these with
    // "shadow DB must be provided through an external factory".
    methods[name] = async (params) => {
      if (!diagnosed) await engine.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
      diagnosed = true;
      return engine[name](params);
    };
  }

  async function handle(request) {
    try {
      let result;
      if (methods[request.method]) result = await methods[request.method](request.params ?? {});
      else if (typeof engine[request.method] === "function") result = await engine[request.method](request.params ?? {});
      else throw new Error(`Method ${request.method} is not supported by the wasm schema engine.`);
      if (request.method === "diagnoseMigrationHistory") diagnosed = true;
      // The wasm engine returns a diff's text; the native one asks the CLI to print it (so that
      // `migrate diff --output` can capture it), and the CLI ignores `stdout` in the result.
      if (request.method === "diff" && result.stdout) {
        await printViaCli(result.stdout.replace(/\n$/, "")); // the CLI appends a newline itself
        result = { ...result, stdout: null };
      }
      send({ id: request.id, result: result === undefined ? {} : result });
    } catch (error) {
      // Errors thrown by JS code in the adapter reach the engine only as "External error id#N".
      const external = (text) =>
        text.replace(/External error id#(\d+)/g, (_, id) => {
          const registered = factory.errorRegistry.consumeError(Number(id))?.error;
          return registered ? `${registered.message ?? registered} (${registered.code ?? "no code"})` : _;
        });
      const cause = error;
      const described = describeError(cause);
      described.message = external(described.message);
      const panic = cause instanceof WebAssembly.RuntimeError;
      const message = panic ? globalThis.PRISMA_WASM_PANIC_REGISTRY.message || cause.message : described.message;
      const data = { is_panic: panic, message, error_code: described.code, meta: cause?.meta, ...(panic && { error: { message } }) };
      send({ id: request.id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } });
    }
  }
  const send = (body) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...body })}\n`);

  const printAcks = new Map();
  const printViaCli = (content) =>
    new Promise((resolve) => {
      const id = `print-${printAcks.size + 1}-${Date.now()}`;
      printAcks.set(id, resolve);
      send({ id, method: "print", params: { content } });
    });

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
    else printAcks.get(message.id)?.(); // the CLI's answer to a print request: not queued behind it
  });
  // The CLI ends stdin when it is done; pools and the engine's timers would otherwise keep us alive.
  lines.on("close", async () => {
    await queue;
    await Promise.allSettled([...openAdapters].map((adapter) => adapter.dispose()));
    engine.free();
    process.exit(0);
  });
}

// A Rust panic can also surface outside a request's promise. Report it as an ERROR log line, which
// the CLI shows as "Error in Schema engine: <message>", instead of a bare "RuntimeError: unreachable".
process.on("uncaughtException", (error) => {
  const message = globalThis.PRISMA_WASM_PANIC_REGISTRY.message || String(error?.stack ?? error);
  process.stderr.write(`${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message } })}\n`);
  process.exit(1);
});

const argv = process.argv.slice(2);
const option = (name) => argv.flatMap((arg, i) => (arg === name && i + 1 < argv.length ? [argv[i + 1]] : []));
if (argv.includes("--version")) {
  console.log(`schema-engine-cli ${(await loadWasmEngine()).version()} (wasm)`);
} else {
  const datasource = option("--datasource").map((json) => JSON.parse(json))[0] ?? {};
  const cli = argv.indexOf("cli");
  if (cli >= 0) await runCliCommand(argv[cli + 1], datasource);
  else await serve(option("--datamodels"), datasource);
}
