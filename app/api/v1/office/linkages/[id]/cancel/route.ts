import { defineRoute } from "@/lib/auth/guard";
import { clientIpOf, parseBody, pathId } from "@/lib/auth/office-api";
import { cancelLinkageSchema } from "@/lib/auth/office-schemas";
import { db } from "@/lib/db/client";
import { cancelLinkage } from "@/lib/services/cancel-linkage";

export const dynamic = "force-dynamic";

/** POST /api/v1/office/linkages/:id/cancel — body { reason }; only staff of the handling agency. */
export const POST = defineRoute<{ id: string }>({
  role: "staff",
  run: async (principal, request, { params }) => {
    const linkageId = pathId((await params).id);
    const body = await parseBody(request, cancelLinkageSchema, { linkageId });
    await cancelLinkage(db(), {
      staffId: principal.id,
      linkageId,
      reason: body.reason,
      ip: clientIpOf(request),
    });
    return { linkageId, status: "CANCELLED" };
  },
});
