/**
 * Throttling counters on real PostgreSQL (issue 9, item 5): the shared counter under concurrency, the
 * sliding window across window boundaries, pruning, and the per-address sign-in throttle beside the
 * per-account lockout (only failures count, a right password is refused while blocked, one audit row).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { RATE_LIMITS, windowAt } from "@/lib/domain/rate-limit";
import { hashPassword } from "@/lib/services/passwords";
import { pruneRateLimits, returnRateLimitHit, takeRateLimitHit } from "@/lib/services/rate-limit";
import { signInClerk, signInPerson } from "@/lib/services/sign-in";
import { createPerson, createReferenceData, truncateAll } from "@/tests/factories";

let db: Db;
let knownHash: string;
const PASSWORD = "Chongqing2026";
const MIN = 60_000;
/** The start of a 15-minute (and of a 1-minute) window, so the tests know where the boundaries are. */
const T0 = new Date(Date.UTC(2026, 10, 28, 2, 0, 0));
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  knownHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  await truncateAll(db);
});

async function bucket(scope: string, key: string, windowStart: Date) {
  const rows = await db.$queryRaw<{ hits: number; refused: number }[]>`
    SELECT hits, refused FROM rate_limit_buckets WHERE scope = ${scope} AND "key" = ${key} AND window_start = ${windowStart}`;
  return rows[0] ?? null;
}

