import { defineRoute } from "@/lib/auth/guard";
import { clientIpOf, pathId } from "@/lib/auth/office-api";
import { db } from "@/lib/db/client";
import { getLinkageRequest } from "@/lib/services/get-linkage-request";

export const dynamic = "force-dynamic";

/** GET /api/v1/office/linkage-requests/:id — one request with its rule pre-check (audited view). */
export const GET = defineRoute<{ id: string }>({
  role: "staff",
  run: async (principal, request, { params }) => {
    const r = await getLinkageRequest(db(), {
      staffId: principal.id,
      requestId: pathId((await params).id),
      ip: clientIpOf(request),
    });
    return {
      ...r,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      linkage: r.linkage && {
        id: r.linkage.id,
        status: r.linkage.status,
        approvedAt: r.linkage.approvedAt.toISOString(),
        cancelledAt: r.linkage.cancelledAt?.toISOString() ?? null,
        cancelReason: r.linkage.cancelReason,
        agencyName: r.linkage.agency.name,
      },
    };
  },
});
