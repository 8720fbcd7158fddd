/**
 * 正式挂失 at the counter (DOMAIN §8): cannot be undone, and starts the reissue — the new card is ready
 * 15 working days later (weekends skipped).
 */
import type { Db } from "@/lib/db/client";
import { assertCanFormallyLose, reissueReadyOn } from "@/lib/domain/card-loss";
import { type CardActor, lockCard, recordCardAudit } from "./card-actor";

export async function formallyReportLoss(
  database: Db,
  options: { actor: Extract<CardActor, { type: "STAFF" }>; cardId: number; now?: Date },
): Promise<{ reissueReadyOn: string }> {
  const now = options.now ?? new Date();
  return database.$transaction(async (tx) => {
    const card = await lockCard(tx, options.actor, options.cardId);
    assertCanFormallyLose(card, now);
    const readyOn = reissueReadyOn(now);
    await tx.card.update({
      where: { id: card.id },
      data: {
        status: "LOST",
        lostAt: now,
        preLossExpiresAt: null,
        reissueReadyOn: new Date(`${readyOn}T00:00:00Z`),
      },
    });
    await recordCardAudit(tx, options.actor, {
      action: "CARD_FORMAL_LOSS",
      card,
      details: { reissueReadyOn: readyOn },
    });
    return { reissueReadyOn: readyOn };
  });
}
