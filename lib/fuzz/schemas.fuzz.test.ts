/**
 * Property tests over every zod schema of the app (issue 9 item 8): forms of the server actions, query
 * parameters of pages and route handlers, JSON bodies of the APIs, stored document facts, the
 * environment. Arbitrary input never makes safeParse throw, and a successful parse always yields values
 * of the declared types (transforms included: a table below says what each one produces).
 *
 * Finding them: the source of app/ and lib/ is scanned for `z.object(` (also `z\n.object(`,
 * strictObject, looseObject), and the list must match SCHEMAS below, so a new schema fails this test
 * until it is named here. Zod is wrapped so that every object schema created while the modules load is
 * recorded with its file and line: schemas that are not exported (a page's query schema, an action's
 * form) are fuzzed as they are, not as copies. Exported schemas are fuzzed in their final form too
 * (with .strict() / .refine() applied).
 *
 * Also here: the hand-written query readers and JSON body readers the route handlers use.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { unitQueryOf } from "@/app/api/v1/unit/query";
import { readJsonBody } from "@/lib/auth/json-body";
import { parseBody, pathId } from "@/lib/auth/office-api";
import { counterRequestSchema } from "@/lib/auth/office-schemas";
import { isDomainError } from "@/lib/domain/errors";
import { makeIdNumber } from "@/lib/domain/id-number";
import { linkageApplicationBody } from "@/lib/services/apply-for-linkage";
import { settlementBodySchema } from "@/lib/services/settlement-api";
import * as statementQuery from "@/lib/services/statement-query";
import {
  anyValue,
  check,
  checkAsync,
  dayLike,
  monthLike,
  nastyBigint,
  nastyNumber,
  nastyString,
  outcome,
  RUNS,
} from "./arbitraries";

const created = vi.hoisted(() => [] as { site: string; schema: unknown }[]);

vi.mock("zod", async (importOriginal) => {
  const mod = await importOriginal<typeof import("zod")>();
  const record =
    <F extends (...args: never[]) => unknown>(factory: F) =>
    (...args: Parameters<F>) => {
      const schema = factory(...args);
      // The caller's frame: "at <fn> (/work/main/app/(office)/…/page.tsx:17:24)" or "at /work/main/…:17:24".
      const caller = (new Error().stack ?? "").split("\n")[2] ?? "";
      const match = /(\/.*):(\d+):\d+\)?\s*$/.exec(caller);
      if (match) created.push({ site: `${path.relative(process.cwd(), match[1]!)}:${match[2]}`, schema });
      return schema;
    };
  const z = {
    ...mod.z,
    object: record(mod.z.object),
    strictObject: record(mod.z.strictObject),
    looseObject: record(mod.z.looseObject),
  };
  return { ...mod, z };
});

// next-auth cannot be loaded under Vitest (its ESM imports "next/server" without an extension); the
// schemas do not need it, only the modules around them import it.
vi.mock("next-auth", () => ({
  AuthError: class extends Error {},
  CredentialsSignin: class extends Error {},
}));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  unstable_update: async () => undefined,
  handlers: {},
  SignInRefused: class extends Error {},
  SecondFactorRequired: class extends Error {},
}));

/**
 * Every `z.object(` in app/ and lib/, by file, in source order. A new schema: add its name here (and, if
 * it transforms a field into something new, say what in TRANSFORM_OUTPUT).
 */
