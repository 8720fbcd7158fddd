import { expect, test } from "vitest";
import { assertCardCanPay, effectiveCardStatus, preLossExpiry } from "./card";

const now = new Date("2026-11-28T04:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

test.each([
  { label: "an active card is active", card: { status: "ACTIVE" as const, preLossExpiresAt: null }, want: "ACTIVE" },
  { label: "pre-lost with days left stays pre-lost", card: { status: "PRE_LOST" as const, preLossExpiresAt: days(3) }, want: "PRE_LOST" },
  { label: "a pre-loss lapses by itself after 10 days", card: { status: "PRE_LOST" as const, preLossExpiresAt: days(-1) }, want: "ACTIVE" },
  { label: "a pre-loss ending exactly now has lapsed", card: { status: "PRE_LOST" as const, preLossExpiresAt: now }, want: "ACTIVE" },
  { label: "a formal loss never lapses", card: { status: "LOST" as const, preLossExpiresAt: days(-30) }, want: "LOST" },
])("effectiveCardStatus: $label", ({ card, want }) => {
  expect(effectiveCardStatus(card, now)).toBe(want);
});

test.each([
  { label: "active card pays", status: "ACTIVE" as const, expires: null, code: null },
  { label: "pre-lost card is refused", status: "PRE_LOST" as const, expires: days(5), code: "CARD_PRE_LOST" },
  { label: "lapsed pre-loss pays again", status: "PRE_LOST" as const, expires: days(-5), code: null },
  { label: "lost card is refused", status: "LOST" as const, expires: null, code: "CARD_LOST" },
  { label: "replaced card is refused", status: "REPLACED" as const, expires: null, code: "CARD_REPLACED" },
])("assertCardCanPay: $label", ({ status, expires, code }) => {
  const run = () => assertCardCanPay({ status, preLossExpiresAt: expires }, now);
  if (code === null) expect(run).not.toThrow();
  else expect(run).toThrow(expect.objectContaining({ code }));
});

test("a pre-loss reported now is valid for exactly 10 days", () => {
  expect(preLossExpiry(now).toISOString()).toBe("2026-12-08T04:00:00.000Z");
});
