import { defineRoute } from "@/lib/auth/guard";
import { clientIpOf, parseBody, pathId } from "@/lib/auth/office-api";
import { refuseSchema } from "@/lib/auth/office-schemas";
import { db } from "@/lib/db/client";
import { refuseLinkageRequest } from "@/lib/services/refuse-linkage-request";

export const dynamic = "force-dynamic";

/** POST /api/v1/office/linkage-requests/:id/refuse — body { reason }. */
export const POST = defineRoute<{ id: string }>({
  role: "staff",
  run: async (principal, request, { params }) => {
    const requestId = pathId((await params).id);
    const body = await parseBody(request, refuseSchema, { requestId });
    await refuseLinkageRequest(db(), {
      staffId: principal.id,
      requestId,
      reason: body.reason,
      ip: clientIpOf(request),
    });
    return { requestId, status: "REFUSED" };
  },
});
