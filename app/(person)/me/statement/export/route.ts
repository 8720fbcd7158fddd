import { defineFileRoute } from "@/lib/auth/file-route";
import { db } from "@/lib/db/client";
import { attachmentDisposition } from "@/lib/domain/csv";
import { DomainError } from "@/lib/domain/errors";
import { exportStatementCsv } from "@/lib/services/export-statement-csv";
import { parseStatementQuery } from "@/lib/services/statement-query";

export const dynamic = "force-dynamic";

/** GET /me/statement/export?year=&kind=&from=&to= — the signed-in person's statement as CSV (UTF-8 with BOM). */
export const GET = defineFileRoute({
  role: "person",
  run: async (principal, request) => {
    const { query, errors } = parseStatementQuery(new URL(request.url).searchParams);
    const [field, message] = Object.entries(errors)[0] ?? [];
    if (field && message) throw new DomainError("INVALID_QUERY", message, { field });
    const csv = await exportStatementCsv(db(), {
      personId: principal.id,
      year: query.year,
      kind: query.kind,
      from: query.from,
      to: query.to,
    });
    return {
      body: csv.body,
      contentType: "text/csv; charset=utf-8",
      contentDisposition: attachmentDisposition(csv.fileName, csv.asciiFileName),
    };
  },
});
