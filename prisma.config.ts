/**
 * Prisma CLI configuration. The database URL comes from DATABASE_URL (scripts/prisma.ts sets it to
 * the embedded PostgreSQL when unset). It is left out when absent instead of using `env()`, which
 * throws while loading this file: `prisma generate` needs no database and must work without it;
 * commands that need one then fail with "The datasource.url property is required".
 */
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: url ? { url } : {},
});
