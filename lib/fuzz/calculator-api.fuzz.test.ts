/**
 * The public calculator API (GET /api/v1/calculator/*), fuzzed through its real route handlers (issue 9
 * item 8): the exported GET is called with a Request built from arbitrary query strings, as another
 * system would send them. Whatever comes in, the answer is never a 500: it is 200 with the figures
 * (numbers and booleans only) or 400 / 422 with {error:{code,message}}, always JSON, never cached.
 *
 * The requests carry no client address (x-portal-client-ip), so the per-address throttle of respond.ts
 * does not count them and no database is touched; throttling has its own tests.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as contributionGET } from "@/app/api/v1/calculator/contribution/route";
import { GET as retirementGET } from "@/app/api/v1/calculator/retirement/route";
import { CONTRIBUTION_CATEGORIES } from "@/lib/services/calculate-contribution";
import { checkAsync, dayLike, monthLike, nastyString, recentMonth, yuanLike } from "./arbitraries";

/** Each run is a whole request through the handler: fewer than the pure properties, still 700 requests a route. */
const RUNS = 150;

type Handler = (request: Request) => Response | Promise<Response>;

const wellFormedYuan = fc
  .integer({ min: 1, max: 10_000_000 })
  .map((fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`);

const ROUTES: Record<
  string,
  { GET: Handler; params: Record<string, fc.Arbitrary<string>>; valid: fc.Arbitrary<Record<string, string>> }
> = {
  contribution: {
    GET: contributionGET,
    valid: fc.record({
      category: fc.constantFrom(...CONTRIBUTION_CATEGORIES),
      month: fc
        .integer({ min: 2023, max: 2026 })
        .chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${String(m).padStart(2, "0")}`)),
      wage: wellFormedYuan,
      birthDate: fc.constantFrom("1957-03-15", "1950-01-31", "1962-12-01"),
      year: fc.integer({ min: 2023, max: 2026 }).map(String),
    }),
    params: {
      category: fc.oneof(fc.constantFrom(...CONTRIBUTION_CATEGORIES), nastyString),
      month: fc.oneof(recentMonth, monthLike),
      wage: yuanLike,
      birthDate: fc.oneof(fc.constantFrom("1957-03-15", "1950-01-31", "1990-02-29"), dayLike),
      year: fc.oneof(fc.integer({ min: 1990, max: 2035 }).map(String), nastyString),
    },
  },
  retirement: {
    GET: retirementGET,
    valid: fc
      .tuple(
        fc.constantFrom("M", "F"),
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 1200 }),
        wellFormedYuan,
      )
      .map(([gender, a, b, base]) => ({
        gender,
        totalMonths: String(Math.max(a, b)),
        localMonths: String(Math.min(a, b)),
        unitAverageBase: base,
      })),
    params: {
      gender: fc.oneof(fc.constantFrom("M", "F", "m", "Ｍ"), nastyString),
      totalMonths: fc.oneof(fc.integer({ min: 0, max: 1300 }).map(String), nastyString),
      localMonths: fc.oneof(fc.integer({ min: 0, max: 1300 }).map(String), nastyString),
      unitAverageBase: fc.oneof(yuanLike, fc.constant("")),
    },
  },
};

const ERROR_CODES = ["MISSING_PARAMETER", "INVALID_PARAMETER", "NO_POLICY"];
const seen: Record<string, Record<number, number>> = {};
let consoleError: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  // A 500 is logged by respond.ts; nothing may be logged at all.
  consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
});

afterAll(() => {
  consoleError.mockRestore();
});

