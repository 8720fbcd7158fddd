import { z } from "zod";
import { defineRoute } from "@/lib/auth/guard";
import { clientIpOf, parseBody } from "@/lib/auth/office-api";
import { counterRequestSchema, documentsOf } from "@/lib/auth/office-schemas";
import { db } from "@/lib/db/client";
import { createCounterLinkageRequest } from "@/lib/services/create-linkage-request";
import { parsePersonIdentifier } from "@/lib/services/find-person";
import { listLinkageRequests } from "@/lib/services/list-linkage-requests";
import { loadStaff } from "@/lib/services/office-audit";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  status: z.enum(["PENDING", "APPROVED", "REFUSED", "CANCELLED"]).optional().catch(undefined),
  q: z.string().max(40).optional().catch(undefined),
  scope: z.enum(["mine", "all"]).catch("mine"),
  after: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

/** GET /api/v1/office/linkage-requests — the queue (status, q, scope=mine|all, after = keyset cursor). */
export const GET = defineRoute({
  role: "staff",
  run: async (principal, request) => {
    const url = new URL(request.url);
    const params = querySchema.parse(
      Object.fromEntries([...url.searchParams].map(([k, v]) => [k, v || undefined])),
    );
    const staff = await loadStaff(db(), principal.id);
    const page = await listLinkageRequests(db(), {
      staffAgencyId: staff.agencyId,
      status: params.status,
      q: params.q,
      allAgencies: params.scope === "all",
      after: params.after,
    });
    return {
      counts: page.counts,
      nextAfter: page.olderCursor,
      requests: page.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    };
  },
});

/** POST /api/v1/office/linkage-requests — take a request at the counter ({ user, provider, documents… }). */
export const POST = defineRoute({
  role: "staff",
  run: async (principal, request) => {
    const body = await parseBody(request, counterRequestSchema);
    const { requestId } = await createCounterLinkageRequest(db(), {
      staffId: principal.id,
      user: parsePersonIdentifier(body.user, "user"),
      provider: parsePersonIdentifier(body.provider, "provider"),
      documents: documentsOf(body),
      ip: clientIpOf(request),
    });
    return { requestId, status: "PENDING" };
  },
});
