import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The e2e database (written by scripts/e2e-server.ts), for comparing the screen with the data. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = readFileSync(path.join(process.cwd(), ".data", `${process.env.E2E_CLUSTER ?? "e2e"}-db-url`), "utf8");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function yuan(fen: bigint | string | number): string {
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  const int = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${v < 0n ? "-" : ""}¥${int}.${(abs % 100n).toString().padStart(2, "0")}`;
}
