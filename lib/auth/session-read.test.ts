import { encode } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { readSessionToken } from "./session-read";

const secret = "session-read-test-secret-0123456789abcdefgh";
const name = "authjs.session-token";
const t0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const MIN = 60_000;

const tokenFor = (claims: Record<string, unknown>) => encode({ token: { sub: "person:7", ...claims }, secret, salt: name, maxAge: 12 * 3600 });
const person = { role: "person", principalId: 7, sessionVersion: 2, signedInAt: t0, lastSeenAt: t0 };

describe("readSessionToken", () => {
  test.each([
    { label: "fresh token: its claims", at: t0 + 5 * MIN, want: { role: "person", principalId: 7, sessionVersion: 2 } },
    { label: "idle 29 minutes: still valid (person idle limit 30 min)", at: t0 + 29 * MIN, want: { principalId: 7 } },
    { label: "idle 31 minutes: ended", at: t0 + 31 * MIN, want: null },
  ])("$label", async ({ at, want }) => {
    const token = await tokenFor(person);
    const claims = await readSessionToken(name, token, secret, at);
    if (want === null) expect(claims).toBeNull();
    else expect(claims).toMatchObject(want);
  });

  test("the same cookie value read again gives the same answer, and the clock is checked every time", async () => {
    const token = await tokenFor(person);
    expect(await readSessionToken(name, token, secret, t0 + MIN)).toMatchObject({ principalId: 7 });
    expect(await readSessionToken(name, token, secret, t0 + 2 * MIN)).toMatchObject({ principalId: 7 });
    expect(await readSessionToken(name, token, secret, t0 + 40 * MIN)).toBeNull();
  });

  test.each([
    { label: "a tampered token", mutate: (t: string) => `${t.slice(0, -4)}AAAA` },
    { label: "a token for another secret", other: true },
    { label: "a token without sign-in times (written before the limits existed)", claims: { role: "person", principalId: 7, sessionVersion: 0 } },
  ])("$label: null", async ({ mutate, other, claims }) => {
    const token = other
      ? await encode({ token: { ...person }, secret: `${secret}-other`, salt: name })
      : await tokenFor(claims ?? person);
    expect(await readSessionToken(name, mutate ? mutate(token) : token, secret, t0 + MIN)).toBeNull();
  });
});
