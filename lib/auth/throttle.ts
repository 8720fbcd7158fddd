/**
 * Throttling at the edges of the app (issue 9, item 5). Handlers, pages and actions name a scope from
 * RATE_LIMITS (lib/domain/rate-limit.ts); the counters are lib/services/rate-limit.ts, in PostgreSQL, so
 * all app instances share them. Public endpoints count per client address (client-ip.ts, stamped by
 * scripts/serve.ts from the socket), signed-in ones per principal. Sign-in failures are counted inside
 * the sign-in service (lib/services/throttle-sign-in.ts).
 *
 * When the limiter itself fails (database unreachable) the error is logged and the request goes on: the
 * endpoint then stands or falls by itself, and a limiter fault never takes a public page down with it.
 */
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { addressKey, principalKey, type RateLimitScope, rateLimitedMessage } from "@/lib/domain/rate-limit";
import { rateLimitedResponse } from "@/lib/http/errors";
import { takeRateLimitHit } from "@/lib/services/rate-limit";
import { ipOfRequest, requestIp } from "./client-ip";

/** Seconds to wait when this hit is refused, else null. */
async function refusedFor(scope: RateLimitScope, key: string): Promise<number | null> {
  try {
    const hit = await takeRateLimitHit(db(), { scope, key });
    return hit.allowed ? null : hit.retryAfterSeconds;
  } catch (error) {
    console.error(error);
    return null;
  }
}

/**
 * For signed-in handlers and actions: throws RATE_LIMITED, which errorResponse answers with 429 and
 * Retry-After and a form shows as its message.
 */
export async function enforcePrincipalLimit(scope: RateLimitScope, principal: { role: string; id: number }): Promise<void> {
  const wait = await refusedFor(scope, principalKey(principal));
  if (wait !== null) {
    throw new DomainError("RATE_LIMITED", rateLimitedMessage(wait), { details: { retryAfterSeconds: wait } });
  }
}

/** For public route handlers: the 429 to answer with, or null to go on. */
export async function limitByAddress(request: Request, scope: RateLimitScope): Promise<Response | null> {
  const key = addressKey(ipOfRequest(request));
  if (key === null) return null;
  const wait = await refusedFor(scope, key);
  return wait === null ? null : rateLimitedResponse(rateLimitedMessage(wait), wait);
}

/** For public pages: the seconds to wait when throttled (the page then shows a message instead), else null. */
export async function pageWaitByAddress(scope: RateLimitScope): Promise<number | null> {
  const key = addressKey(await requestIp());
  return key === null ? null : refusedFor(scope, key);
}
