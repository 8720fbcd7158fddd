import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listUnitMonthEmployees } from "@/lib/services/list-unit-month-employees";
import { unitQueryOf } from "../../query";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/unit/months/{YYYY-MM}?q=&after=&before=&size= — the month's totals and a keyset page of its
 * employees (masked names). Pass `nextCursor` as `after` for the next page, `prevCursor` as `before`.
 */
export const GET = defineRoute<{ month: string }>({
  role: "clerk",
  run: async (principal, request, { params }) => {
    const { month } = await params;
    const query = unitQueryOf(request);
    return listUnitMonthEmployees(db(), {
      clerkId: principal.id,
      unitNumber: query.unit,
      month,
      q: query.q,
      after: query.after,
      before: query.before,
      pageSize: query.size,
    });
  },
});
