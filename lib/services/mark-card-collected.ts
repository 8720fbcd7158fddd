/**
 * The holder collects the reissued card (DOMAIN §8): a new card row with a new number becomes the active
 * card and the lost one is REPLACED, in one transaction.
 */
import { randomInt } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { assertCanCollect } from "@/lib/domain/card-loss";
import { formatDateCst } from "@/lib/domain/dates";
import { DomainError } from "@/lib/domain/errors";
import { maskCardNumber } from "@/lib/domain/masking";
import { Prisma } from "@/lib/generated/prisma/client";
import { type CardActor, lockCard, recordCardAudit } from "./card-actor";

const ATTEMPTS = 5;

/** Same letter as the old card, 8 fresh digits; a clash with an existing number is retried. */
function newCardNumber(oldNumber: string): string {
  return `${oldNumber.charAt(0)}${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

export async function markCardCollected(
  database: Db,
  options: { actor: Extract<CardActor, { type: "STAFF" }>; cardId: number; now?: Date },
): Promise<{ newCardId: number; newCardNumber: string }> {
  const now = options.now ?? new Date();
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.$transaction(async (tx) => {
        const card = await lockCard(tx, options.actor, options.cardId);
        assertCanCollect(card, now);
        const number = newCardNumber(card.cardNumber);
        const created = await tx.card.create({
          data: {
            cardNumber: number,
            personId: card.personId,
            status: "ACTIVE",
            issuedAt: new Date(`${formatDateCst(now)}T00:00:00Z`),
          },
          select: { id: true },
        });
        await tx.card.update({ where: { id: card.id }, data: { status: "REPLACED" } });
        await recordCardAudit(tx, options.actor, {
          action: "CARD_COLLECTED",
          card,
          details: { newCardId: created.id, newCardNumber: maskCardNumber(number) },
        });
        return { newCardId: created.id, newCardNumber: number };
      });
    } catch (error) {
      const clash = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!clash) throw error;
      if (attempt >= ATTEMPTS)
        throw new DomainError("CARD_NUMBER_EXHAUSTED", "暂时无法分配新卡号,请稍后再试");
    }
  }
}