const SCHEMAS: Record<string, string[]> = {
  "app/(office)/office/(area)/audit/page.tsx": ["audit page query"],
  "app/(office)/office/(area)/linkage-requests/page.tsx": ["linkage request queue query"],
  "app/(office)/office/(area)/persons/[id]/page.tsx": ["person file query"],
  "app/(office)/office/login/actions.ts": ["TOTP code form"],
  "app/(person)/me/card/actions.ts": ["pre-loss form", "cancel pre-loss form"],
  "app/(person)/me/linkage/actions.ts": ["linkage application form", "withdraw linkage request form"],
  "app/(person)/me/proof/actions.ts": ["issue proof form"],
  "app/(person)/me/statement/print/actions.ts": ["issue statement form"],
  "app/api/v1/office/linkage-requests/route.ts": ["office linkage request queue query"],
  "lib/auth/office-schemas.ts": [
    "counterRequestSchema",
    "approveSchema",
    "refuseSchema",
    "cancelLinkageSchema",
    "lookUpSchema",
    "cardActionSchema",
    "enrolSchema",
  ],
  "lib/auth/schemas.ts": [
    "personSignInSchema",
    "clerkSignInSchema",
    "staffSignInSchema",
    "changePasswordSchema",
  ],
  "lib/domain/catalogue-query.ts": ["catalogueParamsSchema", "institutionParamsSchema"],
  "lib/domain/document-facts.ts": [
    "proofFactsSchema",
    "proofFactsSchema.enrolments[]",
    "statementFactsSchema",
  ],
  "lib/env.ts": ["environment"],
  "lib/services/apply-for-linkage.ts": ["linkageApplicationBody"],
  "lib/services/calculate-contribution.ts": ["contributionParams"],
  "lib/services/calculate-retirement.ts": ["retirementParams"],
  "lib/services/settlement-api.ts": ["settlementBodySchema"],
};

const OBJECT_CALL = /\bz\s*\.\s*(object|strictObject|looseObject)\s*\(/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return full.includes(`${path.sep}generated`) || name === "fuzz" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** file → line of each `object` token of a `z.object(` call (the line a stack frame names). */
function scan(): Map<string, number[]> {
  const sites = new Map<string, number[]>();
  for (const file of [
    ...sourceFiles(path.join(process.cwd(), "app")),
    ...sourceFiles(path.join(process.cwd(), "lib")),
  ]) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(OBJECT_CALL)) {
      const at = m.index + m[0].lastIndexOf(m[1]!);
      const line = text.slice(0, at).split("\n").length;
      const rel = path.relative(process.cwd(), file);
      sites.set(rel, [...(sites.get(rel) ?? []), line]);
    }
  }
  return sites;
}

const SITES = scan();
const FILES = [...SITES.keys()].sort();

// Load every module that declares one (page and action modules included), recording the schemas.
const LOADED: Record<string, Record<string, unknown>> = Object.fromEntries(
  await Promise.all(
    FILES.map(
      async (f): Promise<[string, Record<string, unknown>]> => [f, await import(path.join(process.cwd(), f))],
    ),
  ),
);

type Schema = z.ZodType;
const isSchema = (v: unknown): v is Schema =>
  typeof v === "object" &&
  v !== null &&
  "_zod" in v &&
  typeof (v as { safeParse?: unknown }).safeParse === "function";

/** name → schema: every declared object schema, and every exported schema in its final form. */
const FUZZED = new Map<string, Schema>();
for (const [file, lines] of SITES) {
  const names = SCHEMAS[file] ?? [];
  lines.forEach((line, i) => {
    const found = created.find((c) => c.site === `${file}:${line}`);
    if (found && isSchema(found.schema)) FUZZED.set(`${names[i] ?? `line ${line}`} (${file})`, found.schema);
  });
  for (const [exported, value] of Object.entries(LOADED[file] ?? {})) {
    if (isSchema(value) && ![...FUZZED.values()].includes(value))
      FUZZED.set(`${exported}, as exported (${file})`, value);
  }
}

// ---------------------------------------------------------------------------------------------------
// What a parse may produce: walk the schema's definition.

type Def = {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  element?: Schema;
  shape?: Record<string, Schema>;
  entries?: Record<string, string | number>;
  values?: unknown[];
  coerce?: boolean;
  catchall?: Schema;
};
const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isInt = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v);

/** What each transform produces, by field name. */
const TRANSFORM_OUTPUT: Record<string, (v: unknown) => boolean> = {
  // "^\d{1,18}$" → BigInt (keyset cursors of the office pages)
  after: (v) => typeof v === "bigint" && v >= 0n,
  // "^\d{1,9}$" → Number
  cardId: (v) => isInt(v) && (v as number) >= 0,
  requestId: (v) => isInt(v) && (v as number) >= 0,
  // "YYYY" → Number
  year: (v) => isInt(v) && (v as number) >= 0 && (v as number) <= 9999,
  // yuan text → fen (> 0)
  wage: (v) => typeof v === "bigint" && v > 0n,
  unitAverageBase: (v) => v === null || (typeof v === "bigint" && v > 0n),
  // month counts → Number, 0..1200
  totalMonths: (v) => isInt(v) && (v as number) >= 0 && (v as number) <= 1200,
  localMonths: (v) => isInt(v) && (v as number) >= 0 && (v as number) <= 1200,
  // document checkboxes ("on" / true) → boolean
  providerIdCard: (v) => typeof v === "boolean",
  providerIdCopy: (v) => typeof v === "boolean",
  cardOriginal: (v) => typeof v === "boolean",
  cardCopy: (v) => typeof v === "boolean",
  applicationForm: (v) => typeof v === "boolean",
};

