/**
 * What the counter (and the person, for a pre-loss) may do with a card (DOMAIN §8, seed 000):
 * pre-loss → cancel within its 10 days, or formal loss (final) → reissue ready 15 working days later →
 * the new card collected, the old one REPLACED. Each refusal says why in Chinese.
 */
import { type CardState, effectiveCardStatus } from "./card";
import { formatDateCst } from "./dates";
import { DomainError } from "./errors";
import { addWorkingDays } from "./working-days";

export const REISSUE_WORKING_DAYS = 15;

export interface CardLossState extends CardState {
  reissueReadyOn: Date | null;
}

const dateText = (d: Date | null) => (d ? formatDateCst(d) : "");

function refuseBecause(card: CardLossState, now: Date): never {
  switch (effectiveCardStatus(card, now)) {
    case "PRE_LOST":
      throw new DomainError(
        "CARD_PRE_LOST",
        `该卡已预挂失(有效至 ${dateText(card.preLossExpiresAt)}),无需重复办理`,
      );
    case "LOST":
      throw new DomainError("CARD_LOST", "该卡已正式挂失,正式挂失不可撤销,请办理补卡");
    case "REPLACED":
      throw new DomainError("CARD_REPLACED", "该卡已补换新卡,旧卡不能再办理挂失业务");
    case "ACTIVE":
      throw new DomainError("CARD_ACTIVE", "该卡状态正常,没有可撤销的预挂失");
  }
}

/** 预挂失: only an active card (a lapsed pre-loss is active again and can be pre-lost anew). */
export function assertCanPreLose(card: CardLossState, now: Date): void {
  if (effectiveCardStatus(card, now) !== "ACTIVE") refuseBecause(card, now);
}

/** 撤销预挂失: only while the pre-loss is still running (the card was found). */
export function assertCanCancelPreLoss(card: CardLossState, now: Date): void {
  if (card.status === "PRE_LOST" && effectiveCardStatus(card, now) === "ACTIVE") {
    throw new DomainError(
      "PRE_LOSS_LAPSED",
      `该卡的预挂失已于 ${dateText(card.preLossExpiresAt)} 自动失效,无需撤销`,
    );
  }
  if (effectiveCardStatus(card, now) !== "PRE_LOST") refuseBecause(card, now);
}

/** 正式挂失: from an active or pre-lost card; it cannot be undone. */
export function assertCanFormallyLose(card: CardLossState, now: Date): void {
  const status = effectiveCardStatus(card, now);
  if (status !== "ACTIVE" && status !== "PRE_LOST") refuseBecause(card, now);
}

/** The day the new card is ready: 15 working days after the formal loss (China dates). */
export function reissueReadyOn(lostAt: Date): string {
  return addWorkingDays(formatDateCst(lostAt), REISSUE_WORKING_DAYS);
}

/** 领取新卡: only for a formally lost card, and not before the new card is ready. */
export function assertCanCollect(card: CardLossState, now: Date): void {
  const status = effectiveCardStatus(card, now);
  if (status === "REPLACED") refuseBecause(card, now);
  if (status !== "LOST") throw new DomainError("CARD_NOT_LOST", "该卡未正式挂失,没有待领取的新卡");
  if (card.reissueReadyOn && formatDateCst(now) < card.reissueReadyOn.toISOString().slice(0, 10)) {
    throw new DomainError(
      "REISSUE_NOT_READY",
      `新卡预计 ${card.reissueReadyOn.toISOString().slice(0, 10)} 制作完成(正式挂失后${REISSUE_WORKING_DAYS}个工作日),届时方可领取`,
    );
  }
}
