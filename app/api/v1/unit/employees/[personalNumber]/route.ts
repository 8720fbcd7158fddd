import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getUnitEmployee } from "@/lib/services/get-unit-employee";
import { unitQueryOf } from "../../query";

export const dynamic = "force-dynamic";

/** GET /api/v1/unit/employees/{personalNumber} — one employee of the unit: benefit status and months at the unit. */
export const GET = defineRoute<{ personalNumber: string }>({
  role: "clerk",
  run: async (principal, request, { params }) => {
    const { personalNumber } = await params;
    const query = unitQueryOf(request);
    return getUnitEmployee(db(), { clerkId: principal.id, unitNumber: query.unit, personalNumber });
  },
});