function checkDef(def: Record<string, unknown>) {
  return def as {
    check?: string;
    format?: string;
    pattern?: RegExp;
    minimum?: number;
    maximum?: number;
    value?: number;
    inclusive?: boolean;
  };
}

/** Problems of `value` as the output of `schema`, or [] when it has the declared type. */
function conforms(schema: Schema, value: unknown, at: string, key: string): string[] {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => checkDef(c._zod.def));
  const bad = (what: string) => [
    `${at || "(root)"}: ${what}, got ${typeof value} ${String(value).slice(0, 40)}`,
  ];
  switch (def.type) {
    case "string": {
      if (typeof value !== "string") return bad("expected a string");
      // zod 4.6 counts a string's length in code points (a surrogate pair is one), not UTF-16 units.
      const length = Array.from(value).length;
      for (const c of checks) {
        if (c.check === "string_format" && c.pattern && !c.pattern.test(value))
          return bad(`does not match ${c.pattern}`);
        if (c.check === "max_length" && length > c.maximum!) return bad(`longer than ${c.maximum}`);
        if (c.check === "min_length" && length < c.minimum!) return bad(`shorter than ${c.minimum}`);
      }
      return [];
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return bad("expected a finite number");
      for (const c of checks) {
        if (c.check === "number_format" && c.format === "safeint" && !Number.isSafeInteger(value))
          return bad("expected a safe integer");
        if (c.check === "greater_than" && !(c.inclusive ? value >= c.value! : value > c.value!))
          return bad(`below ${c.value}`);
        if (c.check === "less_than" && !(c.inclusive ? value <= c.value! : value < c.value!))
          return bad(`above ${c.value}`);
      }
      return [];
    }
    case "boolean":
      return typeof value === "boolean" ? [] : bad("expected a boolean");
    case "bigint":
      return typeof value === "bigint" ? [] : bad("expected a bigint");
    case "enum":
      return Object.values(def.entries!).includes(value as string) ? [] : bad("not one of the enum values");
    case "literal":
      return def.values!.includes(value) ? [] : bad("not the literal");
    case "optional":
      return value === undefined ? [] : conforms(def.innerType!, value, at, key);
    case "nullable":
      return value === null ? [] : conforms(def.innerType!, value, at, key);
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return conforms(def.innerType!, value, at, key);
    case "pipe":
      return conforms(def.out!, value, at, key);
    case "transform": {
      const expected = TRANSFORM_OUTPUT[key];
      if (!expected) return [`${at}: a transform with no entry in TRANSFORM_OUTPUT for "${key}"`];
      return expected(value) ? [] : bad(`not what the "${key}" transform produces`);
    }
    case "union": {
      const each = def.options!.map((o) => conforms(o, value, at, key));
      return each.some((p) => p.length === 0) ? [] : each.flat();
    }
    case "array":
      if (!Array.isArray(value)) return bad("expected an array");
      return value.flatMap((v, i) => conforms(def.element!, v, `${at}[${i}]`, key));
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value))
        return bad("expected an object");
      const shape = def.shape!;
      const extra = Object.keys(value).filter((k) => !(k in shape));
      if (extra.length > 0 && def.catchall === undefined) return bad(`unexpected keys ${extra.join(",")}`);
      return Object.entries(shape).flatMap(([k, s]) =>
        conforms(s, (value as Record<string, unknown>)[k], `${at}.${k}`, k),
      );
    }
    default:
      return [`${at}: no type check for zod "${def.type}"`];
  }
}

