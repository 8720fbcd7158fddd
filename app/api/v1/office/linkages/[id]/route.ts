import { defineRoute } from "@/lib/auth/guard";
import { clientIpOf, pathId } from "@/lib/auth/office-api";
import { db } from "@/lib/db/client";
import { getLinkage } from "@/lib/services/get-linkage";

export const dynamic = "force-dynamic";

/** GET /api/v1/office/linkages/:id — one linkage and whether this staff member's agency may cancel it. */
export const GET = defineRoute<{ id: string }>({
  role: "staff",
  run: async (principal, request, { params }) => {
    const l = await getLinkage(db(), {
      staffId: principal.id,
      linkageId: pathId((await params).id),
      ip: clientIpOf(request),
    });
    return {
      ...l,
      approvedAt: l.approvedAt.toISOString(),
      cancelledAt: l.cancelledAt?.toISOString() ?? null,
    };
  },
});
