/**
 * Shared fast-check arbitraries and helpers of the fuzz tests (issue 9 item 8): hostile strings,
 * numbers and values, and well-formed months, days and amounts so the properties also reach the
 * paths behind the input checks.
 */
import fc from "fast-check";
import { isDomainError } from "@/lib/domain/errors";

/** Runs per property (a few expensive ones use fewer): finds shallow bugs, keeps the fuzz suite well under 30 s. */
export const RUNS = 200;

/**
 * The seed of every property, so a red CI run replays exactly: a fixed one by default. FUZZ_SEED=<integer>
 * replays a reported seed, FUZZ_SEED=random draws a new one per run (exploration); FUZZ_RUNS_SCALE=<n>
 * multiplies every property's run count (exploration, e.g. FUZZ_SEED=random FUZZ_RUNS_SCALE=20).
 */
export const DEFAULT_FUZZ_SEED = 20_261_128;
export const FUZZ_SEED = seedFrom(process.env.FUZZ_SEED);
const RUNS_SCALE = scaleFrom(process.env.FUZZ_RUNS_SCALE);
if (process.env.FUZZ_SEED?.trim() === "random") console.log(`fuzz: FUZZ_SEED=random drew seed ${FUZZ_SEED}`);

function seedFrom(text: string | undefined): number {
  if (text === undefined || text.trim() === "") return DEFAULT_FUZZ_SEED;
  if (text.trim() === "random") return (Date.now() ^ Math.floor(Math.random() * 0x7fff_ffff)) | 0;
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`FUZZ_SEED must be an integer or "random", got "${text}"`);
  return n | 0;
}

function scaleFrom(text: string | undefined): number {
  if (text === undefined || text.trim() === "") return 1;
  const n = Number(text);
  if (!(n > 0)) throw new Error(`FUZZ_RUNS_SCALE must be a positive number, got "${text}"`);
  return n;
}

/** fast-check parameters for one property: the suite's seed and `numRuns` (scaled by FUZZ_RUNS_SCALE). */
export function fuzzParameters<T>(numRuns = RUNS): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS_SCALE)) };
}

/** Names the seed and how to replay it at the top of a failure (fast-check adds seed, path and counterexample). */
function withSeed(error: unknown): unknown {
  if (error instanceof Error) {
    error.message = `fuzz seed ${FUZZ_SEED}: replay with FUZZ_SEED=${FUZZ_SEED} (FUZZ_SEED=random explores)\n${error.message}`;
  }
  return error;
}

/** fc.assert with the suite's seed; a failure names the seed. */
export function check<T>(property: fc.IProperty<T>, numRuns = RUNS): void {
  try {
    fc.assert(property, fuzzParameters<T>(numRuns));
  } catch (error) {
    throw withSeed(error);
  }
}

/** The same for async properties. */
export async function checkAsync<T>(property: fc.IAsyncProperty<T>, numRuns = RUNS): Promise<void> {
  try {
    await fc.assert(property, fuzzParameters<T>(numRuns));
  } catch (error) {
    throw withSeed(error);
  }
}

/** Strings that have broken parsers before: empty, NUL, full-width, lone surrogates, prototype keys. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "\u3000",
  "\t\r\n",
  "１２３４",
  "Ｘ",
  "İ",
  "ß",
  "ς",
  "🙂",
  "👨‍👩‍👧",
  "\uD800",
  "\uDC00x",
  "\uFEFF",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "0x10",
  "9".repeat(400),
  "-".repeat(50),
  "%00",
  "%zz",
  "<script>alert(1)</script>",
  "'; DROP TABLE persons; --",
  '=HYPERLINK("x")',
  "null",
  "undefined",
  "true",
  "on",
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.constantFrom(..."0123456789-.,: xX/"), maxLength: 24 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", minLength: 2_000, maxLength: 5_000 }), weight: 1 },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 1,
    Number.MIN_SAFE_INTEGER - 1,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 31,
    2 ** 53,
    1e21,
    0.1,
  ),
);

export const nastyBigint: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
  fc.constantFrom(
    0n,
    -1n,
    1n,
    BigInt(Number.MAX_SAFE_INTEGER),
    BigInt(Number.MAX_SAFE_INTEGER) + 1n,
    -(2n ** 63n),
  ),
);

/** Any JS value, including the ones JSON never produces (bigint, Date, Map, null-prototype objects). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  nastyString,
  nastyNumber,
  nastyBigint,
  fc.constantFrom(undefined, null, true, false, [], {}, new Date(Number.NaN), Symbol("s")),
);

/** "YYYY-MM" in 1990..2035, where the policy table and the seed data live. */
export const recentMonth: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);

/** Any month the "YYYY-MM" format allows, years 0000..9999. */
export const anyValidMonth: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`);

/** Month-shaped and not: valid months, impossible ones ("2025-13", "2025-00"), and hostile strings. */
export const monthLike: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: recentMonth, weight: 4 },
  { arbitrary: anyValidMonth, weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
    weight: 1,
  },
  { arbitrary: nastyString, weight: 1 },
);

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar day "YYYY-MM-DD" in 1990..2035. */
export const recentDay: fc.Arbitrary<string> = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map(isoDay);

/** Day-shaped and not: real days, impossible ones ("2026-02-30", "2026-13-01"), and hostile strings. */
export const dayLike: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: recentDay, weight: 4 },
  {
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      ),
    weight: 2,
  },
  { arbitrary: nastyString, weight: 1 },
);

/** A valid Date in 1990..2035. */
export const recentDate: fc.Arbitrary<Date> = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2035-12-31T00:00:00Z"),
  noInvalidDate: true,
});

/**
 * A valid Date of a four-digit year (what the database hands over for business dates), biased towards
 * recent years. Formatting functions are fuzzed over the whole JS range, invalid dates included.
 */
export const anyDate: fc.Arbitrary<Date> = fc.oneof(
  fc.date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2035-12-31T00:00:00Z"),
    noInvalidDate: true,
  }),
  fc.date({
    min: new Date("1000-01-01T00:00:00Z"),
    max: new Date("9999-12-30T00:00:00Z"),
    noInvalidDate: true,
  }),
);

/** Yuan amounts as people type them: "6000", "6,000.00", "0.5", "-3", plus junk. */
export const yuanLike: fc.Arbitrary<string> = fc.oneof(
  fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map((fen) => {
    const abs = fen < 0n ? -fen : fen;
    return `${fen < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
  }),
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString("en-US")),
  fc.stringMatching(/^-?\d{1,20}(\.\d{0,4})?$/),
  nastyString,
);

/**
 * Calls `fn` and returns what happened; any exception other than a DomainError (or, where a function
 * documents it for caller bugs, a RangeError) is rethrown so the property fails with it.
 */
export function outcome<T>(
  fn: () => T,
  allowed: { rangeError?: boolean } = {},
): { ok: true; value: T } | { ok: false; error: Error } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, error };
    if (allowed.rangeError && error instanceof RangeError) return { ok: false, error };
    throw error;
  }
}