// ---------------------------------------------------------------------------------------------------
// Input generation: hostile values everywhere, plus values shaped by the schema (its enums, literals,
// patterns and bounds) and known-good values by field name, so successful parses happen too.

const ID = makeIdNumber("500103", "1988-05-20", 101);
const VALID_BY_KEY: Record<string, unknown[]> = {
  loginId: ["A10000001", ID, ` ${ID.toLowerCase()} `],
  password: ["demo-person-1"],
  currentPassword: ["demo-person-1"],
  newPassword: ["Abcdef12"],
  confirmPassword: ["Abcdef12"],
  unitNumber: ["5001000001"],
  username: ["clerk1"],
  staffNumber: ["S0001", " s0002 "],
  user: ["A10000001", ID],
  provider: ["A10000050", ID],
  providerName: ["王秀英"],
  query: ["A10000001", ID],
  reason: ["参保人当面申请查询"],
  requestId: ["1", "42", 7],
  linkageId: ["3", 9],
  personId: ["1", 12],
  cardId: ["1", "123456789"],
  confirm: ["yes"],
  secret: ["JBSWY3DPEHPK3PXP"],
  signature: ["abcdefghijk"],
  code: ["123456", " 123 456 "],
  intent: ["check", "submit"],
  institutionCode: ["H50010301"],
  settlementNo: ["S-0001"],
  cardNumber: ["A10000001"],
  idNumber: [ID],
  serviceDate: ["2026-03-09"],
  totalFen: [3000],
  fundPayableFen: [1000],
  selfPayFen: [2000],
  month: ["2025-10"],
  wage: ["6000", "6,000.00", "１２３４５"],
  birthDate: ["1957-03-15"],
  year: ["2025", 2025],
  totalMonths: ["341", "360"],
  localMonths: ["200", "120"],
  unitAverageBase: ["4775", ""],
  DATABASE_URL: ["postgresql://portal:secret@127.0.0.1:5432/portal"],
  AUTH_SECRET: ["x".repeat(32)],
  VERIFY_SECRET: ["y".repeat(40)],
  PORT: ["3000"],
  q: ["阿莫西林", "A10000001"],
  after: ["2", "XJ01CA04A002"],
  subject: ["5"],
  page: ["3"],
  district: ["500103"],
};

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  nastyBigint,
  fc.constantFrom(undefined, null, true, false),
  anyValue,
);

/** "mixed": shaped, known-good and hostile values at every level; "valid": only values meant to pass. */
type Mode = "mixed" | "valid";

function shaped(schema: Schema, key: string, depth: number, mode: Mode = "mixed"): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => checkDef(c._zod.def));
  switch (def.type) {
    case "string": {
      const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
      const max = checks.find((c) => c.check === "max_length")?.maximum ?? Math.max(min, 24);
      const patterns = checks.flatMap((c) =>
        c.check === "string_format" && c.pattern ? [fc.stringMatching(c.pattern)] : [],
      );
      const free = fc.string({ minLength: min, maxLength: Math.min(max, min + 64) });
      return mode === "valid" && patterns.length > 0 ? fc.oneof(...patterns) : fc.oneof(free, ...patterns);
    }
    case "number": {
      const lo = checks.find((c) => c.check === "greater_than")?.value ?? -1_000;
      const hi = checks.find((c) => c.check === "less_than")?.value ?? 1_000_000;
      const n = fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.min(hi, Number.MAX_SAFE_INTEGER)) });
      return def.coerce ? fc.oneof(n, n.map(String)) : n;
    }
    case "boolean":
      return fc.boolean();
    case "bigint":
      return nastyBigint;
    case "enum":
      return fc.constantFrom(...Object.values(def.entries!));
    case "literal":
      return fc.constantFrom(...def.values!);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return input(def.innerType!, key, depth, mode);
    case "pipe":
      return defOf(def.in!).type === "transform"
        ? input(def.out!, key, depth, mode)
        : input(def.in!, key, depth, mode);
    case "union":
      return fc.oneof(...def.options!.map((o) => input(o, key, depth, mode)));
    case "array":
      return depth > 3
        ? fc.constant([])
        : fc.array(input(def.element!, key, depth + 1, mode), { maxLength: 3 });
    case "object": {
      if (depth > 3) return fc.constant({});
      const fields = Object.fromEntries(
        Object.entries(def.shape!).map(([k, s]) => [k, input(s, k, depth + 1, mode)]),
      );
      if (mode === "valid") return fc.record(fields);
      return fc.oneof(
        fc.record(fields),
        fc.record(fields, { requiredKeys: [] }),
        fc
          .tuple(
            fc.record(fields, { requiredKeys: [] }),
            fc.dictionary(fc.oneof(nastyString, fc.constantFrom("__proto__", "constructor")), anyValue, {
              maxKeys: 2,
            }),
          )
          .map(([a, b]) => ({ ...a, ...b })),
      );
    }
    default:
      return hostile;
  }
}