/** Calls the handler and checks the answer's contract; returns the status. */
async function call(name: string, query: string): Promise<number> {
  // Per request, or after one logged 500 every later request fails and shrinking reports an innocent one.
  consoleError.mockClear();
  const response = await ROUTES[name]!.GET(
    new Request(`http://localhost/api/v1/calculator/${name}?${query}`),
  );
  const status = response.status;
  const counts = seen[name] ?? {};
  counts[status] = (counts[status] ?? 0) + 1;
  seen[name] = counts;
  expect([200, 400, 422]).toContain(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = (await response.json()) as Record<string, unknown>;
  if (status === 200) {
    expect(Object.keys(body).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === "boolean") continue;
      expect(typeof value).toBe("number");
      expect(Number.isFinite(value)).toBe(true);
      if (/Fen$|Months|Short$/.test(key)) expect(Number.isSafeInteger(value)).toBe(true);
    }
  } else {
    expect(Object.keys(body)).toEqual(["error"]);
    const error = body.error as { code?: unknown; message?: unknown };
    expect(ERROR_CODES).toContain(error.code);
    expect(typeof error.message).toBe("string");
    expect((error.message as string).length).toBeGreaterThan(0);
  }
  expect(consoleError).not.toHaveBeenCalled();
  return status;
}

describe("calculator API route handlers", () => {
  it("covers every route under app/api/v1/calculator (a new one must be fuzzed here)", () => {
    const dir = path.join(process.cwd(), "app/api/v1/calculator");
    const routes = readdirSync(dir).filter(
      (d) => statSync(path.join(dir, d)).isDirectory() && readdirSync(path.join(dir, d)).includes("route.ts"),
    );
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const name of Object.keys(ROUTES)) {
    const { params } = ROUTES[name]!;
    const known = Object.keys(params);

    it(`${name}: parameters of the right names with any values, repeated or missing → 200/400/422 JSON, never 500`, async () => {
      const entry = fc.oneof(
        {
          arbitrary: fc.constantFrom(...known).chain((k) => params[k]!.map((v): [string, string] => [k, v])),
          weight: 8,
        },
        {
          arbitrary: fc.tuple(
            fc.oneof(nastyString, fc.constantFrom("__proto__", "constructor", "toString")),
            nastyString,
          ),
          weight: 1,
        },
      );
      await checkAsync(
        fc.asyncProperty(fc.array(entry, { maxLength: 7 }), async (entries) => {
          await call(name, new URLSearchParams(entries).toString());
        }),
        RUNS,
      );
    });

    it(`${name}: complete, well-formed requests are answered with figures (or 422 outside the policy table)`, async () => {
      await checkAsync(
        fc.asyncProperty(ROUTES[name]!.valid, async (values) => {
          const status = await call(name, new URLSearchParams(values).toString());
          expect(status === 200 || status === 422).toBe(true);
        }),
        100,
      );
      const complete = fc.record(Object.fromEntries(known.map((k) => [k, params[k]!])));
      await checkAsync(
        fc.asyncProperty(
          complete,
          async (values) =>
            void (await call(name, new URLSearchParams(values as Record<string, string>).toString())),
        ),
        RUNS,
      );
    });

    it(`${name}: raw query strings (bad percent escapes, separators, unicode) → never 500`, async () => {
      const raw = fc.oneof(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.string({
          unit: fc.constantFrom("%", "&", "=", "+", "a", "1", "-", ".", "M", "2", "0", "#", "?"),
          maxLength: 40,
        }),
        fc.constantFrom(...known).map((k) => `${k}=%E0%A4%A&${k}=%&${k}`),
      );
      await checkAsync(
        fc.asyncProperty(raw, async (q) => void (await call(name, q))),
        RUNS,
      );
    });
  }

  it("summary: every path was taken (200 answers and refusals alike)", () => {
    console.log(`calculator API fuzz: statuses seen ${JSON.stringify(seen)}`);
    for (const name of Object.keys(ROUTES)) {
      expect(seen[name]?.[200] ?? 0).toBeGreaterThan(0);
      expect(seen[name]?.[400] ?? 0).toBeGreaterThan(0);
      expect(seen[name]?.[500]).toBeUndefined();
    }
    expect(seen.contribution?.[422] ?? 0).toBeGreaterThan(0);
  });
});
