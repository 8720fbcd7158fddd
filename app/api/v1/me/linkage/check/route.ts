import { ipOfRequest } from "@/lib/auth/client-ip";
import { defineRoute } from "@/lib/auth/guard";
import { readJsonBody } from "@/lib/auth/json-body";
import { db } from "@/lib/db/client";
import { linkageApplicationBody, preCheckLinkageApplication } from "@/lib/services/apply-for-linkage";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/me/linkage/check {provider, providerName} — the rule pre-check: which rules would refuse
 * this application now. Creates nothing.
 */
export const POST = defineRoute({
  role: "person",
  run: async (principal, request) => {
    const body = await readJsonBody(request, linkageApplicationBody);
    return preCheckLinkageApplication(db(), { userPersonId: principal.id, ...body, ip: ipOfRequest(request) });
  },
});
