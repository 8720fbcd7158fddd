import { readFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";

/** After the browser tests: the ledger they posted to must still be clean. */
export default async function globalTeardown() {
  const url = readFileSync(path.join(process.cwd(), ".data", `${process.env.E2E_CLUSTER ?? "e2e"}-db-url`), "utf8");
  const db = createDb(url);
  try {
    const report = await checkLedger(db);
    console.log(`ledger:check after e2e: ${report.postings} postings, ${report.entries} entries, ok=${report.ok}`);
    if (!report.ok) throw new Error(`ledger check failed after e2e: ${JSON.stringify(report, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
  } finally {
    await db.$disconnect();
  }
}
