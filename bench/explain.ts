/**
 * npm run bench:explain — EXPLAIN (ANALYZE, BUFFERS) of the queries behind the pages issue 8 measures,
 * on the bench's 100,000-person database (run `npm run bench` once first). docs/scaling.md quotes it.
 */
import pg from "pg";
import { openTestCluster } from "@/scripts/lib/test-db";

const cluster = await openTestCluster("bench");
try {
  const c = new pg.Client({ connectionString: cluster.urlFor(process.argv[2] ?? "bench_100k") });
  await c.connect();
  const one = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows[0];
  const demo = await one(
    `SELECT p.id AS person_id, a.id AS account_id FROM persons p JOIN accounts a ON a.person_id = p.id
     JOIN cards c ON c.person_id = p.id WHERE c.card_number = 'A10000001'`,
  );
  const big = await one(`SELECT m.id FROM unit_months m JOIN units u ON u.id = m.unit_id WHERE u.unit_number = '5001900001' AND m.month = '2026-10'`);
  const counts = await one(`SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM postings) AS postings, (SELECT count(*) FROM contribution_lines) AS lines`);
  console.log(`entries ${counts.entries}, postings ${counts.postings}, contribution lines ${counts.lines}\n`);
  const cases: [string, string, unknown[]][] = [
    ["balance: account by person_id", "SELECT balance_fen FROM accounts WHERE person_id = $1", [demo.person_id]],
    [
      "statement, first page (51 newest entries of the account)",
      "SELECT id, kind, amount_fen, balance_after_fen, occurred_at FROM entries WHERE account_id = $1 ORDER BY id DESC LIMIT 51",
      [demo.account_id],
    ],
    [
      "statement, one year (keyset, 2025)",
      "SELECT id FROM entries WHERE account_id = $1 AND occurred_at >= '2024-12-31 16:00' AND occurred_at < '2025-12-31 16:00' ORDER BY id DESC LIMIT 51",
      [demo.account_id],
    ],
    [
      "employer month page, 10,000-employee unit (51 lines by keyset)",
      "SELECT * FROM contribution_lines WHERE unit_month_id = $1 AND person_id > 0 ORDER BY person_id LIMIT 51",
      [big.id],
    ],
  ];
  for (const [label, sql, params] of cases) {
    const plan = (await c.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)).rows.map((r) => r["QUERY PLAN"]);
    console.log(`-- ${label}\n${plan.join("\n")}\n`);
  }
  await c.end();
} finally {
  await cluster.stop();
}
