import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { getOwnCard, ownCardJson } from "@/lib/services/get-own-card";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/card — the signed-in person's card and any running pre-loss (status as of now). */
export const GET = defineRoute({
  role: "person",
  run: async (principal) => {
    const card = await getOwnCard(db(), { personId: principal.id });
    if (!card) throw new DomainError("NOT_FOUND", "没有查到您名下的社会保障卡");
    return { card: ownCardJson(card) };
  },
});