describe("the shared counter", () => {
  it("50 concurrent hits against a limit of 30 (verify) allow exactly 30, and say so once", async () => {
    const limit = RATE_LIMITS.verify.limit;
    const now = at(10_000);
    const decisions = await Promise.all(
      Array.from({ length: 50 }, () => takeRateLimitHit(db, { scope: "verify", key: "203.0.113.5", now })),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(limit);
    expect(decisions.filter((d) => !d.allowed)).toHaveLength(50 - limit);
    expect(decisions.filter((d) => d.firstRefusal)).toHaveLength(1);
    // Refused at 10 s into the minute with 30 hits: the next minute starts in 50 s, and 30 × remaining ≤ 29 × 60 s 2 s later.
    expect(new Set(decisions.filter((d) => !d.allowed).map((d) => d.retryAfterSeconds))).toEqual(new Set([52]));
    expect(await bucket("verify", "203.0.113.5", T0)).toEqual({ hits: limit, refused: 50 - limit });
  });

  it("keys and scopes are counted apart", async () => {
    const now = at(1000);
    for (let i = 0; i < 30; i++) await takeRateLimitHit(db, { scope: "verify", key: "a", now });
    expect((await takeRateLimitHit(db, { scope: "verify", key: "a", now })).allowed).toBe(false);
    expect((await takeRateLimitHit(db, { scope: "verify", key: "b", now })).allowed).toBe(true);
    expect((await takeRateLimitHit(db, { scope: "calculator", key: "a", now })).allowed).toBe(true);
  });

  it("the previous window weighs on the next one, and a client that waits Retry-After gets in", async () => {
    const key = "198.51.100.1";
    for (let i = 0; i < 30; i++) await takeRateLimitHit(db, { scope: "verify", key, now: at(59_000) });
    // At the start of the next minute the full previous minute still weighs: refused, wait 2 s (30 × 58 s ≤ 29 × 60 s).
    const refused = await takeRateLimitHit(db, { scope: "verify", key, now: at(MIN) });
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 2 });
    expect((await takeRateLimitHit(db, { scope: "verify", key, now: at(MIN + 1999) })).allowed).toBe(false);
    expect((await takeRateLimitHit(db, { scope: "verify", key, now: at(MIN + 2000) })).allowed).toBe(true);
    // Half way through the minute half of the 30 weigh: 15 hits in this minute in all.
    let allowed = 1;
    for (let i = 0; i < 20; i++) if ((await takeRateLimitHit(db, { scope: "verify", key, now: at(MIN + 30_000) })).allowed) allowed++;
    expect(allowed).toBe(15);
  });

  it("a returned hit frees its place, and never goes below zero", async () => {
    const key = "192.0.2.9";
    const first = await takeRateLimitHit(db, { scope: "verify", key, now: at(0) });
    await returnRateLimitHit(db, { scope: "verify", key, windowStart: first.windowStart });
    await returnRateLimitHit(db, { scope: "verify", key, windowStart: first.windowStart });
    expect(await bucket("verify", key, T0)).toEqual({ hits: 0, refused: 0 });
  });

  it("pruning deletes only windows that nothing reads any more", async () => {
    await takeRateLimitHit(db, { scope: "verify", key: "old", now: at(0) });
    await takeRateLimitHit(db, { scope: "verify", key: "recent", now: at(MIN) });
    await takeRateLimitHit(db, { scope: "sign-in-failures", key: "slow", now: at(0) });
    // At T0 + 2 min the window of T0 is two windows old for a 1-minute scope, still the previous one for 15 minutes.
    expect(await pruneRateLimits(db, { now: at(2 * MIN) })).toBe(1);
    const left = await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM rate_limit_buckets ORDER BY "key"`;
    expect(left.map((r) => r.key)).toEqual(["recent", "slow"]);
  });
});

describe("per-address sign-in throttle", () => {
  const LIMIT = RATE_LIMITS["sign-in-failures"].limit;
  const IP = "::ffff:203.0.113.77";
  let agencyId: number;
  let unitId: number;

  beforeEach(async () => {
    ({ agencyId, unitId } = await createReferenceData(db));
  });

  async function persons(n: number): Promise<string[]> {
    const cards: string[] = [];
    for (let i = 0; i < n; i++) {
      const { person } = await createPerson(db, { agencyId, unitId, passwordHash: knownHash });
      cards.push((await db.card.findFirstOrThrow({ where: { personId: person.id } })).cardNumber);
    }
    return cards;
  }

  const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK");

  it("50 concurrent wrong passwords over 25 accounts from one address: exactly 20 are checked, one audit row for the block", { timeout: 180_000 }, async () => {
    const cards = await persons(25);
    const now = at(5 * MIN);
    const results = await Promise.allSettled(
      cards.flatMap((card) => [0, 1].map(() => signInPerson(db, { loginId: card, password: "wrong-guess", now, ip: IP }))),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === "BAD_CREDENTIALS")).toHaveLength(LIMIT);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(50 - LIMIT);
    // A refused attempt checks no password, so it counts against no account.
    const failedLogins = await db.person.aggregate({ _sum: { failedLogins: true } });
    expect(failedLogins._sum.failedLogins).toBe(LIMIT);
    expect(await db.auditLog.count({ where: { action: "SIGN_IN_FAILED", ip: IP } })).toBe(LIMIT);
    const throttled = await db.auditLog.findMany({ where: { action: "SIGN_IN_THROTTLED" } });
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ actorType: "PERSON", actorId: null, ip: IP, subjectPersonId: null });
    expect(throttled[0]?.details).toMatchObject({ limit: 20, windowMinutes: 15 });
    // Refused 5 minutes into the window with 20 failures: 10 minutes to the next window, then 45 s more.
    const refusal = results.find((r) => codeOf(r) === "RATE_LIMITED") as PromiseRejectedResult;
    expect((refusal.reason as Error).message).toBe("尝试次数过多,请11分钟后再试");
  });

  // Failures on a locked account are cheap (no password hashing), so most of the failures below go to one
  // "victim" account: after 5 it is locked, and every further attempt still counts for the address.
  async function failOn(loginId: string, times: number, now: Date, ip = IP) {
    for (let i = 0; i < times; i++) {
      await expect(signInPerson(db, { loginId, password: "wrong", now, ip })).rejects.toMatchObject({
        code: expect.stringMatching(/^(BAD_CREDENTIALS|ACCOUNT_LOCKED)$/),
      });
    }
  }

  it("only failures count; while blocked even the right password is refused, from any role; another address is not affected", { timeout: 180_000 }, async () => {
    const [card, victim] = await persons(2);
    const now = at(MIN);
    for (let i = 0; i < 5; i++) await signInPerson(db, { loginId: card!, password: PASSWORD, now, ip: IP });
    await failOn(victim!, LIMIT - 1, now);
    // An unknown account counts too (spraying over made-up numbers is spraying).
    await failOn("A99999999", 1, now);
    await expect(signInPerson(db, { loginId: card!, password: PASSWORD, now, ip: IP })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "尝试次数过多,请15分钟后再试",
    });
    await expect(
      signInClerk(db, { unitNumber: "5001000001", username: "clerk1", password: "whatever", now, ip: IP }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The same address written differently (plain IPv4 instead of IPv4-mapped) is the same address.
    await expect(signInPerson(db, { loginId: card!, password: PASSWORD, now, ip: "203.0.113.77" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(signInPerson(db, { loginId: card!, password: PASSWORD, now, ip: "203.0.113.78" })).resolves.toMatchObject({
      role: "person",
    });
    // Without an address (a script, a test) there is nothing to count by: the per-account lockout still applies.
    await expect(signInPerson(db, { loginId: card!, password: PASSWORD, now })).resolves.toMatchObject({ role: "person" });
    expect(await db.auditLog.count({ where: { action: "SIGN_IN_THROTTLED" } })).toBe(1);
  });

  it("the block lifts as the failures age out of the sliding window", { timeout: 180_000 }, async () => {
    const [card, victim] = await persons(2);
    const window = windowAt(RATE_LIMITS["sign-in-failures"], T0.getTime());
    await failOn(victim!, LIMIT, new Date(window.end - 1000)); // 20 failures in the last second of a window
    await expect(signInPerson(db, { loginId: card!, password: PASSWORD, now: new Date(window.end), ip: IP })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "尝试次数过多,请1分钟后再试",
    });
    await expect(
      signInPerson(db, { loginId: card!, password: PASSWORD, now: new Date(window.end + 44_999), ip: IP }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(
      signInPerson(db, { loginId: card!, password: PASSWORD, now: new Date(window.end + 45_000), ip: IP }),
    ).resolves.toMatchObject({ role: "person" });
  });

  it("per-account lockout and per-address throttle work together: 5 failures lock the account, they still count for the address", { timeout: 180_000 }, async () => {
    const [card] = await persons(1);
    const now = at(0);
    const codes: string[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      codes.push(await signInPerson(db, { loginId: card!, password: "wrong", now, ip: IP }).then(() => "OK", (e: { code: string }) => e.code));
    }
    expect(codes).toEqual([
      ...Array(4).fill("BAD_CREDENTIALS"),
      ...Array(LIMIT - 4).fill("ACCOUNT_LOCKED"),
      "RATE_LIMITED",
      "RATE_LIMITED",
    ]);
  });
});
