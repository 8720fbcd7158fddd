import { describe, expect, test } from "vitest";
import { nextSessionToken } from "./session-token";

const now = Date.parse("2026-11-28T10:00:00+08:00");
const minutesAgo = (n: number) => now - n * 60_000;
const hoursAgo = (n: number) => now - n * 3_600_000;

const person = { sub: "person:7", role: "person", principalId: 7, sessionVersion: 2 } as const;
const staff = { sub: "staff:3", role: "staff", principalId: 3, sessionVersion: 0 } as const;

describe("nextSessionToken", () => {
  test("sign-in stores the principal and starts both clocks", () => {
    const token = nextSessionToken({ sub: "person:7" }, { user: { role: "person", principalId: 7, sessionVersion: 2 }, trigger: "signIn" }, now);
    expect(token).toEqual({ sub: "person:7", role: "person", principalId: 7, sessionVersion: 2, signedInAt: now, lastSeenAt: now });
  });

  test("sign-in replaces whatever an old token held", () => {
    const old = { ...person, signedInAt: hoursAgo(20), lastSeenAt: hoursAgo(19) };
    const token = nextSessionToken(old, { user: { role: "clerk", principalId: 9 }, trigger: "signIn" }, now);
    expect(token).toMatchObject({ role: "clerk", principalId: 9, sessionVersion: 0, signedInAt: now, lastSeenAt: now });
  });

  test.each([
    { label: "person idle 10 minutes: refreshed", token: { ...person, signedInAt: hoursAgo(2), lastSeenAt: minutesAgo(10) }, alive: true },
    { label: "person idle 31 minutes: ended", token: { ...person, signedInAt: hoursAgo(2), lastSeenAt: minutesAgo(31) }, alive: false },
    { label: "staff idle 10 minutes: refreshed", token: { ...staff, signedInAt: hoursAgo(2), lastSeenAt: minutesAgo(10) }, alive: true },
    { label: "staff idle 16 minutes: ended", token: { ...staff, signedInAt: hoursAgo(2), lastSeenAt: minutesAgo(16) }, alive: false },
    { label: "person active but signed in 13 hours ago: ended", token: { ...person, signedInAt: hoursAgo(13), lastSeenAt: minutesAgo(1) }, alive: false },
    { label: "staff active but signed in 9 hours ago: ended", token: { ...staff, signedInAt: hoursAgo(9), lastSeenAt: minutesAgo(1) }, alive: false },
    { label: "a token from before the timeouts (no times): ended", token: { ...person }, alive: false },
    { label: "an empty token (no session): ended", token: {}, alive: false },
  ])("$label", ({ token, alive }) => {
    const next = nextSessionToken(token, {}, now);
    if (!alive) {
      expect(next).toBeNull();
      return;
    }
    expect(next).toEqual({ ...token, lastSeenAt: now });
  });

  test("use keeps the sign-in time: the absolute limit cannot be pushed back by activity", () => {
    let token = nextSessionToken({}, { user: { role: "person", principalId: 7 } }, hoursAgo(12));
    // A request every 20 minutes for 12 hours: never idle, but ended once 12 hours are past.
    for (let minutes = 12 * 60 - 20; minutes >= 0; minutes -= 20) {
      token = nextSessionToken(token!, {}, minutesAgo(minutes));
      expect(token?.signedInAt).toBe(hoursAgo(12));
    }
    expect(nextSessionToken(token!, {}, now + 1000)).toBeNull();
  });

  test("a password change carries the new session version and keeps the sign-in time", () => {
    const token = { ...person, signedInAt: hoursAgo(1), lastSeenAt: minutesAgo(5) };
    const next = nextSessionToken(token, { trigger: "update", session: { sessionVersion: 3 } }, now);
    expect(next).toEqual({ ...token, sessionVersion: 3, lastSeenAt: now });
  });

  test("an update without a version changes only the last-seen time", () => {
    const token = { ...person, signedInAt: hoursAgo(1), lastSeenAt: minutesAgo(5) };
    expect(nextSessionToken(token, { trigger: "update", session: { sessionVersion: "9" } }, now)).toEqual({ ...token, lastSeenAt: now });
  });

  test("an update cannot revive an idle session", () => {
    const token = { ...person, signedInAt: hoursAgo(2), lastSeenAt: minutesAgo(45) };
    expect(nextSessionToken(token, { trigger: "update", session: { sessionVersion: 3 } }, now)).toBeNull();
  });

  test("the last-seen time never moves backwards (a server clock a little ahead)", () => {
    const token = { ...person, signedInAt: now + 20_000, lastSeenAt: now + 30_000 };
    expect(nextSessionToken(token, {}, now)?.lastSeenAt).toBe(now + 30_000);
  });
});
