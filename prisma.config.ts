/**
 * Prisma CLI configuration. The database URL comes from DATABASE_URL (scripts/prisma.ts sets it to
 * the embedded PostgreSQL when unset). It is left out when absent, instead of using `env()`, which
 * throws at load time: `prisma generate` needs no database and must work without it.
 */
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: url ? { url, ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}) } : {},
});
