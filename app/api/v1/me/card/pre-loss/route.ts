import { ipOfRequest } from "@/lib/auth/client-ip";
import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { cancelPreLoss } from "@/lib/services/cancel-pre-loss";
import { getOwnCard, ownCardJson } from "@/lib/services/get-own-card";
import { reportCardLoss } from "@/lib/services/report-card-loss";

export const dynamic = "force-dynamic";

/** The card is always the signed-in person's current one: no id is taken from the request. */
async function ownCardId(personId: number): Promise<number> {
  const card = await getOwnCard(db(), { personId });
  if (!card) throw new DomainError("NOT_FOUND", "没有查到您名下的社会保障卡");
  return card.id;
}

/** POST /api/v1/me/card/pre-loss — report the card lost online (预挂失, valid 10 days). */
export const POST = defineRoute({
  role: "person",
  run: async (principal, request) => {
    const cardId = await ownCardId(principal.id);
    await reportCardLoss(db(), {
      actor: { type: "PERSON", personId: principal.id, ip: ipOfRequest(request) },
      cardId,
    });
    return { card: ownCardJson((await getOwnCard(db(), { personId: principal.id }))!) };
  },
});

/** DELETE /api/v1/me/card/pre-loss — cancel a running pre-loss (the card was found). */
export const DELETE = defineRoute({
  role: "person",
  run: async (principal, request) => {
    const cardId = await ownCardId(principal.id);
    await cancelPreLoss(db(), {
      actor: { type: "PERSON", personId: principal.id, ip: ipOfRequest(request) },
      cardId,
    });
    return { card: ownCardJson((await getOwnCard(db(), { personId: principal.id }))!) };
  },
});
