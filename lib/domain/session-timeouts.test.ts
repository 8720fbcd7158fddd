import { describe, expect, test } from "vitest";
import { LONGEST_SESSION_SECONDS, lastSeenIsStale, SESSION_LIMITS, sessionExpired } from "./session-timeouts";

const now = Date.parse("2026-11-28T10:00:00+08:00");
const minutesAgo = (n: number) => now - n * 60_000;
const hoursAgo = (n: number) => now - n * 3_600_000;

describe("sessionExpired", () => {
  test.each([
    { label: "person just signed in", role: "person", signedInAt: now, lastSeenAt: now, want: null },
    { label: "person idle 29 minutes", role: "person", signedInAt: hoursAgo(1), lastSeenAt: minutesAgo(29), want: null },
    { label: "person idle exactly 30 minutes still counts", role: "person", signedInAt: hoursAgo(1), lastSeenAt: minutesAgo(30), want: null },
    { label: "person idle 30 minutes and 1 second", role: "person", signedInAt: hoursAgo(1), lastSeenAt: minutesAgo(30) - 1000, want: "idle" },
    { label: "clerk idle 31 minutes", role: "clerk", signedInAt: hoursAgo(2), lastSeenAt: minutesAgo(31), want: "idle" },
    { label: "clerk idle 20 minutes", role: "clerk", signedInAt: hoursAgo(2), lastSeenAt: minutesAgo(20), want: null },
    { label: "staff idle 14 minutes", role: "staff", signedInAt: hoursAgo(1), lastSeenAt: minutesAgo(14), want: null },
    { label: "staff idle 16 minutes (a person would still be in)", role: "staff", signedInAt: hoursAgo(1), lastSeenAt: minutesAgo(16), want: "idle" },
    { label: "person busy for 11 hours 59 minutes", role: "person", signedInAt: hoursAgo(12) + 60_000, lastSeenAt: now, want: null },
    { label: "person busy for exactly 12 hours", role: "person", signedInAt: hoursAgo(12), lastSeenAt: now, want: null },
    { label: "person busy for 12 hours and 1 second", role: "person", signedInAt: hoursAgo(12) - 1000, lastSeenAt: now, want: "absolute" },
    { label: "clerk busy for 13 hours", role: "clerk", signedInAt: hoursAgo(13), lastSeenAt: minutesAgo(1), want: "absolute" },
    { label: "staff busy for 7 hours 59 minutes", role: "staff", signedInAt: hoursAgo(8) + 60_000, lastSeenAt: minutesAgo(1), want: null },
    { label: "staff busy for 8 hours and 1 minute", role: "staff", signedInAt: hoursAgo(8) - 60_000, lastSeenAt: minutesAgo(1), want: "absolute" },
    { label: "both exceeded: absolute is named", role: "person", signedInAt: hoursAgo(20), lastSeenAt: hoursAgo(19), want: "absolute" },
    { label: "token without times (issued before they existed)", role: "person", signedInAt: undefined, lastSeenAt: undefined, want: "malformed" },
    { label: "sign-in time missing", role: "person", signedInAt: undefined, lastSeenAt: now, want: "malformed" },
    { label: "times as strings", role: "person", signedInAt: String(now), lastSeenAt: String(now), want: "malformed" },
    { label: "fractional time", role: "person", signedInAt: now - 0.5, lastSeenAt: now, want: "malformed" },
    { label: "last seen before signing in", role: "person", signedInAt: minutesAgo(5), lastSeenAt: minutesAgo(10), want: "malformed" },
    { label: "signed in an hour in the future", role: "person", signedInAt: now + 3_600_000, lastSeenAt: now + 3_600_000, want: "malformed" },
    { label: "30 seconds of clock skew is tolerated", role: "person", signedInAt: now + 30_000, lastSeenAt: now + 30_000, want: null },
    { label: "unknown role", role: "admin", signedInAt: now, lastSeenAt: now, want: "malformed" },
    { label: "no role", role: undefined, signedInAt: now, lastSeenAt: now, want: "malformed" },
  ])("$label → $want", ({ role, signedInAt, lastSeenAt, want }) => {
    expect(sessionExpired(now, signedInAt, lastSeenAt, role)).toBe(want);
  });
});

test.each([
  { label: "person", role: "person", idle: 30, absolute: 12 },
  { label: "clerk", role: "clerk", idle: 30, absolute: 12 },
  { label: "staff", role: "staff", idle: 15, absolute: 8 },
] as const)("limits for $label: idle $idle min, absolute $absolute h", ({ role, idle, absolute }) => {
  expect(SESSION_LIMITS[role]).toEqual({ idleMinutes: idle, absoluteHours: absolute });
});

test("the cookie lives as long as the longest absolute limit", () => {
  expect(LONGEST_SESSION_SECONDS).toBe(12 * 3600);
});

test.each([
  { label: "seen just now: no rewrite", lastSeenAt: now, stale: false },
  { label: "seen 59 seconds ago: no rewrite", lastSeenAt: now - 59_000, stale: false },
  { label: "seen exactly a minute ago: rewrite", lastSeenAt: minutesAgo(1), stale: true },
  { label: "seen 20 minutes ago: rewrite", lastSeenAt: minutesAgo(20), stale: true },
  { label: "seen 30 seconds in the future (clock skew): no rewrite", lastSeenAt: now + 30_000, stale: false },
  { label: "seen an hour in the future: rewrite (Auth.js then ends it)", lastSeenAt: now + 3_600_000, stale: true },
  { label: "no time in the token: rewrite (Auth.js then ends it)", lastSeenAt: undefined, stale: true },
])("lastSeenIsStale: $label", ({ lastSeenAt, stale }) => {
  expect(lastSeenIsStale(now, lastSeenAt)).toBe(stale);
});
