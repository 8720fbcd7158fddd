/**
 * How long a signed-in session may last (issue 9 item 7; ASVS 3.3.2 / MLPS 2.0 level 3 "session timeout").
 * Idle counts from the last request that carried the session, absolute from the sign-in itself, so a
 * session kept busy all day still ends. Office staff see every insured person's data: tighter limits.
 */

export type SessionRole = "person" | "clerk" | "staff";

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

export const SESSION_LIMITS: Readonly<Record<SessionRole, SessionLimits>> = {
  person: { idleMinutes: 30, absoluteHours: 12 },
  clerk: { idleMinutes: 30, absoluteHours: 12 },
  staff: { idleMinutes: 15, absoluteHours: 8 },
};

/** The session cookie must outlive the longest absolute limit; the limits themselves are checked per role. */
export const LONGEST_SESSION_SECONDS = Math.max(...Object.values(SESSION_LIMITS).map((l) => l.absoluteHours)) * 3600;

/**
 * The last-seen time is written back to the cookie at most once a minute. Fewer rewrites mean fewer
 * answers racing a sign-out with a Set-Cookie (a prefetch in flight would otherwise bring the cookie
 * back), and the recorded time lags by at most this much, so a session never outlives its idle limit.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** A clock a little ahead on another server must not end sessions; more than this is a forged time. */
const CLOCK_SKEW_MS = 60_000;

export type SessionEnd = "idle" | "absolute" | "malformed";

const isRole = (role: unknown): role is SessionRole => role === "person" || role === "clerk" || role === "staff";
const isTime = (t: unknown): t is number => typeof t === "number" && Number.isSafeInteger(t) && t > 0;

/**
 * Why a session has ended at `now` (all times in epoch milliseconds), or null while it is still good.
 * A token without the times (issued before they existed), with times in the future or with an unknown
 * role is "malformed": it ends too, so nobody keeps a session the limits cannot be checked on.
 * A limit is exceeded only past it: exactly 30 idle minutes still counts.
 */
export function sessionExpired(now: number, signedInAt: unknown, lastSeenAt: unknown, role: unknown): SessionEnd | null {
  if (!isRole(role) || !isTime(signedInAt) || !isTime(lastSeenAt)) return "malformed";
  if (lastSeenAt < signedInAt || signedInAt > now + CLOCK_SKEW_MS || lastSeenAt > now + CLOCK_SKEW_MS) return "malformed";
  const limits = SESSION_LIMITS[role];
  if (now - signedInAt > limits.absoluteHours * 3_600_000) return "absolute";
  if (now - lastSeenAt > limits.idleMinutes * 60_000) return "idle";
  return null;
}

/** Whether a read should rewrite the session cookie: the recorded last-seen time is stale, or unreadable. */
export function lastSeenIsStale(now: number, lastSeenAt: unknown): boolean {
  return !isTime(lastSeenAt) || now - lastSeenAt >= LAST_SEEN_RESOLUTION_MS || lastSeenAt > now + CLOCK_SKEW_MS;
}
