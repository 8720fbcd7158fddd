/**
 * The signed-in person's social-security card as it stands now (DOMAIN §8): a pre-loss that has run
 * its 10 days is shown as lapsed and the card as active again, without anyone having to touch the row.
 */
import type { Db } from "@/lib/db/client";
import { effectiveCardStatus, type CardStatusName } from "@/lib/domain/card";
import { CARD_STATUS_LABEL } from "@/lib/domain/labels";
import { maskCardNumber } from "@/lib/domain/masking";

export interface OwnCard {
  id: number;
  maskedNumber: string;
  status: CardStatusName;
  statusText: string;
  issuedAt: Date;
  /** While a pre-loss runs: when it was reported and when it lapses by itself. */
  preLoss: { reportedAt: Date | null; expiresAt: Date; msLeft: number } | null;
  /** A pre-loss that has run out on its own (shown once so the person knows why the card works again). */
  lapsedPreLossAt: Date | null;
  lostAt: Date | null;
  reissueReadyOn: Date | null;
}

export async function getOwnCard(
  database: Db,
  options: { personId: number; now?: Date },
): Promise<OwnCard | null> {
  const now = options.now ?? new Date();
  const card = await database.card.findFirst({
    where: { personId: options.personId, status: { not: "REPLACED" } },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      cardNumber: true,
      status: true,
      issuedAt: true,
      preLostAt: true,
      preLossExpiresAt: true,
      lostAt: true,
      reissueReadyOn: true,
    },
  });
  if (!card) return null;
  const status = effectiveCardStatus(card, now);
  const running = status === "PRE_LOST" && card.preLossExpiresAt !== null;
  return {
    id: card.id,
    maskedNumber: maskCardNumber(card.cardNumber),
    status,
    statusText: CARD_STATUS_LABEL[status],
    issuedAt: card.issuedAt,
    preLoss: running
      ? {
          reportedAt: card.preLostAt,
          expiresAt: card.preLossExpiresAt!,
          msLeft: card.preLossExpiresAt!.getTime() - now.getTime(),
        }
      : null,
    lapsedPreLossAt: card.status === "PRE_LOST" && status === "ACTIVE" ? card.preLossExpiresAt : null,
    lostAt: card.lostAt,
    reissueReadyOn: card.reissueReadyOn,
  };
}

/** The JSON shape of the person's card for GET /api/v1/me/card and the pre-loss calls. */
export function ownCardJson(card: OwnCard) {
  return {
    maskedNumber: card.maskedNumber,
    status: card.status,
    statusText: card.statusText,
    issuedOn: card.issuedAt.toISOString().slice(0, 10),
    preLoss: card.preLoss && {
      reportedAt: card.preLoss.reportedAt?.toISOString() ?? null,
      expiresAt: card.preLoss.expiresAt.toISOString(),
    },
    lapsedPreLossAt: card.lapsedPreLossAt?.toISOString() ?? null,
    lostAt: card.lostAt?.toISOString() ?? null,
    reissueReadyOn: card.reissueReadyOn?.toISOString().slice(0, 10) ?? null,
  };
}
