import { describe, expect, test } from "vitest";
import { afterAttempt, initialPassword, isLocked, minutesLeft } from "./lockout";

const now = new Date("2026-11-28T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe("afterAttempt", () => {
  test.each([
    { label: "success clears the count", state: { failedLogins: 3, lockedUntil: null }, ok: true, want: { failedLogins: 0, lockedUntil: null } },
    { label: "first failure counts 1", state: { failedLogins: 0, lockedUntil: null }, ok: false, want: { failedLogins: 1, lockedUntil: null } },
    { label: "fourth failure does not lock", state: { failedLogins: 3, lockedUntil: null }, ok: false, want: { failedLogins: 4, lockedUntil: null } },
    { label: "fifth failure locks for 15 minutes", state: { failedLogins: 4, lockedUntil: null }, ok: false, want: { failedLogins: 5, lockedUntil: minutes(15) } },
    { label: "a failure after an expired lock starts again at 1", state: { failedLogins: 5, lockedUntil: minutes(-1) }, ok: false, want: { failedLogins: 1, lockedUntil: null } },
  ])("$label", ({ state, ok, want }) => {
    expect(afterAttempt(state, now, ok)).toEqual(want);
  });
});

describe("isLocked / minutesLeft", () => {
  test.each([
    { label: "no lock", lockedUntil: null, locked: false, left: 0 },
    { label: "locked 15 more minutes", lockedUntil: minutes(15), locked: true, left: 15 },
    { label: "30 seconds left rounds up to 1 minute", lockedUntil: new Date(now.getTime() + 30_000), locked: true, left: 1 },
    { label: "lock ended exactly now", lockedUntil: now, locked: false, left: 0 },
  ])("$label", ({ lockedUntil, locked, left }) => {
    const state = { failedLogins: 5, lockedUntil };
    expect(isLocked(state, now)).toBe(locked);
    expect(minutesLeft(state, now)).toBe(left);
  });
});

test.each([
  { label: "last six digits of the personal number", personalNumber: "5000123456", want: "123456" },
])("initialPassword: $label", ({ personalNumber, want }) => {
  expect(initialPassword(personalNumber)).toBe(want);
});
