/** npm run ledger:check — recomputes every balance from its entries; exits 1 on any mismatch. */
import { createDb } from "@/lib/db/client";
import { checkLedger } from "@/lib/services/check-ledger";
import { openDatabase, readStartEnv } from "./lib/runtime";

const database = await openDatabase(readStartEnv());
let ok = false;
try {
  const db = createDb(database.url);
  const started = Date.now();
  const r = await checkLedger(db);
  await db.$disconnect();
  console.log(`账户 ${r.accounts} 个,记账凭证 ${r.postings} 笔,分录 ${r.entries} 条(用时 ${Date.now() - started} ms)`);
  console.log(`全部分录合计 ${r.totalFen} 分(应为 0)`);
  console.log(`余额与分录不符的账户:${r.accountMismatches.length}`);
  for (const m of r.accountMismatches.slice(0, 10)) {
    console.log(`  账户 ${m.accountId}: 余额 ${m.balanceFen},分录合计 ${m.entriesFen},末条分录后余额 ${m.lastBalanceAfterFen}`);
  }
  console.log(`借贷不平的凭证:${r.unbalancedPostings.length}`);
  console.log(`余额为负的个人账户:${r.negativePersonalAccounts}`);
  console.log(r.ok ? "ledger:check 通过" : "ledger:check 未通过");
  ok = r.ok;
} finally {
  await database.stop();
}
process.exit(ok ? 0 : 1);
