import { describe, expect, test } from "vitest";
import {
  addressKey,
  capacityAt,
  isAllowed,
  nextAllowedAt,
  principalKey,
  RATE_LIMITS,
  rateLimitedMessage,
  retryAfterSeconds,
  signInThrottledMessage,
  WindowLimiter,
  waitText,
  windowAt,
} from "./rate-limit";

const MIN = 60_000;
/** 2026-11-28 10:00:00 China time, the start of a 15-minute (and of a 1-minute) window. */
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const signIn = { limit: 20, windowMs: 15 * MIN };
const perMinute = { limit: 3, windowMs: MIN };

describe("windowAt", () => {
  test.each([
    { label: "a moment inside a window", now: T0 + 7 * MIN + 1, start: T0, end: T0 + 15 * MIN },
    { label: "the first millisecond of a window belongs to it", now: T0, start: T0, end: T0 + 15 * MIN },
    { label: "the last millisecond still belongs to the old window", now: T0 - 1, start: T0 - 15 * MIN, end: T0 },
  ])("$label", ({ now, start, end }) => {
    expect(windowAt(signIn, now)).toEqual({ start, previousStart: start - 15 * MIN, end });
  });
});

describe("capacityAt: hits the current window may hold (limit 20 per 15 minutes)", () => {
  test.each([
    { label: "no previous hits: the full limit", previous: 0, now: T0 + 5 * MIN, want: 20 },
    { label: "a full previous window at the boundary leaves nothing", previous: 20, now: T0, want: 0 },
    { label: "half way through, half of the previous window weighs", previous: 20, now: T0 + 7.5 * MIN, want: 10 },
    { label: "45 s in, 20 × 0.95 = 19 weighs exactly (no float drift to 18)", previous: 20, now: T0 + 45_000, want: 1 },
    { label: "one millisecond earlier it is still 0", previous: 20, now: T0 + 44_999, want: 0 },
    { label: "fractions round down in the caller's disfavour", previous: 7, now: T0 + 5 * MIN, want: 15 },
    { label: "more previous hits than the limit never gives a negative room", previous: 45, now: T0 + MIN, want: 0 },
  ])("$label → $want", ({ previous, now, want }) => {
    expect(capacityAt(signIn, previous, now)).toBe(want);
  });
});

describe("isAllowed, nextAllowedAt and retryAfterSeconds (limit 20 per 15 minutes)", () => {
  test.each([
    { label: "an empty window allows", counts: { previousHits: 0, currentHits: 0 }, now: T0 + MIN, allowed: true, at: T0 + MIN },
    { label: "the 20th hit is still allowed", counts: { previousHits: 0, currentHits: 19 }, now: T0 + MIN, allowed: true, at: T0 + MIN },
    {
      label: "20 hits in this window: wait for the next one, until 20 × remaining ≤ 19 × 15 min (45 s in)",
      counts: { previousHits: 0, currentHits: 20 },
      now: T0 + 5 * MIN,
      allowed: false,
      at: T0 + 15 * MIN + 45_000,
    },
    {
      label: "a full previous window: the first hit 45 s into this one",
      counts: { previousHits: 20, currentHits: 0 },
      now: T0,
      allowed: false,
      at: T0 + 45_000,
    },
    {
      label: "10 before, 15 now, 7.5 min in: room for 15, the 16th waits until 10 × remaining ≤ 4 × 15 min",
      counts: { previousHits: 10, currentHits: 15 },
      now: T0 + 7.5 * MIN,
      allowed: false,
      at: T0 + 9 * MIN,
    },
    {
      label: "19 now and a previous window still weighing: only the next window frees a hit",
      counts: { previousHits: 5, currentHits: 19 },
      now: T0 + 14 * MIN,
      allowed: false,
      at: T0 + 15 * MIN,
    },
  ])("$label", ({ counts, now, allowed, at }) => {
    expect(isAllowed(signIn, counts, now)).toBe(allowed);
    expect(nextAllowedAt(signIn, counts, now)).toBe(at);
    if (!allowed) {
      // At the promised moment a hit is allowed; a millisecond earlier it is not.
      const later = at >= windowAt(signIn, now).end ? { previousHits: counts.currentHits, currentHits: 0 } : counts;
      expect(isAllowed(signIn, later, at)).toBe(true);
      const earlier = at - 1 >= windowAt(signIn, now).end ? later : counts;
      expect(isAllowed(signIn, earlier, at - 1)).toBe(false);
    }
  });

  test.each([
    { label: "645 s to wait", counts: { previousHits: 0, currentHits: 20 }, now: T0 + 5 * MIN, want: 645 },
    { label: "45 s to wait", counts: { previousHits: 20, currentHits: 0 }, now: T0, want: 45 },
    { label: "a partial second rounds up", counts: { previousHits: 20, currentHits: 0 }, now: T0 + 44_001, want: 1 },
    { label: "never 0, even when allowed", counts: { previousHits: 0, currentHits: 0 }, now: T0, want: 1 },
  ])("retryAfterSeconds: $label", ({ counts, now, want }) => {
    expect(retryAfterSeconds(signIn, counts, now)).toBe(want);
  });

  test("a key that hammers at the limit gets about `limit` hits per window, never a double burst", () => {
    // One attempt every second for an hour, counted only when allowed, as the service does.
    const counts = new Map<number, number>();
    const allowedAt: number[] = [];
    for (let now = T0 - 7 * MIN; now < T0 + 53 * MIN; now += 1000) {
      const w = windowAt(signIn, now);
      const c = { previousHits: counts.get(w.previousStart) ?? 0, currentHits: counts.get(w.start) ?? 0 };
      if (isAllowed(signIn, c, now)) {
        counts.set(w.start, c.currentHits + 1);
        allowedAt.push(now);
      }
    }
    // A weighted counter assumes the previous window's hits were spread evenly, so a 15-minute span can
    // hold more than the limit (here 30), but less than twice it; over the hour it is ≈ 4 × 20.
    for (const start of allowedAt) {
      expect(allowedAt.filter((t) => t >= start && t < start + 15 * MIN).length).toBeLessThan(40);
    }
    expect(allowedAt.length).toBeGreaterThanOrEqual(80);
    expect(allowedAt.length).toBeLessThanOrEqual(100);
  });
});

