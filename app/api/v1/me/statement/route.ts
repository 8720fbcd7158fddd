import { defineRoute } from "@/lib/auth/guard";
import { readDb } from "@/lib/db/client";
import { listStatement } from "@/lib/services/list-statement";
import { assertValidQuery, statementRowJson } from "@/lib/services/person-api";
import { parseStatementQuery } from "@/lib/services/statement-query";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/me/statement?year=&kind=&from=&to=&after=&before= — one page (50) of the signed-in
 * person's statement, newest first. Pass `olderCursor` as `after` for the next page.
 */
export const GET = defineRoute({
  role: "person",
  run: async (principal, request) => {
    const query = assertValidQuery(parseStatementQuery(new URL(request.url).searchParams));
    const page = await listStatement(readDb(), { personId: principal.id, ...query });
    return {
      hasAccount: page.hasAccount,
      rows: page.rows.map(statementRowJson),
      olderCursor: page.olderCursor?.toString() ?? null,
      newerCursor: page.newerCursor?.toString() ?? null,
      years: page.years,
    };
  },
});
