/**
 * Throttling counters in PostgreSQL (table rate_limit_buckets), so that every app instance behind a load
 * balancer counts the same hits; the rule (window, weight, Retry-After) is lib/domain/rate-limit.ts.
 *
 * A hit is counted by one conditional upsert: the row of the current window is created or incremented
 * only while it is below the room the rule leaves, and Postgres's row lock on the conflicting row makes
 * concurrent hits queue, so 50 simultaneous hits against a limit of 30 count exactly 30.
 */
import type { Db } from "@/lib/db/client";
import {
  capacityAt,
  MINUTE_MS,
  RATE_LIMITS,
  type RateLimitScope,
  retryAfterSeconds,
  windowAt,
} from "@/lib/domain/rate-limit";

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until a hit would be allowed again; 0 when allowed. */
  retryAfterSeconds: number;
  /**
   * Set on the first refusal of this key in the current window, so a caller can write one audit row per
   * blocked address and window instead of one per refused request (which would let a flood fill the log).
   */
  firstRefusal: boolean;
  /** The window the hit was counted in, for giving it back (returnRateLimitHit). */
  windowStart: Date;
}

/** Old windows are deleted at most this often per process, by whichever hit comes first. */
const PRUNE_EVERY_MS = 5 * MINUTE_MS;
let lastPruneAt = Number.NEGATIVE_INFINITY;

export async function takeRateLimitHit(
  database: Db,
  options: { scope: RateLimitScope; key: string; now?: Date },
): Promise<RateLimitDecision> {
  const { scope, key } = options;
  const rule = RATE_LIMITS[scope];
  const now = (options.now ?? new Date()).getTime();
  const window = windowAt(rule, now);
  const windowStart = new Date(window.start);
  // The window after this one still reads this row as its "previous" window.
  const expiresAt = new Date(window.end + rule.windowMs);

  const [previous] = await database.$queryRaw<{ hits: number }[]>`
    SELECT hits FROM rate_limit_buckets
     WHERE scope = ${scope} AND "key" = ${key} AND window_start = ${new Date(window.previousStart)}`;
  const previousHits = previous?.hits ?? 0;
  const room = capacityAt(rule, previousHits, now);

  if (room > 0) {
    const counted = await database.$queryRaw<{ hits: number }[]>`
      INSERT INTO rate_limit_buckets AS b (scope, "key", window_start, hits, expires_at)
      VALUES (${scope}, ${key}, ${windowStart}, 1, ${expiresAt})
      ON CONFLICT (scope, "key", window_start) DO UPDATE SET hits = b.hits + 1 WHERE b.hits < ${room}
      RETURNING hits`;
    if (counted.length > 0) {
      await pruneNowAndThen(database, now);
      return { allowed: true, retryAfterSeconds: 0, firstRefusal: false, windowStart };
    }
  }

  const [row] = await database.$queryRaw<{ hits: number; refused: number }[]>`
    INSERT INTO rate_limit_buckets AS b (scope, "key", window_start, hits, refused, expires_at)
    VALUES (${scope}, ${key}, ${windowStart}, 0, 1, ${expiresAt})
    ON CONFLICT (scope, "key", window_start) DO UPDATE SET refused = b.refused + 1
    RETURNING hits, refused`;
  return {
    allowed: false,
    retryAfterSeconds: retryAfterSeconds(rule, { previousHits, currentHits: row?.hits ?? 0 }, now),
    firstRefusal: row?.refused === 1,
    windowStart,
  };
}

/**
 * Gives a counted hit back, e.g. a sign-in attempt that turned out right (only failures count). The hit
 * was taken before the outcome was known so that concurrent attempts cannot all slip under the limit.
 */
export async function returnRateLimitHit(
  database: Db,
  options: { scope: RateLimitScope; key: string; windowStart: Date },
): Promise<void> {
  await database.$executeRaw`
    UPDATE rate_limit_buckets SET hits = hits - 1
     WHERE scope = ${options.scope} AND "key" = ${options.key} AND window_start = ${options.windowStart} AND hits > 0`;
}

/**
 * Deletes windows nothing reads any more, at most `batch` rows per call (a flood from many addresses
 * leaves many rows; the hit that happens to prune should not wait for all of them); returns the count.
 */
export async function pruneRateLimits(database: Db, options: { now?: Date; batch?: number } = {}): Promise<number> {
  return database.$executeRaw`
    DELETE FROM rate_limit_buckets WHERE ctid = ANY(ARRAY(
      SELECT ctid FROM rate_limit_buckets WHERE expires_at <= ${options.now ?? new Date()} LIMIT ${options.batch ?? 10_000}))`;
}

async function pruneNowAndThen(database: Db, now: number): Promise<void> {
  if (Math.abs(now - lastPruneAt) < PRUNE_EVERY_MS) return;
  lastPruneAt = now;
  try {
    await pruneRateLimits(database, { now: new Date(now) });
  } catch (error) {
    // Pruning is housekeeping: a failure must not turn an allowed hit into an error.
    console.error(error);
  }
}
