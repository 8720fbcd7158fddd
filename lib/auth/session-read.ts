/**
 * Reads the session token without Auth.js's session endpoint, for the per-request check in guard.ts and
 * the last-seen check in proxy.ts. The token is decrypted once per distinct cookie value and kept (a
 * JWE decode costs 0.2–0.4 ms, mostly the key derivation; issue 8's P1 paid it twice per API call); every
 * call still checks the token's expiry and the idle and absolute limits against the clock, and guard.ts
 * still checks the session version against the database, so a cached token never outlives a sign-out,
 * a password change or a timeout.
 */
import { decode } from "next-auth/jwt";
import { sessionExpired } from "@/lib/domain/session-timeouts";
import type { SessionClaims } from "./session-token";

/** The session token's cookie, whole or one of its chunks (name.0, name.1, …). */
export const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** One cookie, not split into chunks (Auth.js splits tokens over 4 KB; ours are far smaller). */
export const SINGLE_SESSION_COOKIE = /^(__Secure-)?authjs\.session-token$/;

const MAX_KEPT = 10_000;

type Decoded = SessionClaims & { exp?: number };
const globalForSessions = globalThis as unknown as { portalSessionTokens?: Map<string, Decoded | null> };
globalForSessions.portalSessionTokens ??= new Map();
// Shared by proxy.ts and the route bundles (separate module instances, one process).
const kept = globalForSessions.portalSessionTokens;

/** The token's claims, or null when it does not decrypt, has expired, or is past an idle or absolute limit. */
export async function readSessionToken(name: string, value: string, secret: string, now = Date.now()): Promise<Decoded | null> {
  const key = `${name}\n${value}`;
  let claims = kept.get(key);
  if (claims === undefined) {
    claims = ((await decode({ token: value, secret, salt: name }).catch(() => null)) as Decoded | null) ?? null;
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, claims);
  }
  if (claims === null) return null;
  if (typeof claims.exp === "number" && claims.exp * 1000 <= now) return null;
  if (sessionExpired(now, claims.signedInAt, claims.lastSeenAt, claims.role) !== null) return null;
  return claims;
}