describe("a small rule (3 a minute)", () => {
  test.each([
    { label: "1.5 of 2 previous hits weigh 15 s in, leaving room for 1", previous: 2, now: T0 + 15_000, want: 1 },
    { label: "at the very end the previous window weighs almost nothing", previous: 3, now: T0 + MIN - 1, want: 2 },
  ])("$label", ({ previous, now, want }) => {
    expect(capacityAt(perMinute, previous, now)).toBe(want);
  });
});

describe("messages", () => {
  test.each([
    { label: "under a minute in seconds", seconds: 45, want: "45秒" },
    { label: "a minute or more in whole minutes, rounded up", seconds: 61, want: "2分钟" },
    { label: "exactly a minute", seconds: 60, want: "1分钟" },
  ])("waitText: $label", ({ seconds, want }) => {
    expect(waitText(seconds)).toBe(want);
  });

  test.each([
    { label: "minutes rounded up", seconds: 645, want: "尝试次数过多,请11分钟后再试" },
    { label: "never less than one minute", seconds: 45, want: "尝试次数过多,请1分钟后再试" },
  ])("signInThrottledMessage: $label", ({ seconds, want }) => {
    expect(signInThrottledMessage(seconds)).toBe(want);
  });

  test("rateLimitedMessage", () => {
    expect(rateLimitedMessage(12)).toBe("请求过于频繁,请12秒后再试");
    expect(rateLimitedMessage(300)).toBe("请求过于频繁,请5分钟后再试");
  });
});

describe("addressKey", () => {
  test.each([
    { label: "IPv4 as is", ip: "203.0.113.7", want: "203.0.113.7" },
    { label: "IPv4-mapped IPv6 is the IPv4 address", ip: "::ffff:127.0.0.1", want: "127.0.0.1" },
    { label: "case and spaces do not matter", ip: " ::FFFF:10.0.0.1 ", want: "10.0.0.1" },
    { label: "IPv6 by its /64", ip: "2001:db8:abcd:12:1:2:3:4", want: "2001:db8:abcd:12::/64" },
    { label: "another address in the same /64 shares the key", ip: "2001:0db8:abcd:0012:ffff::9", want: "2001:db8:abcd:12::/64" },
    { label: "compressed IPv6", ip: "2001:db8::1", want: "2001:db8:0:0::/64" },
    { label: "loopback ::1", ip: "::1", want: "0:0:0:0::/64" },
    { label: "a zone id is dropped", ip: "fe80::1%eth0", want: "fe80:0:0:0::/64" },
    { label: "bracketed IPv6", ip: "[2001:db8::1]", want: "2001:db8:0:0::/64" },
    { label: "IPv6 with an IPv4 tail", ip: "64:ff9b::192.0.2.33", want: "64:ff9b:0:0::/64" },
    { label: "not an address: kept, marked", ip: "proxy-a", want: "other:proxy-a" },
    { label: "too many groups is not IPv6", ip: "1:2:3:4:5:6:7:8:9", want: "other:1:2:3:4:5:6:7:8:9" },
    { label: "an IPv4 address out of range is not one", ip: "256.1.1.1", want: "other:256.1.1.1" },
    { label: "no address", ip: "", want: null },
    { label: "serve.ts's placeholder for a socket without address", ip: "unknown", want: null },
    { label: "null", ip: null, want: null },
  ])("$label", ({ ip, want }) => {
    expect(addressKey(ip)).toBe(want);
  });

  test("principalKey", () => {
    expect(principalKey({ role: "person", id: 42 })).toBe("person:42");
  });
});

describe("RATE_LIMITS", () => {
  test.each(Object.entries(RATE_LIMITS).map(([scope, rule]) => ({ scope, ...rule })))(
    "$scope: $limit per $windowMs ms is a positive whole limit over whole seconds",
    ({ limit, windowMs }) => {
      expect(Number.isInteger(limit) && limit > 0).toBe(true);
      expect(windowMs % 1000).toBe(0);
    },
  );

  test("the sign-in figure of issue 9: 20 failures per address per 15 minutes", () => {
    expect(RATE_LIMITS["sign-in-failures"]).toEqual({ limit: 20, windowMs: 15 * MIN });
  });
});

describe("WindowLimiter (in memory, no longer used by the app)", () => {
  test.each([
    { label: "the first attempts within the limit pass", attempts: [0, 1, 2], want: [true, true, true] },
    { label: "the attempt after the limit is refused", attempts: [0, 1, 2, 3], want: [true, true, true, false] },
    { label: "a new window starts afresh", attempts: [0, 1, 2, 3, 60_000], want: [true, true, true, false, true] },
  ])("3 a minute: $label", ({ attempts, want }) => {
    const limiter = new WindowLimiter(3, 60_000);
    expect(attempts.map((t) => limiter.take("1.2.3.4", t))).toEqual(want);
  });
});
