import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** The pg pool behind each client, for the few hot reads that skip the ORM (rawPool). */
const pools = new WeakMap<object, pg.Pool>();

function createClient(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the next
  // query gets a new connection. Prisma's adapter adds the same guard only while it is connected.
  pool.on("error", () => {});
  const client = new PrismaClient({
    // $disconnect() ends the pool, as it did when the adapter made its own.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Secrets never leave a query unless a caller asks for them by name.
    omit: {
      person: { passwordHash: true },
      staff: { passwordHash: true, totpSecret: true },
      unitClerk: { passwordHash: true },
    },
  });
  pools.set(client, pool);
  return client;
}

/**
 * The pg pool a client was created with (same connections, same limit), or null for clients made
 * elsewhere (a replica view, a transaction). Only for single-row reads on the request path, where
 * Prisma's per-query cost dominates (issue 8's P1: the session check and the balance read).
 */
export function rawPool(database: unknown): pg.Pool | null {
  return (typeof database === "object" && database !== null && pools.get(database)) || null;
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function withReplicas(primary: Db, urls: readonly string[]) {
  return primary.$extends(readReplicas({ replicas: urls.map(createClient) }));
}

const globalForDb = globalThis as unknown as { portalDb?: Db; portalReplicas?: ReturnType<typeof withReplicas> };

/** The one Prisma client of the process (kept on globalThis so dev reloads do not open new pools). */
export function db(): Db {
  globalForDb.portalDb ??= createClient(env().DATABASE_URL);
  return globalForDb.portalDb;
}

/**
 * For reads that may lag the primary by a moment: statements and catalogues. With
 * DATABASE_REPLICA_URLS set it is a replica picked by Prisma's read-replicas extension (at random per
 * call); without, the primary. Never use it for a read that decides a write (postings, sign-in,
 * session checks): those read db().
 */
export function readDb(): Db {
  const urls = env().DATABASE_REPLICA_URLS;
  if (urls.length === 0) return db();
  globalForDb.portalReplicas ??= withReplicas(db(), urls);
  return globalForDb.portalReplicas.$replica() as unknown as Db;
}

/** The same routing for scripts and tests with their own clients. */
export function createReadDb(primary: Db, replicaUrls: readonly string[]): Db {
  return replicaUrls.length === 0 ? primary : (withReplicas(primary, replicaUrls).$replica() as unknown as Db);
}

/** A separate client for scripts and tests that manage their own connection lifetime. */
export function createDb(url: string): Db {
  return createClient(url);
}
