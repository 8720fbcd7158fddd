/** Who is acting on a card: the holder online (pre-loss and its cancellation) or staff at the counter. */
import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { CardLossState } from "@/lib/domain/card-loss";
import { maskCardNumber } from "@/lib/domain/masking";
import type { CardStatus } from "@/lib/generated/prisma/enums";

export type CardActor =
  | { type: "STAFF"; staffId: number; ip?: string | null }
  | { type: "PERSON"; personId: number; ip?: string | null };

export interface LockedCard extends CardLossState {
  id: number;
  personId: number;
  cardNumber: string;
  status: CardStatus;
}

/** Locks the card row; a person may only touch their own card (anything else is "not found", and audited). */
export async function lockCard(tx: Tx, actor: CardActor, cardId: number): Promise<LockedCard> {
  const [row] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM cards WHERE id = ${cardId} FOR UPDATE`;
  const card = row
    ? await tx.card.findUnique({
        where: { id: cardId },
        select: {
          id: true,
          personId: true,
          cardNumber: true,
          status: true,
          preLossExpiresAt: true,
          reissueReadyOn: true,
        },
      })
    : null;
  if (!card || (actor.type === "PERSON" && card.personId !== actor.personId)) {
    throw new DomainError("NOT_FOUND", "未找到该社保卡");
  }
  return card;
}

export async function recordCardAudit(
  database: Db | Tx,
  actor: CardActor,
  entry: {
    action: string;
    card: { id: number; personId: number; cardNumber: string };
    reason?: string | null;
    details?: Record<string, string | number>;
  },
): Promise<void> {
  await database.auditLog.create({
    data: {
      actorType: actor.type,
      actorId: String(actor.type === "STAFF" ? actor.staffId : actor.personId),
      action: entry.action,
      subjectPersonId: entry.card.personId,
      reason: entry.reason ?? null,
      details: { cardId: entry.card.id, cardNumber: maskCardNumber(entry.card.cardNumber), ...entry.details },
      ip: actor.ip ?? null,
    },
  });
}

/** A forged card id from a person is refused as not found and leaves an audit row. */
export async function auditForeignCard(
  database: Db,
  actor: CardActor,
  cardId: number,
  error: unknown,
  attempted: string,
): Promise<void> {
  if (actor.type !== "PERSON") return;
  if (!(error instanceof DomainError) || error.code !== "NOT_FOUND") return;
  await database.auditLog.create({
    data: {
      actorType: "PERSON",
      actorId: String(actor.personId),
      action: "ACTION_DENIED",
      subjectPersonId: actor.personId,
      details: { cardId, attempted, code: "NOT_FOUND" },
      ip: actor.ip ?? null,
    },
  });
}
