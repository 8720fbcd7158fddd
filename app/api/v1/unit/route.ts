import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getUnitOverview } from "@/lib/services/get-unit-overview";
import { unitQueryOf } from "./query";

export const dynamic = "force-dynamic";

/** GET /api/v1/unit[?unit=] — the signed-in clerk's unit: employees, arrears now, the next consequence. Amounts in fen. */
export const GET = defineRoute({
  role: "clerk",
  run: async (principal, request) => {
    const query = unitQueryOf(request);
    return getUnitOverview(db(), { clerkId: principal.id, unitNumber: query.unit });
  },
});
