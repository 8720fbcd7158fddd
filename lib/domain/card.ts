/**
 * Card lifecycle (DOMAIN §8, seed 000): a pre-loss report lasts 10 days and then lapses by itself;
 * a formal loss cannot be undone. While pre-lost or lost the card cannot pay; the electronic voucher can.
 */
import { DomainError } from "./errors";

export type CardStatusName = "ACTIVE" | "PRE_LOST" | "LOST" | "REPLACED";

export const PRE_LOSS_DAYS = 10;

export interface CardState {
  status: CardStatusName;
  preLossExpiresAt: Date | null;
}

/** The status as it stands at `now`: an expired pre-loss is simply an active card again. */
export function effectiveCardStatus(card: CardState, now: Date): CardStatusName {
  if (card.status === "PRE_LOST" && card.preLossExpiresAt !== null && card.preLossExpiresAt.getTime() <= now.getTime()) {
    return "ACTIVE";
  }
  return card.status;
}

export function preLossExpiry(reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + PRE_LOSS_DAYS * 24 * 3600_000);
}

export function assertCardCanPay(card: CardState, now: Date): void {
  switch (effectiveCardStatus(card, now)) {
    case "ACTIVE":
      return;
    case "PRE_LOST":
      throw new DomainError("CARD_PRE_LOST", "该社保卡已预挂失,不能刷卡结算;可使用医保电子凭证");
    case "LOST":
      throw new DomainError("CARD_LOST", "该社保卡已正式挂失,不能刷卡结算;可使用医保电子凭证");
    case "REPLACED":
      throw new DomainError("CARD_REPLACED", "该社保卡已补换新卡,旧卡不能结算");
  }
}
