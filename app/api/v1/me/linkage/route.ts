import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getOwnLinkage } from "@/lib/services/get-own-linkage";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/me/linkage — the signed-in person's active linkage (other party masked), the payments made
 * under it from the provider's account (amounts in fen), and their applications in either role.
 */
export const GET = defineRoute({
  role: "person",
  run: async (principal) => {
    const l = await getOwnLinkage(db(), { personId: principal.id });
    return {
      linkage: l.active && {
        role: l.active.role,
        other: l.active.other,
        approvedAt: l.active.approvedAt.toISOString(),
        agencyName: l.active.agencyName,
      },
      payments: l.payments.map((p) => ({
        serviceDate: p.serviceDate,
        institutionName: p.institutionName,
        kind: p.kindText,
        amountFen: p.amountFen,
      })),
      paymentsTotal: l.paymentsTotal,
      requests: l.requests.map((r) => ({
        id: r.id,
        role: r.role,
        other: r.other,
        status: r.status,
        statusText: r.statusText,
        source: r.source,
        agencyName: r.agencyName,
        createdAt: r.createdAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        decisionReason: r.decisionReason,
        canWithdraw: r.canWithdraw,
      })),
    };
  },
});
