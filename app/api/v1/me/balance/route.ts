import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { fenToNumber } from "@/lib/domain/money";
import { getAccountBalance } from "@/lib/services/get-account-balance";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/balance — the signed-in person's personal-account balance in fen. */
export const GET = defineRoute({
  role: "person",
  // One primary-key read: cheaper than the per-principal counter would be (see defineRoute).
  throttle: false,
  run: async (principal) => {
    const balance = await getAccountBalance(db(), { personId: principal.id });
    return {
      hasAccount: balance !== null,
      balanceFen: balance ? fenToNumber(balance.balanceFen) : null,
      asOf: (balance?.readAt ?? new Date()).toISOString(),
    };
  },
});
