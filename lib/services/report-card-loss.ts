/** 预挂失 (DOMAIN §8): online, by phone or at the counter; valid 10 days, then it lapses by itself. */
import type { Db } from "@/lib/db/client";
import { preLossExpiry } from "@/lib/domain/card";
import { assertCanPreLose } from "@/lib/domain/card-loss";
import { auditForeignCard, type CardActor, lockCard, recordCardAudit } from "./card-actor";

export async function reportCardLoss(
  database: Db,
  options: { actor: CardActor; cardId: number; now?: Date },
): Promise<{ preLossExpiresAt: Date }> {
  const now = options.now ?? new Date();
  try {
    return await database.$transaction(async (tx) => {
      const card = await lockCard(tx, options.actor, options.cardId);
      assertCanPreLose(card, now);
      const preLossExpiresAt = preLossExpiry(now);
      await tx.card.update({
        where: { id: card.id },
        data: { status: "PRE_LOST", preLostAt: now, preLossExpiresAt },
      });
      await recordCardAudit(tx, options.actor, {
        action: "CARD_PRE_LOSS",
        card,
        details: { expiresAt: preLossExpiresAt.toISOString() },
      });
      return { preLossExpiresAt };
    });
  } catch (error) {
    await auditForeignCard(database, options.actor, options.cardId, error, "CARD_PRE_LOSS");
    throw error;
  }
}
