import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { fenToNumber } from "@/lib/domain/money";
import { getStatementEntry } from "@/lib/services/get-statement-entry";
import { statementRowJson } from "@/lib/services/person-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/statement/{entryId} — one of the person's own entries; anyone else's is a 404 (audited). */
export const GET = defineRoute<{ entryId: string }>({
  role: "person",
  run: async (principal, _request, { params }) => {
    const { entryId } = await params;
    const d = await getStatementEntry(db(), { personId: principal.id, entryId });
    return {
      ...statementRowJson(d.row),
      postedAt: d.postedAt.toISOString(),
      credit: d.credit && {
        month: d.credit.month,
        baseFen: d.credit.baseFen === null ? null : fenToNumber(d.credit.baseFen),
        explanation: d.credit.explanation,
        lines: d.credit.lines.map((l) => ({
          kind: l.kind,
          kindText: l.kindText,
          amountFen: fenToNumber(l.amountFen),
        })),
        netFen: fenToNumber(d.credit.netFen),
      },
      settlementId: d.settlement?.id ?? null,
    };
  },
});
