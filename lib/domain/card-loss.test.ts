import { expect, test } from "vitest";
import {
  assertCanCancelPreLoss,
  assertCanCollect,
  assertCanFormallyLose,
  assertCanPreLose,
  type CardLossState,
  reissueReadyOn,
} from "./card-loss";

// Saturday 2026-11-28, 12:00 in Chongqing.
const now = new Date("2026-11-28T04:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const card = (over: Partial<CardLossState>): CardLossState => ({
  status: "ACTIVE",
  preLossExpiresAt: null,
  reissueReadyOn: null,
  ...over,
});
const active = card({});
const preLost = card({ status: "PRE_LOST", preLossExpiresAt: days(4) });
const lapsed = card({ status: "PRE_LOST", preLossExpiresAt: days(-1) });
const lost = card({ status: "LOST", reissueReadyOn: new Date("2026-12-18T00:00:00Z") });
const lostReady = card({ status: "LOST", reissueReadyOn: new Date("2026-11-28T00:00:00Z") });
const replaced = card({ status: "REPLACED" });

type Row = { label: string; card: CardLossState; code: string | null };
const check = (run: () => void, code: string | null) => {
  if (code === null) expect(run).not.toThrow();
  else expect(run).toThrow(expect.objectContaining({ code }));
};

test.each<Row>([
  { label: "an active card can be pre-lost", card: active, code: null },
  { label: "a lapsed pre-loss can be reported again", card: lapsed, code: null },
  { label: "a running pre-loss is not reported twice", card: preLost, code: "CARD_PRE_LOST" },
  { label: "a lost card is past pre-loss", card: lost, code: "CARD_LOST" },
  { label: "a replaced card is refused", card: replaced, code: "CARD_REPLACED" },
])("pre-loss: $label", ({ card, code }) => check(() => assertCanPreLose(card, now), code));

test.each<Row>([
  { label: "a running pre-loss can be cancelled (card found)", card: preLost, code: null },
  { label: "a lapsed pre-loss needs no cancelling", card: lapsed, code: "PRE_LOSS_LAPSED" },
  { label: "an active card has nothing to cancel", card: active, code: "CARD_ACTIVE" },
  { label: "a formal loss cannot be undone", card: lost, code: "CARD_LOST" },
  { label: "a replaced card is refused", card: replaced, code: "CARD_REPLACED" },
])("cancel pre-loss: $label", ({ card, code }) => check(() => assertCanCancelPreLoss(card, now), code));

test.each<Row>([
  { label: "a pre-lost card can be formally lost", card: preLost, code: null },
  { label: "an active card can be formally lost at the counter", card: active, code: null },
  { label: "a lapsed pre-loss is an active card again", card: lapsed, code: null },
  { label: "a formal loss is not repeated", card: lost, code: "CARD_LOST" },
  { label: "a replaced card is refused", card: replaced, code: "CARD_REPLACED" },
])("formal loss: $label", ({ card, code }) => check(() => assertCanFormallyLose(card, now), code));

test.each<Row>([
  { label: "the new card is collected on its ready day", card: lostReady, code: null },
  { label: "not before it is ready", card: lost, code: "REISSUE_NOT_READY" },
  { label: "an active card has no new card waiting", card: active, code: "CARD_NOT_LOST" },
  { label: "a pre-lost card has no new card waiting", card: preLost, code: "CARD_NOT_LOST" },
  { label: "collected once only", card: replaced, code: "CARD_REPLACED" },
])("collect: $label", ({ card, code }) => check(() => assertCanCollect(card, now), code));

test.each([
  { label: "reported Saturday noon → Friday three weeks on", lostAt: now, want: "2026-12-18" },
  {
    label: "reported Friday 23:30 in Chongqing (15:30 UTC) counts as Friday",
    lostAt: new Date("2026-11-27T15:30:00Z"),
    want: "2026-12-18",
  },
  {
    label: "reported Monday 00:30 in Chongqing (Sunday UTC) counts as Monday",
    lostAt: new Date("2026-11-29T16:30:00Z"),
    want: "2026-12-21",
  },
])("reissue ready: $label", ({ lostAt, want }) => {
  expect(reissueReadyOn(lostAt)).toBe(want);
});

test("the not-ready refusal says when", () => {
  expect(() => assertCanCollect(lost, now)).toThrow("2026-12-18");
});
