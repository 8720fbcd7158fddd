import { ipOfRequest } from "@/lib/auth/client-ip";
import { defineRoute } from "@/lib/auth/guard";
import { readJsonBody } from "@/lib/auth/json-body";
import { db } from "@/lib/db/client";
import { applyForLinkage, linkageApplicationBody } from "@/lib/services/apply-for-linkage";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/me/linkage/requests {provider, providerName} — the signed-in person applies online as the
 * user. A refusal (400, code LINKAGE_REFUSED) names every failing rule; the request then waits for staff.
 */
export const POST = defineRoute({
  role: "person",
  run: async (principal, request) => {
    const body = await readJsonBody(request, linkageApplicationBody);
    const created = await applyForLinkage(db(), { userPersonId: principal.id, ...body, ip: ipOfRequest(request) });
    return { ...created, status: "PENDING" };
  },
});
