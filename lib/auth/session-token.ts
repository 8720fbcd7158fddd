/**
 * What the session token (the Auth.js JWT) holds and how it moves on: the principal and its session
 * version (checked against the database on every request, guard.ts), the sign-in time and the time of
 * the last request. The Auth.js jwt callback is this function; kept free of next-auth so it is tested
 * directly (session-token.test.ts).
 */
import { sessionExpired } from "@/lib/domain/session-timeouts";
import type { Role } from "@/lib/services/sign-in";

export interface SessionClaims {
  role?: Role;
  principalId?: number;
  sessionVersion?: number;
  /** Epoch milliseconds. */
  signedInAt?: number;
  lastSeenAt?: number;
}

export interface SignedInUser {
  role?: Role;
  principalId?: number;
  sessionVersion?: number;
}

/**
 * The token after one use, or null when the session has ended (Auth.js then deletes the cookie and
 * auth() yields no session, so pages redirect with ?expired=1):
 * - sign-in: the principal, signedInAt = lastSeenAt = now;
 * - any later use: refused past the idle or absolute limit, otherwise lastSeenAt = now
 *   (proxy.ts writes the refreshed cookie back on page and API reads);
 * - update after a password change: the new session version, keeping the sign-in time.
 */
export function nextSessionToken<T extends object>(
  token: T,
  event: { user?: SignedInUser | null; trigger?: string; session?: unknown },
  now: number,
): (T & SessionClaims) | null {
  const { user } = event;
  if (user?.role && typeof user.principalId === "number") {
    return { ...token, role: user.role, principalId: user.principalId, sessionVersion: user.sessionVersion ?? 0, signedInAt: now, lastSeenAt: now };
  }
  const claims: SessionClaims = token;
  if (sessionExpired(now, claims.signedInAt, claims.lastSeenAt, claims.role)) return null;
  // Never backwards: a token written by a server whose clock runs a little ahead stays consistent.
  const next: T & SessionClaims = { ...token, lastSeenAt: Math.max(now, claims.lastSeenAt as number) };
  const update = event.session as { sessionVersion?: unknown } | null | undefined;
  if (event.trigger === "update" && typeof update?.sessionVersion === "number") next.sessionVersion = update.sessionVersion;
  return next;
}
