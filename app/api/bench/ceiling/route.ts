/**
 * GET /api/bench/ceiling?id=N — the benchmark's ceiling (issue 8, `npm run bench`): a bare route handler
 * in the same app doing one primary-key query on a plain pg pool, with no session, no role check and no
 * ORM. It exists only when the server was started with PORTAL_BENCH=1; otherwise it answers 404 like
 * any unknown path, so production never exposes an unauthenticated balance read.
 */
import pg from "pg";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const globalForBench = globalThis as unknown as { benchPool?: pg.Pool };

function pool(): pg.Pool {
  // The same pool size as the app's Prisma adapter (lib/db/client.ts), so the two compare like for like.
  globalForBench.benchPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });
  return globalForBench.benchPool;
}

const notFound = () => new Response(null, { status: 404 });

export async function GET(request: Request): Promise<Response> {
  if (process.env.PORTAL_BENCH !== "1") return notFound();
  const id = Number(new URL(request.url).searchParams.get("id"));
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return notFound();
  const { rows } = await pool().query<{ balance_fen: string }>("SELECT balance_fen FROM accounts WHERE id = $1", [id]);
  if (rows.length === 0) return notFound();
  return Response.json({ balanceFen: Number(rows[0]!.balance_fen) }, { headers: { "Cache-Control": "no-store" } });
}
