import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient(url: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    // Secrets never leave a query unless a caller asks for them by name.
    omit: {
      person: { passwordHash: true },
      staff: { passwordHash: true, totpSecret: true },
      unitClerk: { passwordHash: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { portalDb?: Db };

/** The one Prisma client of the process (kept on globalThis so dev reloads do not open new pools). */
export function db(): Db {
  globalForDb.portalDb ??= createClient(env().DATABASE_URL);
  return globalForDb.portalDb;
}

/** A separate client for scripts and tests that manage their own connection lifetime. */
export function createDb(url: string): Db {
  return createClient(url);
}
