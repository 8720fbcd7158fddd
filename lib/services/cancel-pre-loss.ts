/** 撤销预挂失 (DOMAIN §8): the card was found within the 10 days. */
import type { Db } from "@/lib/db/client";
import { assertCanCancelPreLoss } from "@/lib/domain/card-loss";
import { auditForeignCard, type CardActor, lockCard, recordCardAudit } from "./card-actor";

export async function cancelPreLoss(
  database: Db,
  options: { actor: CardActor; cardId: number; now?: Date },
): Promise<void> {
  const now = options.now ?? new Date();
  try {
    await database.$transaction(async (tx) => {
      const card = await lockCard(tx, options.actor, options.cardId);
      assertCanCancelPreLoss(card, now);
      await tx.card.update({ where: { id: card.id }, data: { status: "ACTIVE", preLossExpiresAt: null } });
      await recordCardAudit(tx, options.actor, { action: "CARD_PRE_LOSS_CANCEL", card });
    });
  } catch (error) {
    await auditForeignCard(database, options.actor, options.cardId, error, "CARD_PRE_LOSS_CANCEL");
    throw error;
  }
}
