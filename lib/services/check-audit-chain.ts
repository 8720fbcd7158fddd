/**
 * Recomputes the audit hash chain (the trigger in the audit_hash_chain migration builds it):
 * every row's prev_hash must be the previous row's hash, and its hash must match its content.
 * A row changed or deleted behind the application's back breaks the chain from there on.
 */
import type { Db } from "@/lib/db/client";

export interface AuditChainReport {
  rows: number;
  broken: { id: bigint; problem: "CONTENT" | "LINK" }[];
  ok: boolean;
}

export async function checkAuditChain(database: Db): Promise<AuditChainReport> {
  const broken = await database.$queryRaw<{ id: bigint; content_ok: boolean; link_ok: boolean }[]>`
    SELECT id, content_ok, link_ok FROM (
      SELECT a.id,
             a.hash = sha256(coalesce(a.prev_hash, ''::bytea) || convert_to(audit_row_text(a), 'UTF8')) AS content_ok,
             a.prev_hash IS NOT DISTINCT FROM lag(a.hash) OVER w AS link_ok
      FROM audit_logs a
      WINDOW w AS (ORDER BY a.id)
    ) t
    WHERE NOT content_ok OR NOT link_ok
    ORDER BY id
    LIMIT 100`;
  const [count] = await database.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_logs`;
  return {
    rows: Number(count?.n ?? 0),
    broken: broken.map((b) => ({ id: BigInt(b.id), problem: b.content_ok ? "LINK" : "CONTENT" })),
    ok: broken.length === 0,
  };
}
