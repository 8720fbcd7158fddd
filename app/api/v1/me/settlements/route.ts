import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { fenToNumber } from "@/lib/domain/money";
import { listSettlements } from "@/lib/services/list-settlements";
import { assertValidQuery, settlementRowJson } from "@/lib/services/person-api";
import { formatSettlementCursor, parseSettlementQuery } from "@/lib/services/statement-query";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/settlements?year=&after=&before= — one page (20) of the person's settlements, newest first. */
export const GET = defineRoute({
  role: "person",
  run: async (principal, request) => {
    const query = assertValidQuery(parseSettlementQuery(new URL(request.url).searchParams));
    const page = await listSettlements(db(), { personId: principal.id, ...query });
    const t = page.totals;
    return {
      rows: page.rows.map(settlementRowJson),
      olderCursor: page.olderCursor && formatSettlementCursor(page.olderCursor),
      newerCursor: page.newerCursor && formatSettlementCursor(page.newerCursor),
      years: page.years,
      totals: {
        year: t.year,
        count: t.count,
        totalFen: fenToNumber(t.totalFen),
        fundPaidFen: fenToNumber(t.fundPaidFen),
        ownAccountFen: fenToNumber(t.ownAccountFen),
        linkedAccountFen: fenToNumber(t.linkedAccountFen),
        cashFen: fenToNumber(t.cashFen),
      },
    };
  },
});
