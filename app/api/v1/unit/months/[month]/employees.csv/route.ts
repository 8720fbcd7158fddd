import { defineFileRoute } from "@/lib/auth/file-route";
import { db } from "@/lib/db/client";
import { exportUnitMonthCsv } from "@/lib/services/export-unit-month-csv";
import { unitQueryOf } from "../../../query";

export const dynamic = "force-dynamic";

/** GET /api/v1/unit/months/{YYYY-MM}/employees.csv[?q=] — the month's employees as CSV (UTF-8 with BOM). */
export const GET = defineFileRoute({
  role: "clerk",
  run: async (principal, request) => {
    const month = new URL(request.url).pathname.split("/").at(-2) ?? "";
    const query = unitQueryOf(request);
    const csv = await exportUnitMonthCsv(db(), {
      clerkId: principal.id,
      unitNumber: query.unit,
      month,
      q: query.q,
    });
    let body = "";
    for await (const chunk of csv.chunks) body += chunk;
    return { body, contentType: "text/csv; charset=utf-8", contentDisposition: csv.contentDisposition };
  },
});
