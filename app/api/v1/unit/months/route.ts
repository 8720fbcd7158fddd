import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listUnitMonths } from "@/lib/services/list-unit-months";
import { unitQueryOf } from "../query";

export const dynamic = "force-dynamic";

/** GET /api/v1/unit/months — every declared month (due by part, paid, arrears, running arrears) and every payment with the months it settled. */
export const GET = defineRoute({
  role: "clerk",
  run: async (principal, request) => {
    const query = unitQueryOf(request);
    return listUnitMonths(db(), { clerkId: principal.id, unitNumber: query.unit });
  },
});
