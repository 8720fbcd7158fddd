/**
 * Throttling rules (issue 9, item 5): how many hits a key (a client address or a signed-in principal)
 * may make per scope, and the window arithmetic behind the answer. The counters themselves live in
 * PostgreSQL (lib/services/rate-limit.ts), so every app instance behind a load balancer shares them.
 *
 * Sliding window counter: time is cut into fixed windows aligned to the epoch, one counter per window.
 * At a moment `t` into the current window the previous window still weighs (W - t) / W, so a key may
 * make `floor(limit - previousHits * (W - t) / W)` hits in the current window. Unlike a plain fixed window
 * this does not allow a double burst across a window boundary (limit hits at 14:59, limit more at 15:00).
 * It is an estimate (the previous window's hits are taken as evenly spread): any one window-long span
 * holds less than twice the limit, and over time a key gets the limit per window.
 * Refused hits are not counted: a client that waits the Retry-After it was given gets in.
 */

export const MINUTE_MS = 60_000;

export interface RateRule {
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * The limits, chosen so that a person or an office never meets them in normal use (the e2e suite signs
 * in ~100 times from one address within minutes and must not notice them either):
 * - sign-in-failures: failed sign-ins per client address over all accounts and roles. The per-account
 *   lockout (5 in 15 minutes, lib/domain/lockout.ts) stops guessing one password; this stops one address
 *   spraying a few guesses over many accounts. 20 leaves room for an office or a NAT shared by many
 *   people who mistype; successful sign-ins do not count.
 * - exports: CSV exports and printed documents per principal (each reads a year of rows or stores a
 *   signed document).
 * - verify: public statement/proof verifications per address (the figure /verify always had).
 * - calculator: the public calculator JSON API per address; other systems call it, so it is generous.
 * - catalogue: public catalogue searches (drugs, treatment items, institutions) per address.
 * - api: signed-in JSON API calls per principal, far above what the portal's pages make.
 */
export const RATE_LIMITS = {
  "sign-in-failures": { limit: 20, windowMs: 15 * MINUTE_MS },
  exports: { limit: 30, windowMs: 10 * MINUTE_MS },
  verify: { limit: 30, windowMs: MINUTE_MS },
  calculator: { limit: 300, windowMs: MINUTE_MS },
  catalogue: { limit: 300, windowMs: MINUTE_MS },
  api: { limit: 600, windowMs: MINUTE_MS },
} as const satisfies Record<string, RateRule>;

export type RateLimitScope = keyof typeof RATE_LIMITS;

export interface WindowAt {
  /** Start of the current window (ms since the epoch). */
  start: number;
  previousStart: number;
  end: number;
}

export function windowAt(rule: RateRule, now: number): WindowAt {
  const start = now - (((now % rule.windowMs) + rule.windowMs) % rule.windowMs);
  return { start, previousStart: start - rule.windowMs, end: start + rule.windowMs };
}

/**
 * How many hits the current window may hold at `now`, given the previous window's count. Integer
 * arithmetic (hits × remaining ms), so a weight like 0.05 never rounds 19 down to 18.
 */
export function capacityAt(rule: RateRule, previousHits: number, now: number): number {
  const remaining = windowAt(rule, now).end - now;
  const room = rule.limit * rule.windowMs - previousHits * remaining;
  return Math.max(0, Math.floor(room / rule.windowMs));
}

export interface WindowCounts {
  previousHits: number;
  /** Hits already counted in the current window. */
  currentHits: number;
}

export function isAllowed(rule: RateRule, counts: WindowCounts, now: number): boolean {
  return counts.currentHits < capacityAt(rule, counts.previousHits, now);
}

/**
 * The first moment (ms since the epoch) a hit would be allowed again if the key makes no more hits:
 * later in the current window, once the previous window weighs little enough, or else in the next
 * window, where today's count becomes the previous one.
 */
export function nextAllowedAt(rule: RateRule, counts: WindowCounts, now: number): number {
  if (isAllowed(rule, counts, now)) return now;
  const { end } = windowAt(rule, now);
  const W = rule.windowMs;
  // In this window: allowed once previousHits × remaining ≤ (limit - currentHits - 1) × W.
  const spare = rule.limit - counts.currentHits - 1;
  if (spare >= 0 && counts.previousHits > 0) {
    const remainingAtMost = Math.floor((spare * W) / counts.previousHits);
    if (remainingAtMost > 0) return end - remainingAtMost;
  }
  // In the next window: currentHits weighs on it; allowed once currentHits × remaining ≤ (limit - 1) × W.
  if (counts.currentHits === 0) return end;
  const remainingAtMost = Math.floor(((rule.limit - 1) * W) / counts.currentHits);
  return remainingAtMost >= W ? end : end + W - remainingAtMost;
}

/** Whole seconds to wait, rounded up, never 0 (the Retry-After header of a refusal). */
export function retryAfterSeconds(rule: RateRule, counts: WindowCounts, now: number): number {
  return Math.max(1, Math.ceil((nextAllowedAt(rule, counts, now) - now) / 1000));
}

/** "N秒" under a minute, else "N分钟" rounded up. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${Math.max(1, Math.ceil(seconds))}秒` : `${Math.ceil(seconds / 60)}分钟`;
}

/** The sign-in refusal once an address has failed too often; always in whole minutes, like the lockout. */
export function signInThrottledMessage(seconds: number): string {
  return `尝试次数过多,请${Math.max(1, Math.ceil(seconds / 60))}分钟后再试`;
}

export function rateLimitedMessage(seconds: number): string {
  return `请求过于频繁,请${waitText(seconds)}后再试`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/;

/** The 8 groups of an IPv6 address (an embedded IPv4 tail counts as two), or null when it is not one. */
function ipv6Groups(text: string): string[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  const expandTail = (groups: string[]) => {
    const last = groups.at(-1);
    if (last === undefined || !last.includes(".")) return groups;
    if (!IPV4.test(last)) return ["x"];
    const [a, b, c, d] = last.split(".").map(Number) as [number, number, number, number];
    return [...groups.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  };
  const left = part(halves[0]);
  const right = expandTail(part(halves[1]));
  const head = halves.length === 2 ? left : expandTail(left);
  const missing = 8 - head.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(Math.max(0, missing)).fill("0"), ...(halves.length === 2 ? right : [])];
  return groups.every((g) => HEXTET.test(g)) ? groups.map((g) => g.replace(/^0+(?=.)/, "")) : null;
}

/**
 * The counter key of a client address: IPv4 as is (also when IPv4-mapped, ::ffff:a.b.c.d); IPv6 by its
 * /64, because one subscriber usually holds a whole /64 and could otherwise take a fresh address per
 * request. Text that is not an address (should not happen behind scripts/serve.ts) is kept as it is,
 * shortened. Null when there is no address at all: per-address throttling then does not apply.
 */
export function addressKey(ip: string | null | undefined): string | null {
  const text = ip?.trim().toLowerCase().replace(/%.*$/, "") ?? "";
  if (text === "" || text === "unknown") return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped?.[1] && IPV4.test(mapped[1])) return mapped[1];
  if (IPV4.test(text)) return text;
  const groups = ipv6Groups(text.replace(/^\[|\]$/g, ""));
  if (groups) return `${groups.slice(0, 4).join(":")}::/64`;
  return `other:${text.slice(0, 64)}`;
}

/** The counter key of a signed-in principal. */
export function principalKey(principal: { role: string; id: number }): string {
  return `${principal.role}:${principal.id}`;
}

/**
 * An in-memory fixed-window counter: one process's view only. The app no longer uses it (/verify counts in
 * the shared table now, like every other throttled endpoint); kept while lib/fuzz still fuzzes it.
 */
export class WindowLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** Keys remembered at most; the oldest windows are dropped first, so memory stays bounded. */
    readonly maxKeys = 10_000,
  ) {}

  /** Counts one attempt for `key` at `now`; false when the key has used up its window. */
  take(key: string, now: number): boolean {
    const current = this.windows.get(key);
    if (!current || now - current.startedAt >= this.windowMs) {
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      this.windows.set(key, { startedAt: now, count: 1 });
      return true;
    }
    if (current.count >= this.limit) return false;
    current.count += 1;
    return true;
  }
}
