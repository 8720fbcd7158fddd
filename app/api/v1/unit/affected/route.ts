import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listAffectedEmployees } from "@/lib/services/list-affected-employees";
import { unitQueryOf } from "../query";

export const dynamic = "force-dynamic";

/** GET /api/v1/unit/affected?after=&before=&size= — employees affected by arrears, with benefit status and deadlines. */
export const GET = defineRoute({
  role: "clerk",
  run: async (principal, request) => {
    const query = unitQueryOf(request);
    return listAffectedEmployees(db(), {
      clerkId: principal.id,
      unitNumber: query.unit,
      after: query.after,
      before: query.before,
      pageSize: query.size,
    });
  },
});
