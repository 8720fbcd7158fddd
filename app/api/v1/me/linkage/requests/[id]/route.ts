import { ipOfRequest } from "@/lib/auth/client-ip";
import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { withdrawLinkageRequest } from "@/lib/services/withdraw-linkage-request";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/me/linkage/requests/:id — withdraw one's own pending online application (else 404). */
export const DELETE = defineRoute<{ id: string }>({
  role: "person",
  run: async (principal, request, { params }) => {
    const { id } = await params;
    const requestId = /^\d{1,9}$/.test(id) ? Number(id) : Number.NaN;
    await withdrawLinkageRequest(db(), { personId: principal.id, requestId, ip: ipOfRequest(request) });
    return { id: requestId, status: "CANCELLED" };
  },
});
