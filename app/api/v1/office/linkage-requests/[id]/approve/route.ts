import { defineRoute } from "@/lib/auth/guard";
import { clientIpOf, parseBody, pathId } from "@/lib/auth/office-api";
import { approveSchema, documentsOf } from "@/lib/auth/office-schemas";
import { db } from "@/lib/db/client";
import { LINKAGE_DOCUMENTS } from "@/lib/domain/linkage";
import { approveLinkageRequest } from "@/lib/services/approve-linkage-request";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/office/linkage-requests/:id/approve — body { providerIdCard, …, applicationForm } (booleans)
 * to record the papers checked now; an empty body keeps the checklist stored with the request.
 */
export const POST = defineRoute<{ id: string }>({
  role: "staff",
  run: async (principal, request, { params }) => {
    const requestId = pathId((await params).id);
    const body = await parseBody(request, approveSchema, { requestId });
    const given = LINKAGE_DOCUMENTS.some((d) => body[d.key]);
    const { linkageId } = await approveLinkageRequest(db(), {
      staffId: principal.id,
      requestId,
      ...(given ? { documents: documentsOf(body) } : {}),
      ip: clientIpOf(request),
    });
    return { requestId, status: "APPROVED", linkageId };
  },
});