/** A value for `schema` at field `key`: known-good, shaped by the schema, or hostile. */
function input(schema: Schema, key: string, depth = 0, mode: Mode = "mixed"): fc.Arbitrary<unknown> {
  const known = VALID_BY_KEY[key];
  return fc.oneof(
    { arbitrary: shaped(schema, key, depth, mode), weight: 5 },
    ...(known ? [{ arbitrary: fc.constantFrom(...known), weight: 4 }] : []),
    ...(mode === "mixed" ? [{ arbitrary: hostile, weight: 1 }] : []),
  );
}

// ---------------------------------------------------------------------------------------------------

describe("zod schemas", () => {
  it("finds every z.object( in app/ and lib/ and knows it by name (a new schema must be listed in SCHEMAS)", () => {
    const counts = Object.fromEntries(FILES.map((f) => [f, SITES.get(f)!.length]));
    const expected = Object.fromEntries(Object.entries(SCHEMAS).map(([f, names]) => [f, names.length]));
    expect(counts).toEqual(expected);
  });

  it("records each of them while the modules load (a schema built later, inside a function, is not fuzzed)", () => {
    const missing = [...SITES].flatMap(([file, lines]) =>
      lines.filter((l) => !created.some((c) => c.site === `${file}:${l}`)).map((l) => `${file}:${l}`),
    );
    expect(missing).toEqual([]);
  });

  const entries = [...FUZZED.entries()];
  const successes = new Map<string, number>();

  it.each(entries.map(([name, schema]) => ({ name, schema })))(
    "$name: safeParse never throws; a success has the declared types",
    ({ name, schema }) => {
      let ok = 0;
      const parsesTyped = (value: unknown) => {
        const result = schema.safeParse(value);
        if (!result.success) {
          expect(result.error.issues.length).toBeGreaterThan(0);
          for (const issue of result.error.issues) expect(typeof issue.message).toBe("string");
          return;
        }
        ok += 1;
        expect(conforms(schema, result.data, "", "")).toEqual([]);
      };
      check(fc.property(anyValue, parsesTyped), 100);
      check(fc.property(input(schema, ""), parsesTyped), RUNS);
      check(fc.property(shaped(schema, "", 0, "valid"), parsesTyped), 100);
      successes.set(name, ok);
      // Every schema must also be seen accepting something, or the type check above proves nothing.
      expect(ok).toBeGreaterThan(0);
    },
  );

  it("summary", () => {
    const total = Object.values(SCHEMAS).flat().length;
    console.log(
      `schema fuzz: ${total} z.object declarations in ${FILES.length} files, ${entries.length} schemas fuzzed ` +
        `(${[...successes.values()].reduce((a, b) => a + b, 0)} successful parses type-checked)`,
    );
    expect(entries.length).toBeGreaterThanOrEqual(total);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("query and body readers of the route handlers", () => {
  const value = fc.oneof(
    nastyString,
    dayLike,
    monthLike,
    fc.integer({ min: 1990, max: 2110 }).map(String),
    fc.stringMatching(/^\d{1,20}$/),
    fc.stringMatching(/^\d{4}-\d{2}-\d{2}\.\d{1,10}$/),
  );
  const raw = fc.dictionary(
    fc.constantFrom(
      "year",
      "kind",
      "from",
      "to",
      "after",
      "before",
      "unit",
      "q",
      "size",
      "constructor",
      "__proto__",
    ),
    fc.oneof(value, fc.array(value, { maxLength: 2 }), fc.constant(undefined)),
    { maxKeys: 6 },
  );

  it("parseStatementQuery / parseSettlementQuery: typed filters or a message per bad parameter, never a throw", () => {
    check(
      fc.property(raw, fc.boolean(), (r, asSearchParams) => {
        const params = asSearchParams
          ? new URLSearchParams(
              Object.entries(r).flatMap(([k, v]) =>
                v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x]),
              ),
            )
          : (r as Record<string, string | string[] | undefined>);
        const { query, errors } = statementQuery.parseStatementQuery(params);
        if (query.year !== undefined)
          expect(isInt(query.year) && query.year >= 2000 && query.year <= 2100).toBe(true);
        if (query.kind !== undefined) expect(statementQuery.STATEMENT_KINDS).toContain(query.kind);
        for (const d of [query.from, query.to]) if (d !== undefined) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (query.from !== undefined && query.to !== undefined) expect(query.from <= query.to).toBe(true);
        for (const c of [query.after, query.before])
          if (c !== undefined) expect(typeof c === "bigint" && c >= 0n).toBe(true);
        for (const m of Object.values(errors)) expect(m.length).toBeGreaterThan(0);
        const again = statementQuery.parseStatementQuery(statementQuery.statementFilterParams(query));
        expect(again.errors).toEqual({});
        expect(again.query).toEqual(
          stripUndefined({ year: query.year, kind: query.kind, from: query.from, to: query.to }),
        );
        const settlements = statementQuery.parseSettlementQuery(params);
        for (const c of [settlements.query.after, settlements.query.before]) {
          if (c === undefined) continue;
          expect(isInt(c.id)).toBe(true);
          expect(
            statementQuery.parseSettlementQuery({ after: statementQuery.formatSettlementCursor(c) }).query
              .after,
          ).toEqual(c);
        }
      }),
      RUNS,
    );
  });

  it("idFromSegment and pathId: digits only, else null / NOT_FOUND", () => {
    check(
      fc.property(
        fc.oneof(nastyString, fc.stringMatching(/^\d{1,20}$/)),
        fc.integer({ min: 1, max: 20 }),
        (segment, digits) => {
          const id = statementQuery.idFromSegment(segment, digits);
          if (id !== null) expect(segment).toMatch(new RegExp(`^\\d{1,${digits}}$`));
          const r = outcome(() => pathId(segment));
          if (r.ok) expect(String(r.value)).toBe(String(Number(segment)));
          else expect((r.error as { code?: string }).code).toBe("NOT_FOUND");
        },
      ),
      RUNS,
    );
  });

  it("unitQueryOf: a bounded query or a DomainError INVALID_QUERY for any URL", () => {
    check(
      fc.property(raw, (r) => {
        const url = new URL("http://localhost/api/v1/unit");
        for (const [k, v] of Object.entries(r))
          for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) url.searchParams.append(k, x);
        const q = outcome(() => unitQueryOf(new Request(url)));
        if (!q.ok) expect((q.error as { code?: string }).code).toBe("INVALID_QUERY");
      }),
      RUNS,
    );
  });

  it("readJsonBody / parseBody: the parsed body or a DomainError INVALID_PARAMETER, whatever the bytes", async () => {
    const body = fc.oneof(
      nastyString,
      fc.json(),
      fc.anything().map((v) => {
        try {
          return JSON.stringify(v) ?? "";
        } catch {
          return "";
        }
      }),
      fc
        .record({
          provider: fc.oneof(fc.constant("A10000050"), nastyString),
          providerName: fc.oneof(fc.constant("王秀英"), nastyString),
        })
        .map((o) => JSON.stringify(o)),
    );
    const schemas = [counterRequestSchema, linkageApplicationBody, settlementBodySchema] as Schema[];
    await checkAsync(
      fc.asyncProperty(body, fc.constantFrom(...schemas), async (text, schema) => {
        for (const read of [readJsonBody, parseBody]) {
          try {
            await read(new Request("http://localhost/api", { method: "POST", body: text }), schema);
          } catch (error) {
            expect(isDomainError(error)).toBe(true);
            expect((error as { code?: string }).code).toBe("INVALID_PARAMETER");
          }
        }
      }),
      RUNS,
    );
  });
});

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
