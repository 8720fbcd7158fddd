/**
 * Per-address sign-in throttling (issue 9, item 5), beside the per-account lockout: at most
 * RATE_LIMITS["sign-in-failures"] failed sign-ins per client address, over all accounts and roles, so one
 * address cannot spray a few guesses over many accounts. Only failures count: every attempt takes a hit
 * before the password is checked (so a burst of parallel attempts cannot all slip under the limit) and a
 * successful one gives it back. A refused attempt checks no password and looks up no account.
 *
 * The address is the one scripts/serve.ts stamps from the socket (X-Forwarded-For only with
 * TRUST_PROXY=1), so a spoofed header neither resets nor evades the count. Without an address (a script or
 * a test calling the service) there is nothing to count by, and only the per-account lockout applies.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { addressKey, MINUTE_MS, RATE_LIMITS, signInThrottledMessage } from "@/lib/domain/rate-limit";
import type { PrincipalType } from "@/lib/generated/prisma/enums";
import { returnRateLimitHit, takeRateLimitHit } from "./rate-limit";

const SCOPE = "sign-in-failures";

export async function throttleSignIn<T>(
  database: Db,
  options: { ip: string | null; now: Date; actorType: PrincipalType },
  attempt: () => Promise<T>,
): Promise<T> {
  const key = addressKey(options.ip);
  if (key === null) return attempt();
  const hit = await takeRateLimitHit(database, { scope: SCOPE, key, now: options.now });
  if (!hit.allowed) {
    // One audit row per blocked address and window: enough to see the attack, not a log an attacker can flood.
    if (hit.firstRefusal) {
      const rule = RATE_LIMITS[SCOPE];
      await database.auditLog.create({
        data: {
          actorType: options.actorType,
          action: "SIGN_IN_THROTTLED",
          ip: options.ip,
          details: {
            limit: rule.limit,
            windowMinutes: rule.windowMs / MINUTE_MS,
            retryAfterSeconds: hit.retryAfterSeconds,
          },
        },
      });
    }
    throw new DomainError("RATE_LIMITED", signInThrottledMessage(hit.retryAfterSeconds), {
      details: { retryAfterSeconds: hit.retryAfterSeconds },
    });
  }
  // A failure (thrown) keeps the hit: that is what is counted.
  const result = await attempt();
  await returnRateLimitHit(database, { scope: SCOPE, key, windowStart: hit.windowStart });
  return result;
}
