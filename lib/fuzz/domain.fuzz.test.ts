/**
 * Property tests over every exported function of lib/domain (issue 9 item 8): input of the right shape,
 * hostile or not, gives a result or a DomainError, never another exception; and the rules that are cheap
 * to state hold for every input (round trips, rounding, masking, FIFO conservation, split sums).
 *
 * A few functions document a RangeError for caller bugs (bad policy data, a count that is not a positive
 * integer, a date that is not a calendar day): there the RangeError is accepted for arguments outside the
 * contract only, and in-contract arguments must not throw at all.
 *
 * The last test lists every module and exported function of lib/domain and fails when one is not fuzzed
 * here, so a new rule is noticed.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as arrears from "@/lib/domain/arrears";
import * as auditActions from "@/lib/domain/audit-actions";
import * as balanceHistory from "@/lib/domain/balance-history";
import * as benefitStatusModule from "@/lib/domain/benefit-status";
import * as benefitText from "@/lib/domain/benefit-text";
import * as card from "@/lib/domain/card";
import * as cardLoss from "@/lib/domain/card-loss";
import * as catalogueQuery from "@/lib/domain/catalogue-query";
import * as contributionMonths from "@/lib/domain/contribution-months";
import * as contributionState from "@/lib/domain/contribution-state";
import * as contributions from "@/lib/domain/contributions";
import * as credits from "@/lib/domain/credits";
import * as csv from "@/lib/domain/csv";
import * as dates from "@/lib/domain/dates";
import * as directory from "@/lib/domain/directory";
import * as documentFacts from "@/lib/domain/document-facts";
import * as errors from "@/lib/domain/errors";
import * as idNumber from "@/lib/domain/id-number";
import * as identifiers from "@/lib/domain/identifiers";
import * as input from "@/lib/domain/input";
import * as labels from "@/lib/domain/labels";
import * as ledger from "@/lib/domain/ledger";
import * as linkage from "@/lib/domain/linkage";
import * as lockout from "@/lib/domain/lockout";
import * as masking from "@/lib/domain/masking";
import * as money from "@/lib/domain/money";
import * as month from "@/lib/domain/month";
import * as password from "@/lib/domain/password";
import * as policy from "@/lib/domain/policy";
import * as rateLimit from "@/lib/domain/rate-limit";
import * as retirement from "@/lib/domain/retirement";
import * as settlement from "@/lib/domain/settlement";
import * as unitArrears from "@/lib/domain/unit-arrears";
import * as unitQuery from "@/lib/domain/unit-query";
import * as verificationCode from "@/lib/domain/verification-code";
import * as workingDays from "@/lib/domain/working-days";
import {
  anyDate,
  anyValidMonth,
  anyValue,
  check,
  dayLike,
  monthLike,
  nastyBigint,
  nastyNumber,
  nastyString,
  outcome,
  RUNS,
  recentDate,
  recentDay,
  recentMonth,
  yuanLike,
} from "./arbitraries";

/**
 * rate-limit.ts is being reworked (issue 9 item 5): read it through this view so the file compiles
 * whether the old in-memory limiter or the new window rules are there.
 */
interface RateRuleView {
  limit: number;
  windowMs: number;
}
interface CountsView {
  previousHits: number;
  currentHits: number;
}
const rl = rateLimit as unknown as {
  WindowLimiter?: new (
    limit: number,
    windowMs: number,
    maxKeys?: number,
  ) => { take(key: string, now: number): boolean };
  RATE_LIMITS?: Record<string, RateRuleView>;
  windowAt?: (rule: RateRuleView, now: number) => { start: number; previousStart: number; end: number };
  capacityAt?: (rule: RateRuleView, previousHits: number, now: number) => number;
  isAllowed?: (rule: RateRuleView, counts: CountsView, now: number) => boolean;
  nextAllowedAt?: (rule: RateRuleView, counts: CountsView, now: number) => number;
  retryAfterSeconds?: (rule: RateRuleView, counts: CountsView, now: number) => number;
  waitText?: (seconds: number) => string;
  signInThrottledMessage?: (seconds: number) => string;
  rateLimitedMessage?: (seconds: number) => string;
  addressKey?: (ip: string | null | undefined) => string | null;
  principalKey?: (principal: { role: string; id: number }) => string;
};
const WindowLimiter = rl.WindowLimiter;

/** Every module of lib/domain, loaded by file name, so a new module is fuzzed or this file fails. */
const DOMAIN_DIR = path.join(process.cwd(), "lib/domain");
const DOMAIN_FILES = readdirSync(DOMAIN_DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
const MODULES: Record<string, Record<string, unknown>> = Object.fromEntries(
  await Promise.all(
    DOMAIN_FILES.map(
      async (f): Promise<[string, Record<string, unknown>]> => [
        f,
        await import(path.join(DOMAIN_DIR, `${f}.ts`)),
      ],
    ),
  ),
);

/** module → exported functions the properties below exercise. */
const covered = new Map<string, Set<string>>();
function covers(module: string, names: string[]): void {
  const set = covered.get(module) ?? new Set<string>();
  for (const n of names) set.add(n);
  covered.set(module, set);
}

const run = (property: fc.IProperty<never> | fc.IProperty<unknown[]>, numRuns = RUNS) =>
  check(property as fc.IProperty<unknown[]>, numRuns);

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const abs = (n: bigint) => (n < 0n ? -n : n);
const MONTH_FORMAT = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

function monthIndex(m: string): number {
  const { year, month: mm } = month.monthParts(m);
  return year * 12 + mm - 1;
}

// ---------------------------------------------------------------------------------------------------
describe("money", () => {
  covers("money", [
    "parseYuan",
    "formatYuan",
    "formatYuanPlain",
    "formatYuanSuffix",
    "fenToNumber",
    "fenFromNumber",
    "roundHalfUp",
    "applyRate",
  ]);

  it("parseYuan: any text → fen in the safe range or a DomainError; its canonical form parses back", () => {
    run(
      fc.property(yuanLike, (text) => {
        const r = outcome(() => money.parseYuan(text));
        if (!r.ok) return;
        expect(typeof r.value).toBe("bigint");
        expect(abs(r.value) <= MAX_SAFE).toBe(true);
        const plain = money.formatYuanPlain(r.value);
        expect(money.parseYuan(plain)).toBe(r.value);
        expect(money.formatYuan(r.value)).toBe(
          `${r.value < 0n ? "-" : ""}¥${money.formatYuanPlain(abs(r.value))}`,
        );
      }),
    );
  });

  it("formatYuan(parseYuan(x)) round trip: every fen in the safe range formats and parses back to itself", () => {
    run(
      fc.property(
        fc.oneof(fc.bigInt({ min: -MAX_SAFE, max: MAX_SAFE }), fc.bigInt({ min: -100_000n, max: 100_000n })),
        (fen) => {
          const shown = money.formatYuan(fen);
          expect(shown).toMatch(/^-?¥\d{1,3}(,\d{3})*\.\d{2}$/);
          expect(money.parseYuan(shown.replace("¥", ""))).toBe(fen);
          expect(money.parseYuan(money.formatYuanPlain(fen))).toBe(fen);
          expect(money.formatYuanSuffix(fen)).toBe(`${money.formatYuanPlain(fen)}元`);
        },
      ),
    );
  });

  it("formatting never throws, whatever the bigint", () => {
    run(
      fc.property(nastyBigint, (fen) => {
        expect(typeof money.formatYuan(fen)).toBe("string");
        expect(typeof money.formatYuanPlain(fen)).toBe("string");
        expect(typeof money.formatYuanSuffix(fen)).toBe("string");
      }),
    );
  });

  it("fenToNumber is exact in the safe range (RangeError, documented, outside); fenFromNumber takes safe integers only", () => {
    run(
      fc.property(nastyBigint, nastyNumber, (fen, n) => {
        const toNumber = outcome(() => money.fenToNumber(fen), { rangeError: true });
        if (toNumber.ok) expect(BigInt(toNumber.value)).toBe(fen);
        else expect(abs(fen) > MAX_SAFE).toBe(true);
        const fromNumber = outcome(() => money.fenFromNumber(n));
        if (fromNumber.ok) expect(Number(fromNumber.value) === n).toBe(true);
        else expect(Number.isSafeInteger(n)).toBe(false);
      }),
    );
  });

  it("roundHalfUp is never off by more than half a fen, rounds halves away from zero and is symmetric", () => {
    run(
      fc.property(nastyBigint, nastyBigint, (n, d) => {
        if (d === 0n) {
          expect(() => money.roundHalfUp(n, d)).toThrow(RangeError);
          return;
        }
        const q = money.roundHalfUp(n, d);
        const error = abs(q * d - n) * 2n;
        expect(error <= abs(d)).toBe(true);
        if (error === abs(d)) expect(abs(q * d) > abs(n)).toBe(true); // a tie went away from zero
        expect(money.roundHalfUp(-n, d)).toBe(-q);
      }),
    );
  });

  it("applyRate is base × rate rounded once, half up; a malformed rate is a RangeError (bad policy data)", () => {
    const rate = fc.oneof(
      fc.stringMatching(/^\d{1,3}(\.\d{1,6})?$/),
      fc.constantFrom("0.085", "0.02", "0.001", "0"),
    );
    run(
      fc.property(nastyBigint, rate, (base, r) => {
        const result = money.applyRate(base, r);
        const [whole = "", fraction = ""] = r.split(".");
        const scale = 10n ** BigInt(fraction.length);
        expect(abs(result * scale - base * BigInt(whole + fraction)) * 2n <= scale).toBe(true);
      }),
    );
    run(
      fc.property(nastyBigint, nastyString, (base, r) => {
        outcome(() => money.applyRate(base, r), { rangeError: true });
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("month", () => {
  covers("month", ["parseMonth", "monthParts", "addMonths", "monthRange", "ageInMonth"]);

  it("parseMonth / monthParts: a YYYY-MM month or a DomainError", () => {
    run(
      fc.property(monthLike, (text) => {
        const parsed = outcome(() => month.parseMonth(text));
        const parts = outcome(() => month.monthParts(text));
        expect(parsed.ok).toBe(parts.ok);
        if (!parsed.ok || !parts.ok) return;
        expect(parsed.value).toBe(text);
        expect(
          `${String(parts.value.year).padStart(4, "0")}-${String(parts.value.month).padStart(2, "0")}`,
        ).toBe(text);
      }),
    );
  });

  it("addMonths stays a YYYY-MM month inside years 0000..9999 and adding back returns the start", () => {
    run(
      fc.property(anyValidMonth, fc.integer({ min: -24_000, max: 24_000 }), (m, n) => {
        const index = monthIndex(m) + n;
        if (index < 0 || index >= 10_000 * 12) return;
        const moved = month.addMonths(m, n);
        expect(moved).toMatch(MONTH_FORMAT);
        expect(monthIndex(moved)).toBe(index);
        expect(month.addMonths(moved, -n)).toBe(m);
      }),
    );
  });

  it("monthRange lists every month once, in order, and nothing when from > to", () => {
    run(
      fc.property(recentMonth, recentMonth, (from, to) => {
        const range = month.monthRange(from, to);
        expect(range.length).toBe(Math.max(0, monthIndex(to) - monthIndex(from) + 1));
        for (const [i, m] of range.entries()) expect(monthIndex(m)).toBe(monthIndex(from) + i);
      }),
    );
    run(
      fc.property(monthLike, monthLike, (from, to) => {
        const valid = MONTH_FORMAT.test(from) && MONTH_FORMAT.test(to);
        fc.pre(!valid || monthIndex(to) - monthIndex(from) <= 1200);
        const r = outcome(() => month.monthRange(from, to));
        if (!valid) expect(r.ok).toBe(false);
      }),
    );
  });

  it("ageInMonth: whole years for real birth dates, never an exception for others", () => {
    run(
      fc.property(recentDay, recentMonth, (birth, m) => {
        const age = month.ageInMonth(birth, m);
        expect(Number.isInteger(age)).toBe(true);
        const years = Number(m.slice(0, 4)) - Number(birth.slice(0, 4));
        expect(age === years || age === years - 1).toBe(true);
      }),
    );
    run(fc.property(dayLike, monthLike, (birth, m) => void outcome(() => month.ageInMonth(birth, m))));
  });
});

// ---------------------------------------------------------------------------------------------------
describe("dates", () => {
  covers("dates", ["startOfYearCst", "yearOfCst", "formatDateCst", "formatDateTimeCst", "cstNoon"]);

  it("a year starts at CST midnight of 1 January, and formatting a China day round-trips through cstNoon", () => {
    run(
      fc.property(fc.integer({ min: 1000, max: 9999 }), anyDate, (year, date) => {
        const start = dates.startOfYearCst(year);
        expect(dates.yearOfCst(start)).toBe(year);
        expect(dates.yearOfCst(new Date(start.getTime() - 1))).toBe(year - 1);
        expect(dates.formatDateTimeCst(start)).toBe(`${year}-01-01 00:00`);
        const day = dates.formatDateCst(date);
        if (/^\d{4}-/.test(day)) expect(dates.formatDateCst(dates.cstNoon(day))).toBe(day);
      }),
    );
  });

  it("formatting and cstNoon never throw, whatever the date or text", () => {
    run(
      fc.property(fc.date(), nastyString, (date, text) => {
        expect(typeof dates.formatDateCst(date)).toBe("string");
        expect(typeof dates.formatDateTimeCst(date)).toBe("string");
        expect(typeof dates.yearOfCst(date)).toBe("number");
        expect(dates.cstNoon(text)).toBeInstanceOf(Date);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("masking", () => {
  covers("masking", [
    "maskIdNumber",
    "maskPhone",
    "maskCreditCode",
    "maskCardNumber",
    "maskName",
    "maskNumbersInText",
  ]);
  const maskNumbersInText = (masking as Record<string, unknown>).maskNumbersInText as
    | ((text: string | null | undefined) => string)
    | undefined;

  const idLike = fc.oneof(
    fc.stringMatching(/^\d{17}[\dX]$/),
    fc.string({ unit: "grapheme", minLength: 18, maxLength: 18 }),
    fc.string({ unit: "binary", minLength: 18, maxLength: 30 }),
  );
  const phoneLike = fc.oneof(
    fc.stringMatching(/^1\d{10}$/),
    fc.string({ unit: "grapheme", minLength: 11, maxLength: 11 }),
  );

  /** The masked middle of a value of at least `expected` characters is all stars; shorter values are all stars. */
  function expectMasked(masked: string, value: string, expected: number, head: number, tail: number): void {
    const chars = Array.from(value.trim());
    const out = Array.from(masked);
    expect(out).toHaveLength(chars.length);
    if (chars.length === 0) return;
    if (chars.length < expected) {
      expect(out.every((c) => c === "*")).toBe(true);
      return;
    }
    expect(out.slice(head, chars.length - tail).every((c) => c === "*")).toBe(true);
    expect(out.slice(0, head)).toEqual(chars.slice(0, head));
    if (chars.slice(head, chars.length - tail).some((c) => c !== "*")) expect(masked).not.toBe(value.trim());
  }

  it("an 18-character ID number never comes back whole: first 6 and last 4 only", () => {
    run(
      fc.property(idLike, (id) => {
        const masked = masking.maskIdNumber(id);
        expectMasked(masked, id, 18, 6, 4);
        if (/^\d{17}[\dX]$/.test(id)) {
          expect(masked).not.toBe(id);
          expect(masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
        }
      }),
    );
  });

  it("an 11-digit phone number never comes back whole: first 3 and last 4 only", () => {
    run(
      fc.property(phoneLike, (phone) => {
        const masked = masking.maskPhone(phone);
        expectMasked(masked, phone, 11, 3, 4);
        if (/^1\d{10}$/.test(phone)) expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
    );
  });

  it("every mask takes any text (or null) and never shows the hidden part", () => {
    const value = fc.oneof(nastyString, fc.constant(null), fc.constant(undefined));
    run(
      fc.property(value, (v) => {
        const text = v ?? "";
        expectMasked(masking.maskIdNumber(v), text, 18, 6, 4);
        expectMasked(masking.maskPhone(v), text, 11, 3, 4);
        expectMasked(masking.maskCreditCode(v), text, 18, 2, 4);
        expectMasked(masking.maskCardNumber(v), text, 9, 2, 3);
        const name = Array.from(text.trim());
        const maskedName = Array.from(masking.maskName(v));
        expect(maskedName).toHaveLength(name.length);
        if (name.length >= 2) {
          expect(maskedName[0]).toBe(name[0]);
          expect(maskedName.at(-1)).toBe("*");
        }
      }),
    );
  });
  it.skipIf(maskNumbersInText === undefined)(
    "maskNumbersInText leaves no full ID number or mobile number in any text",
    () => {
      const piece = fc.oneof(
        validIdNumber,
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.string({ unit: fc.constantFrom(..."0123456789Xx-: ,=号码"), maxLength: 12 }),
        nastyString,
      );
      run(
        fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
          const text = pieces.join("");
          const masked = maskNumbersInText!(text);
          expect(masked).toHaveLength(text.length);
          expect(masked).not.toMatch(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/);
          expect(masked).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
          for (const p of pieces)
            if (/^\d{17}[\dX]$/.test(p) && pieces.length === 1) expect(masked).not.toContain(p);
        }),
      );
    },
  );
});

// ---------------------------------------------------------------------------------------------------
describe("input", () => {
  covers("input", ["normalizeInput"]);

  it("normalizeInput folds full-width ASCII, trims, and is idempotent", () => {
    run(
      fc.property(nastyString, (text) => {
        const once = input.normalizeInput(text);
        expect(input.normalizeInput(once)).toBe(once);
        expect(once).not.toMatch(/[\uFF01-\uFF5E\u3000]/);
        expect(once).toBe(once.trim());
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
const AREAS = ["500103", "500112", "110101", "440305", "710000", "820000"];
const validIdNumber = fc
  .tuple(
    fc.constantFrom(...AREAS),
    fc.date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2026-11-27T00:00:00Z"),
      noInvalidDate: true,
    }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([area, birth, seq]) => idNumber.makeIdNumber(area, birth.toISOString().slice(0, 10), seq));
const TODAY = new Date("2026-11-28T04:00:00Z");

describe("id-number", () => {
  covers("id-number", ["idCheckChar", "parseIdNumber", "isIdNumber", "makeIdNumber"]);

  it("parseIdNumber: any text → a consistent ID number or a DomainError; isIdNumber agrees", () => {
    const text = fc.oneof(
      validIdNumber,
      validIdNumber.map((id) => ` ${id.toLowerCase()} `),
      fc.stringMatching(/^\d{17}[\dXx]$/),
      nastyString,
    );
    run(
      fc.property(text, (t) => {
        const r = outcome(() => idNumber.parseIdNumber(t, TODAY));
        expect(idNumber.isIdNumber(t, TODAY)).toBe(r.ok);
        if (!r.ok) return;
        const id = r.value;
        expect(id.value).toMatch(/^\d{17}[\dX]$/);
        expect(id.value.charAt(17)).toBe(idNumber.idCheckChar(id.value.slice(0, 17)));
        expect(id.birthDate).toBe(
          `${id.value.slice(6, 10)}-${id.value.slice(10, 12)}-${id.value.slice(12, 14)}`,
        );
        expect(id.gender).toBe(Number(id.value.charAt(16)) % 2 === 1 ? "M" : "F");
        expect(id.birthDate <= "2026-11-28").toBe(true);
      }),
    );
  });

  it("makeIdNumber builds valid numbers (RangeError, documented, for bad arguments) and one changed digit is always caught", () => {
    run(
      fc.property(
        validIdNumber,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, at, delta) => {
          expect(idNumber.parseIdNumber(id, TODAY).value).toBe(id);
          const digit = (Number(id.charAt(at)) + delta) % 10;
          const changed = `${id.slice(0, at)}${digit}${id.slice(at + 1)}`;
          expect(idNumber.isIdNumber(changed, TODAY)).toBe(false);
        },
      ),
    );
    run(
      fc.property(nastyString, nastyString, nastyNumber, (area, birth, seq) => {
        const r = outcome(() => idNumber.makeIdNumber(area, birth, seq), { rangeError: true });
        if (r.ok) expect(idNumber.isIdNumber(r.value, new Date("9999-12-31T00:00:00Z"))).toBe(true);
      }),
    );
  });

  it("idCheckChar: one of 10X98765432 for 17 digits, RangeError (documented) otherwise", () => {
    run(
      fc.property(fc.oneof(fc.stringMatching(/^\d{17}$/), nastyString), (first17) => {
        const r = outcome(() => idNumber.idCheckChar(first17), { rangeError: true });
        if (r.ok) expect("10X98765432").toContain(r.value);
        else expect(/^\d{17}$/.test(first17)).toBe(false);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const validCreditCode = fc
  .string({ unit: fc.constantFrom(...CREDIT_CHARS), minLength: 17, maxLength: 17 })
  .map((first17) => first17 + identifiers.creditCodeCheckChar(first17));

describe("identifiers", () => {
  covers("identifiers", [
    "parseCardNumber",
    "isCardNumber",
    "parsePersonalNumber",
    "isPersonalNumber",
    "parseUnitNumber",
    "isUnitNumber",
    "creditCodeCheckChar",
    "parseCreditCode",
    "isCreditCode",
    "classifyLoginId",
  ]);

  const text = fc.oneof(
    fc.stringMatching(/^[A-Za-z]\d{8}$/),
    fc.stringMatching(/^\d{10}$/),
    validCreditCode,
    validIdNumber,
    fc.stringMatching(/^\d{15}$/),
    nastyString,
  );

  it("each parser gives a normalised value or a DomainError, and its is-function agrees", () => {
    run(
      fc.property(text, (t) => {
        const pairs: [() => string, (s: string) => boolean, RegExp][] = [
          [() => identifiers.parseCardNumber(t), identifiers.isCardNumber, /^[A-Z]\d{8}$/],
          [() => identifiers.parsePersonalNumber(t), identifiers.isPersonalNumber, /^\d{10}$/],
          [() => identifiers.parseUnitNumber(t), identifiers.isUnitNumber, /^\d{10}$/],
          [() => identifiers.parseCreditCode(t), identifiers.isCreditCode, /^[0-9A-HJ-NPQRTUWXY]{18}$/],
        ];
        for (const [parse, is, format] of pairs) {
          const r = outcome(parse);
          expect(is(t)).toBe(r.ok);
          if (r.ok) expect(r.value).toMatch(format);
        }
      }),
    );
  });

  it("creditCodeCheckChar: a code character for 17 code characters, RangeError (documented) otherwise", () => {
    run(
      fc.property(
        fc.oneof(
          validCreditCode.map((c) => c.slice(0, 17)),
          nastyString,
        ),
        (first17) => {
          const r = outcome(() => identifiers.creditCodeCheckChar(first17), { rangeError: true });
          if (r.ok) expect(CREDIT_CHARS).toContain(r.value);
        },
      ),
    );
  });

  it("classifyLoginId never throws and only ever answers with a valid card or ID number", () => {
    run(
      fc.property(text, (t) => {
        const login = identifiers.classifyLoginId(t, TODAY);
        if (login.kind === "cardNumber") expect(identifiers.isCardNumber(login.value)).toBe(true);
        else if (login.kind === "idNumber") expect(idNumber.isIdNumber(login.value, TODAY)).toBe(true);
        else expect(login.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("errors and labels", () => {
  covers("errors", ["DomainError", "isDomainError"]);
  covers("audit-actions", ["auditActionText"]);
  covers("labels", ["categoryText"]);

  it("DomainError keeps code, message and field; isDomainError answers for any value without throwing", () => {
    run(
      fc.property(
        nastyString,
        nastyString,
        fc.option(nastyString, { nil: undefined }),
        anyValue,
        (code, message, field, value) => {
          const e = new errors.DomainError(code, message, { field, details: { value } });
          expect(errors.isDomainError(e)).toBe(true);
          expect(e.code).toBe(code);
          expect(e.message).toBe(message);
          expect(typeof errors.isDomainError(value)).toBe("boolean");
        },
      ),
    );
  });

  it("auditActionText always returns text, even for prototype names like constructor", () => {
    const action = fc.oneof(fc.constantFrom(...Object.keys(auditActions.AUDIT_ACTION_LABEL)), nastyString);
    run(
      fc.property(action, (a) => {
        const text = auditActions.auditActionText(a);
        expect(typeof text).toBe("string");
        if (!Object.hasOwn(auditActions.AUDIT_ACTION_LABEL, a)) expect(text).toBe(a);
      }),
    );
  });

  it("categoryText names every category and tier", () => {
    const category = fc.constantFrom("EMPLOYEE_UNIT", "EMPLOYEE_INDIVIDUAL", "RESIDENT" as const);
    const tier = fc.constantFrom("TIER1", "TIER2", null);
    run(
      fc.property(category, tier, (c, t) => {
        const text = labels.categoryText(
          c as keyof typeof labels.CATEGORY_LABEL,
          t as keyof typeof labels.TIER_LABEL | null,
        );
        expect(text.startsWith(labels.CATEGORY_LABEL[c as keyof typeof labels.CATEGORY_LABEL])).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("balance-history", () => {
  covers("balance-history", ["lastMonths", "monthEndSeries", "valueAxis", "axisLabel", "monthLabel"]);

  it("lastMonths: `count` consecutive months ending with `last`; DomainError for a bad month, RangeError (documented) for a bad count", () => {
    run(
      fc.property(monthLike, fc.oneof(fc.integer({ min: 1, max: 600 }), nastyNumber), (last, count) => {
        fc.pre(!(Number.isInteger(count) && count > 600));
        fc.pre(!MONTH_FORMAT.test(last) || !Number.isInteger(count) || monthIndex(last) - count + 1 >= 0);
        const r = outcome(() => balanceHistory.lastMonths(last, count), { rangeError: true });
        if (!r.ok) return;
        expect(r.value).toHaveLength(count);
        expect(r.value.at(-1)).toBe(last);
        for (const [i, m] of r.value.entries())
          if (i > 0) expect(month.addMonths(r.value[i - 1]!, 1)).toBe(m);
      }),
    );
  });

  it("monthEndSeries carries the latest-posted balance forward and is null before the first entry", () => {
    const rows = fc.array(
      fc.record({
        month: recentMonth,
        entryId: fc.bigInt({ min: 1n, max: 10_000n }),
        balanceAfterFen: nastyBigint,
      }),
      { maxLength: 12 },
    );
    run(
      fc.property(fc.uniqueArray(recentMonth, { maxLength: 24 }), rows, (months, entries) => {
        const sorted = [...months].sort();
        const series = balanceHistory.monthEndSeries(sorted, entries);
        expect(series.map((s) => s.month)).toEqual(sorted);
        for (const point of series) {
          const upTo = entries.filter((e) => e.month <= point.month);
          if (upTo.length === 0) expect(point.balanceFen).toBeNull();
          else {
            const latest = upTo.reduce((a, b) => (b.entryId > a.entryId ? b : a));
            expect(
              upTo.some((e) => e.entryId === latest.entryId && e.balanceAfterFen === point.balanceFen),
            ).toBe(true);
          }
        }
      }),
    );
  });

  it("valueAxis covers the largest value with at most maxTicks round, even steps; RangeError (documented) for maxTicks outside 1..100", () => {
    run(
      fc.property(
        nastyBigint,
        fc.oneof(fc.integer({ min: -2, max: 10 }), nastyNumber),
        (largest, maxTicks) => {
          const r = outcome(() => balanceHistory.valueAxis(largest, maxTicks), { rangeError: true });
          if (!r.ok) {
            expect(Number.isInteger(maxTicks) && maxTicks >= 1 && maxTicks <= 100).toBe(false);
            return;
          }
          const { maxFen, ticksFen } = r.value;
          expect(maxFen >= largest && maxFen > 0n).toBe(true);
          expect(ticksFen.length - 1 <= maxTicks).toBe(true);
          expect(ticksFen[0]).toBe(0n);
          expect(ticksFen.at(-1)).toBe(maxFen);
          const step = ticksFen[1]! - ticksFen[0]!;
          expect(step % 100n).toBe(0n); // whole yuan
          for (const [i, t] of ticksFen.entries()) expect(t).toBe(BigInt(i) * step);
        },
      ),
    );
  });

  it("axisLabel and monthLabel: text, or a DomainError for a month that is not one", () => {
    run(
      fc.property(nastyBigint, monthLike, (fen, m) => {
        expect(balanceHistory.axisLabel(fen)).toMatch(/^¥-?[\d,]+$/);
        const label = outcome(() => balanceHistory.monthLabel(m));
        if (label.ok) expect(label.value).toMatch(/^\d+年\d{1,2}月$/);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
const CATEGORIES = ["EMPLOYEE_UNIT", "EMPLOYEE_INDIVIDUAL", "RESIDENT"] as const;
const END_REASONS = ["TRANSFERRED_OUT", "DECEASED", "SWITCHED", "STOPPED"] as const;

/** Enrolments one after another (what the database holds), the last one possibly still running. */
const enrolmentChain = fc
  .tuple(
    recentMonth,
    fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 8 }),
        length: fc.integer({ min: 1, max: 48 }),
        category: fc.constantFrom(...CATEGORIES),
        endReason: fc.option(fc.constantFrom(...END_REASONS), { nil: undefined }),
        gapPaid: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { minLength: 0, maxLength: 4 },
    ),
    fc.boolean(),
  )
  .map(([start, parts, open]) => {
    let at = month.addMonths(start, -120);
    return parts.map((p, i) => {
      const startMonth = month.addMonths(at, p.gap + (i === 0 ? 0 : 1));
      const endMonth = month.addMonths(startMonth, p.length - 1);
      at = endMonth;
      const last = i === parts.length - 1;
      return {
        category: p.category,
        startMonth,
        endMonth: last && open ? null : endMonth,
        ...(p.endReason && !(last && open) ? { endReason: p.endReason } : {}),
        ...(p.gapPaid !== undefined ? { gapPaid: p.gapPaid } : {}),
      };
    });
  });

const rawEnrolments = fc.array(
  fc.record({
    category: fc.constantFrom(...CATEGORIES),
    startMonth: monthLike,
    endMonth: fc.option(monthLike, { nil: null }),
  }),
  { maxLength: 3 },
);

const contributionMonthsArb = fc.uniqueArray(
  fc.record({
    month: recentMonth,
    paidUpAt: fc.option(recentDate, { nil: null }),
  }),
  { maxLength: 12, selector: (c) => c.month },
);

const benefitInput = fc.record({
  enrolments: fc.oneof({ arbitrary: enrolmentChain, weight: 4 }, { arbitrary: rawEnrolments, weight: 1 }),
  contributions: contributionMonthsArb,
  retiredFrom: fc.option(fc.oneof(recentMonth, monthLike), { nil: null }),
});

const STATUS_CODES = ["NORMAL", "SUSPENDED", "WAITING", "ENDED"];

describe("benefit-status", () => {
  covers("benefit-status", [
    "benefitStatus",
    "benefitStatusCode",
    "benefitTimeline",
    "arrearsConsequences",
    "backCreditMonths",
  ]);

  /** What the answer must look like for `day`; benefitStatusCode (when there) must agree with it. */
  function expectStatusFor(bi: benefitStatusModule.BenefitInput, day: string | Date): void {
    const r = outcome(() => benefitStatusModule.benefitStatus(bi, day));
    const codeOnly = (benefitStatusModule as Record<string, unknown>).benefitStatusCode as
      | ((input: benefitStatusModule.BenefitInput, date: string | Date) => string)
      | undefined;
    if (codeOnly) {
      const code = outcome(() => codeOnly(bi, day));
      expect(code.ok).toBe(r.ok);
      if (code.ok && r.ok) expect(code.value).toBe(r.value.status);
    }
    if (!r.ok) return;
    const s = r.value;
    expect(STATUS_CODES).toContain(s.status);
    expect(s.reason).toBe(benefitStatusModule.BENEFIT_REASON_LABEL[s.reasonCode]);
    const d = typeof day === "string" ? day : dates.formatDateCst(day);
    if (s.since !== null) {
      expect(s.since).toMatch(DAY_FORMAT);
      expect(s.since <= d).toBe(true);
    }
    if (s.until !== null) {
      expect(s.until).toMatch(DAY_FORMAT);
      expect(s.until >= d).toBe(true);
    }
  }

  it("benefitStatus (and benefitStatusCode): a status whose run contains the day asked about, or a DomainError", () => {
    run(fc.property(benefitInput, fc.oneof(recentDay, recentDate), expectStatusFor));
    // Days far from the record (year 0000 to 9999) make the since/until walk long: fewer runs.
    run(fc.property(benefitInput, fc.oneof(dayLike, anyDate), expectStatusFor), 25);
  }, 60_000);

  it("benefitTimeline: one status per month, the same as benefitStatus on the month's first day", () => {
    run(
      fc.property(
        benefitInput,
        recentMonth,
        fc.integer({ min: 0, max: 12 }),
        fc.nat(),
        (bi, from, span, pick) => {
          const to = month.addMonths(from, span);
          const r = outcome(() => benefitStatusModule.benefitTimeline(bi, from, to));
          if (!r.ok) return;
          expect(r.value).toHaveLength(span + 1);
          const one = r.value[pick % r.value.length]!;
          const { month: m, ...status } = one;
          expect(status).toEqual(benefitStatusModule.benefitStatus(bi, `${m}-01`));
        },
      ),
      40,
    );
    run(
      fc.property(benefitInput, monthLike, monthLike, (bi, from, to) => {
        fc.pre(!MONTH_FORMAT.test(from) || !MONTH_FORMAT.test(to) || monthIndex(to) - monthIndex(from) <= 36);
        outcome(() => benefitStatusModule.benefitTimeline(bi, from, to));
      }),
      30,
    );
  }, 60_000);

  it("arrearsConsequences: suspension from M+1, cover deadline the last day of M+3; DomainError for bad input", () => {
    run(
      fc.property(monthLike, fc.oneof(dayLike, anyDate), (m, today) => {
        const r = outcome(() => benefitStatusModule.arrearsConsequences(m, today));
        if (!r.ok) return;
        const c = r.value;
        expect(c.suspendedFrom).toBe(`${month.addMonths(m, 1)}-01`);
        expect(c.coverDeadline.slice(0, 7)).toBe(month.addMonths(m, 3));
        expect(Number.isInteger(c.daysLeft)).toBe(true);
        expect(c.coverable).toBe(c.daysLeft >= 0);
      }),
    );
  });

  it("backCreditMonths: paid-up contribution months only, oldest first, or a DomainError", () => {
    run(
      fc.property(benefitInput, (bi) => {
        const r = outcome(() => benefitStatusModule.backCreditMonths(bi));
        if (!r.ok) return;
        const paid = new Set(bi.contributions.filter((c) => c.paidUpAt !== null).map((c) => c.month));
        for (const m of r.value) expect(paid.has(m)).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("benefit-text", () => {
  covers("benefit-text", [
    "formatDayZh",
    "formatMonthZh",
    "formatMonthListZh",
    "benefitPeriodText",
    "benefitHeadline",
    "arrearsNotice",
  ]);

  it("the phrasing functions give text or a DomainError for a day or month that is not one", () => {
    run(
      fc.property(
        dayLike,
        fc.array(monthLike, { maxLength: 5 }),
        fc.constantFrom("NORMAL", "SUSPENDED", "WAITING", "ENDED" as const),
        fc.option(dayLike, { nil: null }),
        fc.option(dayLike, { nil: null }),
        nastyString,
        (day, months, status, since, until, reason) => {
          const dayText = outcome(() => benefitText.formatDayZh(day));
          if (dayText.ok) expect(dayText.value).toMatch(/^\d+年\d+月\d+日$/);
          for (const m of months) outcome(() => benefitText.formatMonthZh(m));
          outcome(() => benefitText.formatMonthListZh(months));
          const s = status as benefitStatusModule.BenefitStatusCode;
          outcome(() => benefitText.benefitPeriodText({ status: s, since, until }));
          expect(benefitText.benefitHeadline({ status: s, reason })).toContain(reason);
        },
      ),
    );
  });

  it("arrearsNotice phrases any consequences; no unpaid months is a RangeError (documented caller bug)", () => {
    run(
      fc.property(
        fc.array(recentMonth, { maxLength: 4 }),
        recentMonth,
        recentDay,
        fc.boolean(),
        (months, oldest, today, byUnit) => {
          const consequences = benefitStatusModule.arrearsConsequences(oldest, today);
          const r = outcome(
            () => benefitText.arrearsNotice({ unpaidMonths: months, consequences, today, byUnit }),
            {
              rangeError: true,
            },
          );
          if (r.ok) expect(r.value.owed).toContain(`共${months.length}个月`);
          else expect(months).toHaveLength(0);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
const CARD_STATUSES = ["ACTIVE", "PRE_LOST", "LOST", "REPLACED"] as const;
const cardState = fc.record({
  status: fc.constantFrom(...CARD_STATUSES),
  preLossExpiresAt: fc.option(anyDate, { nil: null }),
  reissueReadyOn: fc.option(anyDate, { nil: null }),
});

describe("card and card-loss", () => {
  covers("card", ["effectiveCardStatus", "preLossExpiry", "assertCardCanPay"]);
  covers("card-loss", [
    "assertCanPreLose",
    "assertCanCancelPreLoss",
    "assertCanFormallyLose",
    "reissueReadyOn",
    "assertCanCollect",
  ]);

  it("a card pays exactly when its effective status is ACTIVE; every other answer is a DomainError", () => {
    run(
      fc.property(cardState, anyDate, (c, now) => {
        const status = card.effectiveCardStatus(c, now);
        expect(CARD_STATUSES).toContain(status);
        expect(outcome(() => card.assertCardCanPay(c, now)).ok).toBe(status === "ACTIVE");
        for (const assert of [
          cardLoss.assertCanPreLose,
          cardLoss.assertCanCancelPreLoss,
          cardLoss.assertCanFormallyLose,
          cardLoss.assertCanCollect,
        ]) {
          outcome(() => assert(c, now));
        }
        expect(outcome(() => cardLoss.assertCanPreLose(c, now)).ok).toBe(status === "ACTIVE");
        expect(outcome(() => cardLoss.assertCanFormallyLose(c, now)).ok).toBe(
          status === "ACTIVE" || status === "PRE_LOST",
        );
      }),
    );
  });

  it("a pre-loss lasts 10 days; a new card is ready on a working day 15 working days after the loss", () => {
    const lostAt = fc.date({
      min: new Date("1970-01-01T00:00:00Z"),
      max: new Date("2100-01-01T00:00:00Z"),
      noInvalidDate: true,
    });
    run(
      fc.property(lostAt, (at) => {
        expect(card.preLossExpiry(at).getTime() - at.getTime()).toBe(10 * 86_400_000);
        const ready = cardLoss.reissueReadyOn(at);
        expect(ready > dates.formatDateCst(at)).toBe(true);
        expect(workingDays.isWorkingDay(ready)).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("catalogue-query", () => {
  covers("catalogue-query", ["escapeLike", "parseSearchText", "highlight", "readParams"]);

  it("escapeLike leaves no bare LIKE wildcard and unescapes back to the input", () => {
    run(
      fc.property(nastyString, (text) => {
        const escaped = catalogueQuery.escapeLike(text);
        expect(escaped.replace(/\\\\|\\%|\\_/g, "")).not.toMatch(/[%_\\]/);
        expect(escaped.replace(/\\([\\%_])/g, "$1")).toBe(text);
      }),
    );
  });

  it("parseSearchText: null for nothing, else at most 40 characters and 4 distinct terms with escaped patterns", () => {
    run(
      fc.property(fc.oneof(nastyString, fc.constant(null), fc.constant(undefined)), (raw) => {
        const s = catalogueQuery.parseSearchText(raw);
        if (s === null) return;
        expect(s.text.length).toBeGreaterThan(0);
        expect(s.text.length).toBeLessThanOrEqual(catalogueQuery.MAX_QUERY_LENGTH);
        expect(s.terms.length).toBeGreaterThan(0);
        expect(s.terms.length).toBeLessThanOrEqual(4);
        expect(new Set(s.terms).size).toBe(s.terms.length);
        expect(s.patterns).toEqual(s.terms.map((t) => `%${catalogueQuery.escapeLike(t)}%`));
        if (s.codePattern !== null) expect(s.codePattern).toMatch(/^[A-Z0-9]+%$/);
      }),
    );
  });

  it("highlight keeps the name whole and every highlighted piece holds a term (case-insensitive)", () => {
    const letters = fc.constantFrom(
      "a",
      "b",
      "A",
      "B",
      "i",
      "I",
      "İ",
      "\u0307",
      "ß",
      "ẞ",
      " ",
      "布",
      "洛",
      "芬",
      "🙂",
    );
    const word = fc.string({ unit: letters, maxLength: 12 });
    run(
      fc.property(
        word,
        fc.array(fc.string({ unit: letters, maxLength: 3 }), { maxLength: 3 }),
        (name, terms) => {
          const pieces = catalogueQuery.highlight(name, terms);
          expect(pieces.map((p) => p.text).join("")).toBe(name);
          const wanted = terms.filter((t) => t !== "").map((t) => t.toLowerCase());
          for (const p of pieces) {
            if (!p.match) continue;
            const lower = Array.from(p.text, (ch) => ch.toLowerCase()).join("");
            expect(wanted.some((t) => lower.includes(t))).toBe(true);
          }
        },
      ),
    );
    run(
      fc.property(
        nastyString,
        fc.array(nastyString, { maxLength: 3 }),
        (name, terms) => void catalogueQuery.highlight(name, terms),
      ),
    );
  });

  it("readParams keeps each valid parameter, reports each invalid one, and never throws", () => {
    const value = fc.oneof(
      nastyString,
      fc.array(nastyString, { maxLength: 3 }),
      fc.constant(undefined),
      fc.constantFrom("甲", "三级", "HOSPITAL", "500103", "7", "XJ01"),
    );
    const keys = [
      "q",
      "class",
      "after",
      "before",
      "district",
      "level",
      "type",
      "page",
      "__proto__",
      "constructor",
    ];
    const raw = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 });
    run(
      fc.property(
        fc.constantFrom(catalogueQuery.catalogueParamsSchema, catalogueQuery.institutionParamsSchema),
        raw,
        (schema, r) => {
          const { params, invalid } = catalogueQuery.readParams(
            schema as typeof catalogueQuery.catalogueParamsSchema,
            r,
          );
          const shapeKeys = Object.keys(schema.shape);
          for (const k of Object.keys(params)) expect(shapeKeys).toContain(k);
          for (const k of invalid) expect(shapeKeys).toContain(k);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("contribution-months and contribution-state", () => {
  covers("contribution-months", ["yearsAndMonths", "countContributionMonths"]);
  covers("contribution-state", ["contributionState"]);

  it("yearsAndMonths splits a count of months exactly", () => {
    run(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const { years, months } = contributionMonths.yearsAndMonths(n);
        expect(years * 12 + months).toBe(n);
        expect(months >= 0 && months < 12).toBe(true);
      }),
    );
  });

  it("countContributionMonths: counted + unpaid = employee months, nothing counted after countedThrough", () => {
    const record = fc.record({
      enrolments: fc.oneof(enrolmentChain, rawEnrolments),
      contributions: fc.array(fc.record({ month: recentMonth, paid: fc.boolean() }), { maxLength: 10 }),
      retiredFrom: fc.option(recentMonth, { nil: null }),
      asOf: fc.oneof(recentMonth, monthLike),
    });
    run(
      fc.property(record, (rec) => {
        const r = outcome(() => contributionMonths.countContributionMonths(rec));
        if (!r.ok) return;
        const c = r.value;
        expect(c.months >= 0 && c.unpaidMonths >= 0 && c.residentMonths >= 0).toBe(true);
        if (c.lastMonth !== null) expect(c.lastMonth <= c.countedThrough).toBe(true);
        if (c.firstMonth !== null && c.lastMonth !== null) {
          expect(c.months).toBeLessThanOrEqual(monthIndex(c.lastMonth) - monthIndex(c.firstMonth) + 1);
        } else expect(c.months).toBe(0);
      }),
    );
  });

  it("contributionState: ARREARS without a paid-up time, PAID by the end of the next month, else PAID_LATE", () => {
    run(
      fc.property(monthLike, fc.option(anyDate, { nil: null }), (m, paidUpAt) => {
        const r = outcome(() => contributionState.contributionState(m, paidUpAt));
        if (!r.ok) return;
        if (paidUpAt === null) expect(r.value).toBe("ARREARS");
        else expect(r.value === "PAID" || r.value === "PAID_LATE").toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("contributions, credits and policy", () => {
  covers("contributions", [
    "contributionBaseFen",
    "unitEmployeeContribution",
    "individualYearlyContribution",
    "residentPremium",
  ]);
  covers("credits", ["contributionBaseFen", "inServiceMonthlyMovement", "retireeMonthlyMovement"]);
  covers("policy", [
    "noPolicy",
    "noPolicyForYear",
    "employeeRates",
    "baseLimits",
    "retireeCredits",
    "ltcYearly",
    "individualContribution",
    "residentPremiums",
    "basisOf",
    "coveredYears",
    "coveredEmployeeMonths",
    "ratePercent",
  ]);

  const wage = fc.oneof(fc.bigInt({ min: -1_000n, max: 10_000_000n }), nastyBigint);

  it("a unit employee's month: base within the limits, parts that add up, or a DomainError", () => {
    run(
      fc.property(wage, monthLike, (w, m) => {
        const base = outcome(() => contributions.contributionBaseFen(w, m));
        const c = outcome(() => contributions.unitEmployeeContribution(w, m));
        const movement = outcome(() => credits.inServiceMonthlyMovement(w, m));
        expect(credits.contributionBaseFen).toBe(contributions.contributionBaseFen);
        if (base.ok) {
          const b = base.value;
          expect(b.lowerFen <= b.baseFen && b.baseFen <= b.upperFen).toBe(true);
          expect(b.clamped === null).toBe(b.baseFen === w);
        }
        if (c.ok) {
          const v = c.value;
          expect(v.dueFen).toBe(
            v.unitBasicFen + v.employeeBasicFen + v.unitMutualAidFen + v.employeeMutualAidFen,
          );
          expect(v.accountNetFen).toBe(v.accountCreditFen - v.ltcAccountFen);
          for (const part of [
            v.unitBasicFen,
            v.employeeBasicFen,
            v.unitMutualAidFen,
            v.ltcFundFen,
            v.ltcAccountFen,
          ]) {
            expect(part >= 0n).toBe(true);
          }
        }
        if (movement.ok) {
          const mv = movement.value;
          expect(mv.netCreditFen).toBe(mv.creditFen - mv.mutualAidDeductionFen - mv.ltcDeductionFen);
        }
      }),
    );
  });

  it("a retiree's month: fixed credit less deductions, or a DomainError", () => {
    run(
      fc.property(fc.oneof(recentDay, dayLike), monthLike, (birth, m) => {
        const r = outcome(() => credits.retireeMonthlyMovement(birth, m));
        if (!r.ok) return;
        const mv = r.value;
        expect(mv.baseFen).toBeNull();
        expect(mv.netCreditFen).toBe(mv.creditFen - mv.mutualAidDeductionFen - mv.ltcDeductionFen);
      }),
    );
  });

  it("yearly amounts: NO_POLICY for any year the table does not cover, never another error", () => {
    const year = fc.oneof(fc.integer({ min: 1990, max: 2035 }), nastyNumber);
    run(
      fc.property(fc.constantFrom(1, 2 as const), year, (tier, y) => {
        const t = tier as contributions.Tier;
        for (const f of [
          () => contributions.individualYearlyContribution(t, y),
          () => contributions.residentPremium(t, y),
          () => policy.ltcYearly(y),
          () => policy.individualContribution(y),
          () => policy.residentPremiums(y),
        ]) {
          const r = outcome<unknown>(f);
          if (!r.ok) expect((r.error as errors.DomainError).code).toBe("NO_POLICY");
        }
        const individual = outcome(() => contributions.individualYearlyContribution(t, y));
        if (individual.ok)
          expect(individual.value.totalFen).toBe(individual.value.basicFen + individual.value.mutualAidFen);
      }),
    );
  });

  it("monthly policy rows: a row in force that month, or NO_POLICY / INVALID_MONTH", () => {
    run(
      fc.property(monthLike, nastyString, nastyNumber, (m, period, y) => {
        for (const f of [policy.employeeRates, policy.baseLimits, policy.retireeCredits]) {
          const r = outcome<policy.PolicyRow<unknown>>(() => f(m));
          if (r.ok) expect(r.value.from <= m && m <= r.value.through).toBe(true);
          else expect(["NO_POLICY", "INVALID_MONTH"]).toContain((r.error as errors.DomainError).code);
        }
        expect(policy.noPolicy(period).code).toBe("NO_POLICY");
        expect(policy.noPolicyForYear(y).code).toBe("NO_POLICY");
      }),
    );
  });

  it("every covered month and year really has all its rows; ratePercent reads rates (RangeError, documented, for junk)", () => {
    const { first, last } = policy.coveredEmployeeMonths();
    for (const m of month.monthRange(first, last)) {
      const rows = [
        policy.employeeRates(m),
        policy.baseLimits(m),
        policy.retireeCredits(m),
        policy.ltcYearly(Number(m.slice(0, 4))),
      ];
      expect(policy.basisOf(...rows)).toHaveLength(4);
    }
    for (const y of policy.coveredYears("individual"))
      expect(policy.individualContribution(y).value).toBeDefined();
    for (const y of policy.coveredYears("resident")) expect(policy.residentPremiums(y).value).toBeDefined();
    run(
      fc.property(fc.oneof(fc.stringMatching(/^\d{1,3}(\.\d{1,6})?$/), nastyString), (rate) => {
        const r = outcome(() => policy.ratePercent(rate), { rangeError: true });
        if (r.ok) expect(r.value).toMatch(/^\d+(\.\d+)?%$/);
        else expect(/^\d+(\.\d+)?$/.test(rate)).toBe(false);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("arrears (FIFO) and unit-arrears", () => {
  covers("arrears", ["applyPaymentToOpenMonths", "allocatePayments"]);
  covers("unit-arrears", [
    "runningArrears",
    "employeeMonthPayment",
    "contributionParts",
    "unitArrearsOutlook",
    "employeeArrearsOutlook",
    "describeMonths",
  ]);

  const amount = fc.oneof(
    fc.bigInt({ min: 1n, max: 200_000n }),
    fc.bigInt({ min: -100n, max: 0n }),
    nastyBigint,
  );
  const openMonths = fc.array(fc.record({ month: fc.oneof(recentMonth, monthLike), arrearsFen: amount }), {
    maxLength: 8,
  });

  it("applyPaymentToOpenMonths spends exactly the payment, oldest month first, never more than a month owes", () => {
    run(
      fc.property(openMonths, amount, (open, paid) => {
        const r = outcome(() => arrears.applyPaymentToOpenMonths(open, paid));
        if (!r.ok) return;
        const { allocations, paidUp, unallocatedFen } = r.value;
        expect(allocations.reduce((s, a) => s + a.amountFen, 0n) + unallocatedFen).toBe(paid);
        expect(unallocatedFen >= 0n).toBe(true);
        const owed = new Map(open.map((o) => [o.month, o.arrearsFen]));
        for (const a of allocations) expect(a.amountFen > 0n && a.amountFen <= owed.get(a.month)!).toBe(true);
        for (const m of paidUp) expect(allocations.find((a) => a.month === m)?.amountFen).toBe(owed.get(m));
        // FIFO: a later month receives money only when every earlier owing month is paid up.
        const sorted = [...open].sort((a, b) => (a.month < b.month ? -1 : 1));
        const last = allocations.at(-1);
        for (const o of sorted) {
          if (last === undefined || o.month >= last.month || o.arrearsFen === 0n) continue;
          expect(paidUp).toContain(o.month);
        }
        if (unallocatedFen > 0n)
          expect(open.every((o) => o.arrearsFen === 0n || paidUp.includes(o.month))).toBe(true);
      }),
    );
  });

  it("allocatePayments conserves the money paid and never leaves an older month owing while a newer one got money", () => {
    const dueMonths = fc.uniqueArray(
      fc.record({ month: recentMonth, dueFen: fc.bigInt({ min: 1n, max: 100_000n }) }),
      {
        maxLength: 8,
        selector: (m) => m.month,
      },
    );
    const payments = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 6 }),
        receivedAt: anyDate,
        amountFen: fc.bigInt({ min: 1n, max: 150_000n }),
      }),
      { maxLength: 6, selector: (p) => p.id },
    );
    run(
      fc.property(dueMonths, payments, (months, pays) => {
        const s = arrears.allocatePayments(months, pays);
        const totalPaid = pays.reduce((t, p) => t + p.amountFen, 0n);
        const settled = s.months.reduce((t, m) => t + m.paidFen, 0n);
        expect(settled + s.creditFen).toBe(totalPaid);
        expect(s.arrearsFen).toBe(months.reduce((t, m) => t + m.dueFen, 0n) - settled);
        s.months.forEach((m, i) => {
          expect(m.paidFen >= 0n && m.paidFen <= m.dueFen).toBe(true);
          expect(m.paidUpAt !== null).toBe(m.arrearsFen === 0n);
          const newerGotMoney = s.months.slice(i + 1).some((n) => n.paidFen > 0n);
          if (newerGotMoney) expect(m.arrearsFen).toBe(0n);
        });
        if (s.creditFen > 0n) expect(s.arrearsFen).toBe(0n);
      }),
    );
    const rawPayments = fc.array(
      fc.record({ id: nastyString, receivedAt: fc.date(), amountFen: nastyBigint }),
      { maxLength: 4 },
    );
    const rawMonths = fc.array(fc.record({ month: monthLike, dueFen: nastyBigint }), { maxLength: 4 });
    run(fc.property(rawMonths, rawPayments, (m, p) => void outcome(() => arrears.allocatePayments(m, p))));
  });

  const unitMonths = fc.uniqueArray(
    fc.record({
      month: recentMonth,
      dueFen: fc.bigInt({ min: 0n, max: 100_000n }),
      paidFraction: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 8, selector: (m) => m.month },
  );

  it("runningArrears, outlooks and describeMonths: running totals, deadlines in order, or a DomainError", () => {
    run(
      fc.property(
        unitMonths,
        fc.oneof(recentDay, dayLike, anyDate),
        fc.array(fc.oneof(recentMonth, monthLike), { maxLength: 5 }),
        (ms, today, employeeMonths) => {
          const totals = ms.map((m) => ({
            month: m.month,
            dueFen: m.dueFen,
            paidFen: (m.dueFen * BigInt(m.paidFraction)) / 4n,
          }));
          const running = unitArrears.runningArrears(totals);
          let sum = 0n;
          for (const m of running.months) {
            sum += m.dueFen - m.paidFen;
            expect(m.runningArrearsFen).toBe(sum);
          }
          expect(running.arrearsFen).toBe(sum);
          const outlook = outcome(() => unitArrears.unitArrearsOutlook(running.months, today));
          if (outlook.ok) {
            const day = typeof today === "string" ? today : dates.formatDateCst(today);
            for (const c of outlook.value.inEffect) expect(c.date <= day).toBe(true);
            for (const c of outlook.value.upcoming) expect(c.date > day).toBe(true);
            expect(outlook.value.next).toEqual(outlook.value.upcoming[0] ?? null);
          }
          const employee = outcome(() =>
            unitArrears.employeeArrearsOutlook(employeeMonths, running.months, today),
          );
          if (employee.ok && employee.value !== null) {
            expect(employee.value.payToCoverFen <= employee.value.payToRestoreFen).toBe(true);
          }
          outcome(() => unitArrears.describeMonths(employeeMonths));
        },
      ),
    );
    run(
      fc.property(
        fc.array(fc.record({ month: monthLike, dueFen: nastyBigint, paidFen: nastyBigint }), {
          maxLength: 4,
        }),
        (rows) => {
          outcome(() => unitArrears.runningArrears(rows));
        },
      ),
    );
  });

  it("employeeMonthPayment and contributionParts: a line is paid whole or owed whole; parts add up", () => {
    run(
      fc.property(
        nastyBigint,
        nastyBigint,
        nastyBigint,
        fc.option(anyDate, { nil: null }),
        nastyBigint,
        nastyBigint,
        (line, due, paid, paidUpAt, a, b) => {
          const r = outcome(() =>
            unitArrears.employeeMonthPayment(line, { dueFen: due, paidFen: paid, paidUpAt }),
          );
          if (r.ok) expect(r.value.paidFen + r.value.arrearsFen).toBe(line);
          const parts = unitArrears.contributionParts({
            unitBasicFen: a,
            employeeBasicFen: b,
            unitMutualAidFen: a,
            employeeMutualAidFen: b,
          });
          expect(parts.dueFen).toBe(parts.unitPartFen + parts.employeePartFen);
          expect(parts.mutualAidFen).toBe(a + b);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("csv and directory", () => {
  covers("csv", ["csvAmount", "csvText", "csvLine", "toCsv", "parseCsv", "attachmentDisposition"]);
  covers("directory", ["splitPhones", "telHref"]);

  it("csvAmount is a plain number that parses back to the same fen", () => {
    run(
      fc.property(fc.bigInt({ min: -MAX_SAFE, max: MAX_SAFE }), (fen) => {
        const text = csv.csvAmount(fen);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(money.parseYuan(text)).toBe(fen);
      }),
    );
  });

  it("toCsv → parseCsv gives back every cell (formula cells guarded with an apostrophe)", () => {
    const cell = fc.oneof(
      nastyString,
      fc.constant(null),
      fc.bigInt({ min: -MAX_SAFE, max: MAX_SAFE }).map((amountFen) => ({ amountFen })),
    );
    run(
      fc.property(
        fc.array(nastyString, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
        (header, rows) => {
          const text = csv.toCsv(header, rows);
          expect(text.startsWith(csv.CSV_BOM)).toBe(true);
          const back = csv.parseCsv(text);
          const expected = [header, ...rows].map((row) =>
            row.map((c) =>
              c === null
                ? ""
                : typeof c === "string"
                  ? /^[=+\-@\t\r]/.test(c)
                    ? `'${c}`
                    : c
                  : csv.csvAmount(c.amountFen),
            ),
          );
          expect(back).toEqual(expected);
          for (const row of rows) expect(csv.csvLine(row).endsWith("\r\n")).toBe(true);
          for (const h of header) expect(csv.csvText(h)).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
    );
    run(fc.property(nastyString, (text) => void csv.parseCsv(text)));
  });

  it("attachmentDisposition is one printable ASCII header value for any file name", () => {
    run(
      fc.property(nastyString, nastyString, (name, fallback) => {
        const header = csv.attachmentDisposition(name, fallback);
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[\x21-\x7e]*$/);
        expect(header).not.toMatch(/[\r\n]/);
      }),
    );
  });

  it("splitPhones gives non-empty numbers without separators; telHref keeps digits and + only", () => {
    run(
      fc.property(nastyString, (text) => {
        for (const p of directory.splitPhones(text)) {
          expect(p).not.toBe("");
          expect(p).not.toMatch(/[、,，;；\s]/);
        }
        expect(directory.telHref(text)).toMatch(/^tel:[\d+]*$/);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("document-facts, ledger and settlement split", () => {
  covers("document-facts", ["currentEnrolment"]);
  covers("ledger", ["mayGoNegative", "assertBalancedJournal", "applyJournalLines"]);
  covers("settlement", ["splitSelfPay"]);

  it("currentEnrolment is the last enrolment, or null", () => {
    const enrolment = fc.record({
      category: fc.constantFrom(...CATEGORIES),
      tier: fc.constantFrom("TIER1", "TIER2", null),
      from: recentMonth,
      to: fc.option(recentMonth, { nil: null }),
      unitName: fc.option(nastyString, { nil: null }),
    });
    run(
      fc.property(fc.array(enrolment, { maxLength: 4 }), (enrolments) => {
        const facts = { enrolments } as unknown as documentFacts.ProofFacts;
        expect(documentFacts.currentEnrolment(facts)).toEqual(enrolments.at(-1) ?? null);
      }),
    );
  });

  const KINDS = [
    "PERSONAL",
    "POOLED_FUND",
    "MUTUAL_AID",
    "LONG_TERM_CARE",
    "CLEARING_COLLECTION",
    "CLEARING_INSTITUTION",
    "CASH",
  ] as const;

  it("assertBalancedJournal accepts exactly the journals of ≥ 2 non-zero lines summing to zero", () => {
    const lines = fc.array(
      fc.record({
        accountId: fc.integer({ min: 1, max: 5 }),
        amountFen: fc.oneof(fc.bigInt({ min: -500n, max: 500n }), nastyBigint),
      }),
      { maxLength: 5 },
    );
    run(
      fc.property(lines, fc.boolean(), (ls, balance) => {
        const journal =
          balance && ls.length > 0
            ? [...ls, { accountId: 9, amountFen: -ls.reduce((s, l) => s + l.amountFen, 0n) }]
            : ls;
        const r = outcome(() => ledger.assertBalancedJournal(journal));
        const valid =
          journal.length >= 2 &&
          journal.every((l) => l.amountFen !== 0n) &&
          journal.reduce((s, l) => s + l.amountFen, 0n) === 0n;
        expect(r.ok).toBe(valid);
      }),
    );
    run(
      fc.property(
        fc.array(fc.record({ accountId: nastyNumber, amountFen: anyValue }), { maxLength: 4 }),
        (ls) => void outcome(() => ledger.assertBalancedJournal(ls as ledger.JournalLineAmount[])),
      ),
    );
  });

  it("applyJournalLines never leaves a personal account below zero and reports each running balance", () => {
    const accounts = fc.array(
      fc.record({ kind: fc.constantFrom(...KINDS), balanceFen: fc.bigInt({ min: 0n, max: 10_000n }) }),
      { minLength: 1, maxLength: 4 },
    );
    run(
      fc.property(
        accounts,
        fc.array(fc.record({ account: fc.nat(5), amountFen: fc.bigInt({ min: -10_000n, max: 10_000n }) }), {
          maxLength: 6,
        }),
        (accs, raw) => {
          const map = new Map(accs.map((a, i) => [i + 1, a]));
          const lines = raw.map((l) => ({ accountId: l.account, amountFen: l.amountFen }));
          const r = outcome(() => ledger.applyJournalLines(map, lines));
          if (!r.ok) return;
          const running = new Map([...map].map(([id, a]) => [id, a.balanceFen]));
          lines.forEach((l, i) => {
            const next = running.get(l.accountId)! + l.amountFen;
            running.set(l.accountId, next);
            expect(r.value.balancesAfter[i]).toBe(next);
          });
          for (const [id, balance] of r.value.finalBalances) {
            expect(ledger.mayGoNegative(map.get(id)!.kind) || balance >= 0n).toBe(true);
          }
        },
      ),
    );
  });

  it("splitSelfPay: the parts sum to the self-pay, none is negative, none exceeds its balance, cash only when both ran out", () => {
    const balance = fc.oneof(fc.bigInt({ min: -1_000n, max: 100_000n }), nastyBigint);
    run(
      fc.property(
        fc.oneof(fc.bigInt({ min: 0n, max: 100_000n }), nastyBigint.map(abs)),
        balance,
        fc.option(balance, { nil: undefined }),
        (selfPay, own, linked) => {
          const s = settlement.splitSelfPay({
            selfPayFen: selfPay,
            ownBalanceFen: own,
            linkedBalanceFen: linked,
          });
          expect(s.ownAccountFen + s.linkedAccountFen + s.cashFen).toBe(selfPay);
          expect(s.ownAccountFen >= 0n && s.linkedAccountFen >= 0n && s.cashFen >= 0n).toBe(true);
          expect(s.ownAccountFen <= (own > 0n ? own : 0n)).toBe(true);
          expect(s.linkedAccountFen <= ((linked ?? 0n) > 0n ? (linked ?? 0n) : 0n)).toBe(true);
          if (s.cashFen > 0n) {
            expect(s.ownAccountFen).toBe(own > 0n ? own : 0n);
            expect(s.linkedAccountFen).toBe((linked ?? 0n) > 0n ? (linked ?? 0n) : 0n);
          }
          if (s.linkedAccountFen > 0n) expect(s.ownAccountFen).toBe(own > 0n ? own : 0n);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("linkage, lockout, password, rate-limit, retirement", () => {
  covers("linkage", ["checkLinkage", "canSpendFrom", "readLinkageDocuments", "missingLinkageDocuments"]);
  covers("lockout", ["isLocked", "minutesLeft", "afterAttempt", "initialPassword"]);
  covers("password", ["assertAcceptablePassword"]);
  covers("rate-limit", [
    "WindowLimiter",
    "windowAt",
    "capacityAt",
    "isAllowed",
    "nextAllowedAt",
    "retryAfterSeconds",
    "waitText",
    "signInThrottledMessage",
    "rateLimitedMessage",
    "addressKey",
    "principalKey",
  ]);
  covers("retirement", ["checkRetirement"]);

  const party = fc.record({
    personId: fc.integer({ min: 1, max: 4 }),
    category: fc.constantFrom(...CATEGORIES),
    insuredCity: fc.oneof(fc.constantFrom("重庆", " 重庆 ", "成都", ""), nastyString),
    districtCode: fc.constantFrom("500103", "500112", ""),
    benefitStatus: fc.constantFrom("NORMAL", "SUSPENDED", "WAITING", "ENDED" as const),
    activeLinkage: fc.option(
      fc.record({
        role: fc.constantFrom("USER", "PROVIDER" as const),
        linkageId: fc.integer({ min: 1, max: 3 }),
      }),
      { nil: null },
    ),
  }) as fc.Arbitrary<linkage.LinkageParty>;

  it("checkLinkage refuses with named rules exactly when a rule is broken", () => {
    run(
      fc.property(party, party, (user, provider) => {
        const check = linkage.checkLinkage(user, provider);
        const broken =
          user.personId === provider.personId ||
          user.activeLinkage !== null ||
          provider.activeLinkage !== null ||
          user.category === "RESIDENT" ||
          provider.category === "RESIDENT" ||
          user.insuredCity.trim() !== linkage.HOME_CITY ||
          provider.insuredCity.trim() !== linkage.HOME_CITY ||
          user.benefitStatus !== "NORMAL" ||
          provider.benefitStatus !== "NORMAL";
        expect(check.ok).toBe(!broken);
        if (!check.ok) {
          for (const r of check.refusals) {
            expect(Object.keys(linkage.LINKAGE_RULE_LABEL)).toContain(r.rule);
            expect(r.message.startsWith("【")).toBe(true);
          }
        }
      }),
    );
  });

  it("canSpendFrom: only the user of an active linkage spends the provider's money, never the reverse", () => {
    const link = fc.option(
      fc.record({
        status: fc.constantFrom("ACTIVE", "CANCELLED" as const),
        userPersonId: fc.integer({ min: 1, max: 3 }),
        providerPersonId: fc.integer({ min: 1, max: 3 }),
      }),
      { nil: null },
    );
    run(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        link,
        (spender, owner, l) => {
          const may = linkage.canSpendFrom(spender, owner, l as linkage.LinkageForSpending);
          if (spender === owner) expect(may).toBe(true);
          else if (may)
            expect(l?.status === "ACTIVE" && l.userPersonId === spender && l.providerPersonId === owner).toBe(
              true,
            );
          if (
            l &&
            spender !== owner &&
            spender === l.providerPersonId &&
            owner === l.userPersonId &&
            l.userPersonId !== l.providerPersonId
          ) {
            expect(may).toBe(false);
          }
        },
      ),
    );
  });

  it("readLinkageDocuments reads any stored JSON as five booleans; missing lists the unticked papers", () => {
    run(
      fc.property(anyValue, (value) => {
        const docs = linkage.readLinkageDocuments(value);
        expect(Object.values(docs).every((v) => typeof v === "boolean")).toBe(true);
        expect(Object.keys(docs)).toHaveLength(linkage.LINKAGE_DOCUMENTS.length);
        expect(linkage.missingLinkageDocuments(docs)).toHaveLength(
          Object.values(docs).filter((v) => !v).length,
        );
      }),
    );
  });

  it("lockout: five failures in a row lock for 15 minutes; a success unlocks; minutes left are never negative", () => {
    const state = fc.record({
      failedLogins: fc.integer({ min: 0, max: 10 }),
      lockedUntil: fc.option(anyDate, { nil: null }),
    });
    run(
      fc.property(
        state,
        anyDate,
        fc.array(fc.boolean(), { maxLength: 8 }),
        nastyString,
        (start, now, attempts, personal) => {
          expect(lockout.minutesLeft(start, now)).toBeGreaterThanOrEqual(0);
          expect(typeof lockout.isLocked(start, now)).toBe("boolean");
          let s: lockout.LockState = { failedLogins: 0, lockedUntil: null };
          for (let i = 0; i < 5; i++) s = lockout.afterAttempt(s, now, false);
          if (Number.isFinite(now.getTime() + 15 * 60_000) && Math.abs(now.getTime()) < 8.64e15 - 1e9) {
            expect(lockout.isLocked(s, now)).toBe(true);
            expect(lockout.minutesLeft(s, now)).toBe(15);
          }
          for (const ok of attempts) s = lockout.afterAttempt(s, now, ok);
          if (attempts.at(-1) === true) expect(s).toEqual({ failedLogins: 0, lockedUntil: null });
          expect(lockout.initialPassword(personal)).toBe(personal.slice(-6));
        },
      ),
    );
  });

  it("assertAcceptablePassword accepts only 8–64 characters with a letter and a digit and no forbidden part", () => {
    const pw = fc.oneof(fc.stringMatching(/^[A-Za-z0-9!@#]{6,70}$/), nastyString);
    run(
      fc.property(
        pw,
        fc.array(fc.oneof(fc.stringMatching(/^\d{6}$/), nastyString), { maxLength: 2 }),
        (p, forbidden) => {
          const r = outcome(() => password.assertAcceptablePassword(p, forbidden));
          const valid =
            p.length >= 8 &&
            p.length <= 64 &&
            /[A-Za-z]/.test(p) &&
            /\d/.test(p) &&
            !forbidden.some((f) => f.length > 0 && p.includes(f));
          expect(r.ok).toBe(valid);
        },
      ),
    );
  });

  it.skipIf(WindowLimiter === undefined)(
    "WindowLimiter lets at most `limit` attempts per key through in a window and remembers at most maxKeys",
    () => {
      const Limiter = WindowLimiter!;
      const step = fc.record({
        key: fc.constantFrom("a", "b", "c", "d", "__proto__"),
        advance: fc.integer({ min: 0, max: 400 }),
      });
      run(
        fc.property(
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 1_000 }),
          fc.integer({ min: 1, max: 3 }),
          fc.array(step, { maxLength: 40 }),
          (limit, windowMs, maxKeys, steps) => {
            const limiter = new Limiter(limit, windowMs, maxKeys);
            const taken = new Map<string, number[]>();
            let now = 0;
            for (const s of steps) {
              now += s.advance;
              if (limiter.take(s.key, now)) taken.set(s.key, [...(taken.get(s.key) ?? []), now]);
            }
            // Evicting a key (more keys than maxKeys) forgets its count by design; the bound holds otherwise.
            // A fixed window: it opens with the first attempt after the last one closed (always let through)
            // and lasts windowMs. (Checking every sliding interval was wrong: two windows back to back may
            // let 2 × limit through within windowMs, as a fixed-window counter does.)
            if (new Set(steps.map((s) => s.key)).size <= maxKeys) {
              for (const times of taken.values()) {
                let opened = Number.NEGATIVE_INFINITY;
                let count = 0;
                for (const t of times) {
                  if (t - opened >= windowMs) [opened, count] = [t, 0];
                  count += 1;
                  expect(count).toBeLessThanOrEqual(limit);
                }
              }
            }
            expect(
              (limiter as unknown as { windows: Map<string, unknown> }).windows.size,
            ).toBeLessThanOrEqual(maxKeys);
          },
        ),
      );
      run(fc.property(nastyString, nastyNumber, (key, now) => void new Limiter(3, 1000).take(key, now)));
    },
  );

  it.skipIf(typeof rl.windowAt !== "function")(
    "sliding-window rules: windows tile time, capacity stays in 0..limit, the promised retry moment is allowed",
    () => {
      const rule = fc.oneof(
        fc.constantFrom(...Object.values(rl.RATE_LIMITS ?? {})),
        fc.record({
          limit: fc.integer({ min: 1, max: 50 }),
          windowMs: fc.integer({ min: 1, max: 20 }).map((s) => s * 1000),
        }),
      );
      const now = fc.integer({ min: 0, max: 4_000_000_000_000 });
      run(
        fc.property(rule, now, fc.nat(120), fc.nat(120), (r, t, previousHits, currentHits) => {
          const w = rl.windowAt!(r, t);
          expect(w.start <= t && t < w.end).toBe(true);
          expect(w.end - w.start).toBe(r.windowMs);
          expect(w.start % r.windowMs).toBe(0);
          const capacity = rl.capacityAt!(r, previousHits, t);
          expect(capacity >= 0 && capacity <= r.limit).toBe(true);
          expect(rl.capacityAt!(r, previousHits + 1, t) <= capacity).toBe(true);
          const counts = { previousHits, currentHits };
          expect(rl.isAllowed!(r, counts, t)).toBe(currentHits < capacity);
          const at = rl.nextAllowedAt!(r, counts, t);
          expect(at >= t).toBe(true);
          const later =
            at >= w.end + r.windowMs
              ? { previousHits: 0, currentHits: 0 }
              : at >= w.end
                ? { previousHits: currentHits, currentHits: 0 }
                : counts;
          expect(rl.isAllowed!(r, later, at)).toBe(true);
          const retry = rl.retryAfterSeconds!(r, counts, t);
          expect(Number.isInteger(retry) && retry >= 1).toBe(true);
        }),
      );
    },
  );

  it.skipIf(typeof rl.addressKey !== "function")(
    "addressKey, principalKey and the wait messages: text for any input, never a throw",
    () => {
      run(
        fc.property(
          fc.oneof(nastyString, fc.ipV4(), fc.ipV6(), fc.constant(null), fc.constant(undefined)),
          nastyNumber,
          (ip, seconds) => {
            const k = rl.addressKey!(ip);
            if (k !== null) {
              expect(typeof k).toBe("string");
              expect(k.length).toBeLessThanOrEqual(80);
              expect(
                rl.addressKey!(k.startsWith("other:") ? k.slice(6) : k.replace(/::\/64$/, "::1")),
              ).not.toBeNull();
            }
            if (
              typeof ip === "string" &&
              /^\d+\.\d+\.\d+\.\d+$/.test(ip) &&
              ip.split(".").every((p) => String(Number(p)) === p && Number(p) < 256)
            ) {
              expect(k).toBe(ip);
            }
            expect(rl.principalKey!({ role: "person", id: 7 })).toBe("person:7");
            for (const f of [rl.waitText, rl.signInThrottledMessage, rl.rateLimitedMessage]) {
              expect(typeof f!(seconds)).toBe("string");
            }
          },
        ),
      );
    },
  );

  it("checkRetirement: eligible exactly when nothing is short; a lump sum only for short months; else a DomainError", () => {
    const months = fc.oneof(fc.integer({ min: 0, max: 600 }), nastyNumber);
    run(
      fc.property(
        fc.constantFrom("M", "F" as const),
        months,
        months,
        fc.option(nastyBigint, { nil: null }),
        (gender, total, local, base) => {
          const r = outcome(() =>
            retirement.checkRetirement({
              gender: gender as "M" | "F",
              totalMonths: total,
              localMonths: local,
              unitAverageBaseFen: base,
            }),
          );
          if (!r.ok) return;
          const c = r.value;
          expect(c.eligible).toBe(c.monthsShort === 0 && c.localMonthsShort === 0);
          expect(c.monthsShort).toBe(Math.max(0, c.requiredMonths - total));
          // base × months short × rate, rounded once to the fen: a base of a few fen may round to 0.
          if (c.monthsShort === 0) expect(c.lumpSumFen).toBe(0n);
          else {
            const [whole = "", fraction = ""] = c.lumpSumRate.split(".");
            const scale = 10n ** BigInt(fraction.length);
            const exact = base! * BigInt(c.monthsShort) * BigInt(whole + fraction);
            expect(abs(c.lumpSumFen * scale - exact) * 2n <= scale).toBe(true);
          }
          expect(c.lumpSumFen >= 0n).toBe(true);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe("unit-query, verification-code, working-days", () => {
  covers("unit-query", ["readUnitQuery", "readUnitSearchParams", "unitQueryString"]);
  covers("verification-code", [
    "deriveVerificationKey",
    "formatCode",
    "issueCode",
    "normalizeCode",
    "checkCode",
    "documentExpiry",
    "isDocumentExpired",
  ]);
  covers("working-days", ["isWorkingDay", "addWorkingDays"]);

  it("readUnitQuery: bounded values or a reported problem; unitQueryString round-trips what it keeps", () => {
    const value = fc.oneof(
      nastyString,
      fc.integer({ min: -5, max: 3_000_000_000 }).map(String),
      fc.constant(undefined),
      fc.array(nastyString, { maxLength: 2 }),
    );
    const params = fc.dictionary(
      fc.constantFrom("unit", "q", "after", "before", "size", "constructor"),
      value,
      { maxKeys: 6 },
    );
    run(
      fc.property(params, (p) => {
        const { query, problems } = unitQuery.readUnitSearchParams(p);
        for (const key of ["after", "before"] as const) {
          const v = query[key];
          if (v !== undefined) expect(Number.isInteger(v) && v >= 1 && v <= unitQuery.MAX_CURSOR).toBe(true);
        }
        if (query.size !== undefined) expect(query.size >= 1 && query.size <= unitQuery.MAX_SIZE).toBe(true);
        if (query.unit !== undefined) expect(query.unit.length).toBeLessThanOrEqual(64);
        if (query.q !== undefined) expect(query.q.length).toBeLessThanOrEqual(50);
        for (const k of Object.keys(problems)) expect(["after", "before", "size"]).toContain(k);
        const text = unitQuery.unitQueryString(query, ["unit", "q", "after", "before", "size"]);
        const again = unitQuery.readUnitQuery((name) => new URLSearchParams(text).get(name));
        expect(again.problems).toEqual({});
        expect(again.query.after).toBe(query.after);
        expect(again.query.size).toBe(query.size);
        expect(unitQuery.readUnitQuery(() => null)).toEqual({ query: {}, problems: {} });
      }),
    );
  });

  const key = verificationCode.deriveVerificationKey("fuzz-secret-that-is-at-least-32-characters-long");
  const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  it("issueCode → checkCode accepts; one changed character is refused; any text is answered without throwing", () => {
    run(
      fc.property(
        fc.constantFrom("STATEMENT", "PROOF" as const),
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        fc.nat(19),
        fc.nat(30),
        (kind, bytes, at, shift) => {
          const code = verificationCode.issueCode(
            kind as verificationCode.DocumentKindName,
            key,
            () => bytes,
          );
          const check = verificationCode.checkCode(code, key);
          expect(check).toEqual({ ok: true, code, kind });
          expect(verificationCode.checkCode(code.toLowerCase().replaceAll("-", " "), key).ok).toBe(true);
          const canonical = verificationCode.normalizeCode(code)!;
          const replaced = ALPHABET[(ALPHABET.indexOf(canonical[at]!) + 1 + shift) % ALPHABET.length]!;
          const mutated = canonical.slice(0, at) + replaced + canonical.slice(at + 1);
          expect(verificationCode.checkCode(mutated, key).ok).toBe(false);
          expect(verificationCode.formatCode(canonical)).toBe(code);
        },
      ),
    );
    run(
      fc.property(fc.oneof(nastyString, fc.stringMatching(/^[0-9A-Za-z-]{20,24}$/)), (text) => {
        const n = verificationCode.normalizeCode(text);
        if (n !== null) expect(n).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
        const c = verificationCode.checkCode(text, key);
        if (c.ok) expect(c.kind === "STATEMENT" || c.kind === "PROOF").toBe(true);
        else expect(c.message.length).toBeGreaterThan(0);
        expect(typeof verificationCode.formatCode(text)).toBe("string");
      }),
    );
  });

  it("deriveVerificationKey needs 32 characters (RangeError, documented); documents expire 90 days after issue", () => {
    run(
      fc.property(
        nastyString,
        anyDate,
        anyDate,
        fc.constantFrom("STATEMENT", "PROOF" as const),
        (secret, issuedAt, now, kind) => {
          const r = outcome(() => verificationCode.deriveVerificationKey(secret), { rangeError: true });
          if (r.ok) expect(r.value).toHaveLength(32);
          else expect(secret.length).toBeLessThan(32);
          const expires = verificationCode.documentExpiry(
            kind as verificationCode.DocumentKindName,
            issuedAt,
          );
          if (!Number.isNaN(expires.getTime()))
            expect(expires.getTime() - issuedAt.getTime()).toBe(90 * 86_400_000);
          expect(verificationCode.isDocumentExpired(expires, now)).toBe(expires.getTime() <= now.getTime());
        },
      ),
    );
  });

  it("addWorkingDays lands on a working day after exactly n working days; a non-date is a RangeError (documented)", () => {
    run(
      fc.property(recentDay, fc.integer({ min: 0, max: 60 }), (day, n) => {
        const result = workingDays.addWorkingDays(day, n);
        expect(result).toMatch(DAY_FORMAT);
        if (n === 0) {
          expect(result).toBe(day);
          return;
        }
        expect(result > day).toBe(true);
        expect(workingDays.isWorkingDay(result)).toBe(true);
        let count = 0;
        for (let d = new Date(`${day}T00:00:00Z`); d.toISOString().slice(0, 10) < result; ) {
          d.setUTCDate(d.getUTCDate() + 1);
          if (workingDays.isWorkingDay(d.toISOString().slice(0, 10))) count += 1;
        }
        expect(count).toBe(n);
      }),
    );
    run(
      fc.property(dayLike, nastyNumber, (day, n) => {
        outcome(() => workingDays.isWorkingDay(day), { rangeError: true });
        fc.pre(!(Number.isInteger(n) && n > 10_000));
        outcome(() => workingDays.addWorkingDays(day, n), { rangeError: true });
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
/**
 * The request-edge rules of issue 9 (items 6 and 7), written while this file was: read through views, so
 * the properties run when the modules are there and are skipped (and listed as missing) when they change.
 */
interface OriginRequestView {
  method: string;
  pathname: string;
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  trustProxy: boolean;
}
const originCheck = MODULES["origin-check"] as
  | {
      checkOrigin?: (r: OriginRequestView) => string;
      ownOrigin?: (r: OriginRequestView) => string | null;
      isRefused?: (verdict: string) => boolean;
    }
  | undefined;
const securityHeaders = MODULES["security-headers"] as
  | {
      contentSecurityPolicy?: (nonce: string, options: { dev: boolean; https: boolean }) => string;
      nonceOf?: (csp: string | null | undefined) => string | null;
      mustNotBeStored?: (pathname: string) => boolean;
    }
  | undefined;
const sessionTimeouts = MODULES["session-timeouts"] as
  | {
      sessionExpired?: (
        now: number,
        signedInAt: unknown,
        lastSeenAt: unknown,
        role: unknown,
      ) => string | null;
      lastSeenIsStale?: (now: number, lastSeenAt: unknown) => boolean;
    }
  | undefined;

describe("origin-check, security-headers, session-timeouts", () => {
  covers("origin-check", ["checkOrigin", "ownOrigin", "isRefused"]);
  covers("security-headers", ["contentSecurityPolicy", "nonceOf", "mustNotBeStored"]);
  covers("session-timeouts", ["sessionExpired", "lastSeenIsStale"]);

  const hostLike = fc.oneof(
    fc.constantFrom("portal.example", "localhost:3000", "127.0.0.1:4100", "evil.example"),
    nastyString,
  );
  const originLike = fc.oneof(
    fc.constantFrom(
      "http://portal.example",
      "https://portal.example",
      "http://localhost:3000",
      "null",
      "https://evil.example",
    ),
    fc.webUrl(),
    nastyString,
  );
  const request = fc.record({
    method: fc.oneof(
      fc.constantFrom("GET", "get", "HEAD", "OPTIONS", "POST", "post", "PUT", "PATCH", "DELETE"),
      nastyString,
    ),
    pathname: fc.oneof(
      fc.constantFrom("/", "/me", "/api/v1/settlements", "/api/v1/settlements/", "/api/v1/me/card/pre-loss"),
      nastyString,
    ),
    origin: fc.option(originLike, { nil: null }),
    host: fc.option(hostLike, { nil: null }),
    forwardedHost: fc.option(hostLike, { nil: null }),
    forwardedProto: fc.option(fc.oneof(fc.constantFrom("https", "http", "https, http"), nastyString), {
      nil: null,
    }),
    trustProxy: fc.boolean(),
  });

  it.skipIf(typeof originCheck?.checkOrigin !== "function")(
    "checkOrigin: a mutation passes only with an Origin equal to the portal's own; never throws",
    () => {
      const { checkOrigin, ownOrigin, isRefused } = originCheck as Required<NonNullable<typeof originCheck>>;
      run(
        fc.property(request, (r) => {
          const verdict = checkOrigin(r);
          expect(["safe-method", "exempt", "same-origin", "missing", "foreign"]).toContain(verdict);
          if (["GET", "HEAD", "OPTIONS"].includes(r.method.toUpperCase()))
            expect(verdict).toBe("safe-method");
          if (verdict === "same-origin") {
            const own = ownOrigin(r);
            expect(own).not.toBeNull();
            expect(new URL(r.origin!.trim()).origin).toBe(own);
          }
          if (
            verdict !== "safe-method" &&
            verdict !== "exempt" &&
            (r.origin === null || r.origin.trim() === "")
          ) {
            expect(isRefused(verdict)).toBe(true);
          }
          const own = ownOrigin(r);
          if (own !== null) expect(/^https?:\/\//.test(own) && new URL(own).origin === own).toBe(true);
        }),
      );
    },
  );

  it.skipIf(typeof securityHeaders?.contentSecurityPolicy !== "function")(
    "contentSecurityPolicy carries the nonce and no inline scripts; a bad nonce is refused; mustNotBeStored never throws",
    () => {
      const { contentSecurityPolicy, nonceOf, mustNotBeStored } = securityHeaders as Required<
        NonNullable<typeof securityHeaders>
      >;
      const nonce = fc.stringMatching(/^[A-Za-z0-9+/_-]{16,44}={0,2}$/);
      run(
        fc.property(nonce, fc.boolean(), fc.boolean(), nastyString, (n, dev, https, bad) => {
          const csp = contentSecurityPolicy(n, { dev, https });
          expect(csp).not.toMatch(/[\r\n]/);
          expect(nonceOf(csp)).toBe(n);
          const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
          expect(scriptSrc).not.toContain("'unsafe-inline'");
          expect(csp).toContain("frame-ancestors 'none'");
          try {
            const other = contentSecurityPolicy(bad, { dev, https });
            expect(nonceOf(other)).toBe(bad);
          } catch (error) {
            expect(String(error)).toMatch(/nonce/);
          }
          expect(typeof mustNotBeStored(bad)).toBe("boolean");
          expect(mustNotBeStored(`/api/${bad}`) && mustNotBeStored("/me")).toBe(true);
          expect(typeof nonceOf(bad)).not.toBe("undefined");
        }),
      );
    },
  );

  it.skipIf(typeof sessionTimeouts?.sessionExpired !== "function")(
    "sessionExpired: malformed for any odd token, else ends exactly past the idle or absolute limit",
    () => {
      const { sessionExpired } = sessionTimeouts as Required<NonNullable<typeof sessionTimeouts>>;
      const now = 1_800_000_000_000;
      run(
        fc.property(anyValue, anyValue, anyValue, (signedInAt, lastSeenAt, role) => {
          expect([null, "idle", "absolute", "malformed"]).toContain(
            sessionExpired(now, signedInAt, lastSeenAt, role),
          );
        }),
      );
      run(
        fc.property(
          fc.constantFrom("person", "clerk", "staff"),
          fc.integer({ min: 0, max: 20 * 3_600_000 }),
          fc.integer({ min: 0, max: 2 * 3_600_000 }),
          (role, age, idle) => {
            fc.pre(idle <= age);
            const end = sessionExpired(now, now - age, now - idle, role);
            const limits = { person: [30, 12], clerk: [30, 12], staff: [15, 8] }[role]!;
            const expected =
              age > limits[1]! * 3_600_000 ? "absolute" : idle > limits[0]! * 60_000 ? "idle" : null;
            expect(end).toBe(expected);
          },
        ),
      );
    },
  );
  it.skipIf(typeof sessionTimeouts?.lastSeenIsStale !== "function")(
    "lastSeenIsStale: a boolean for any recorded time; an unreadable one is stale, the present moment is not",
    () => {
      const { lastSeenIsStale } = sessionTimeouts as Required<NonNullable<typeof sessionTimeouts>>;
      const now = 1_800_000_000_000;
      run(
        fc.property(anyValue, fc.integer({ min: 0, max: 48 * 3_600_000 }), (recorded, ago) => {
          expect(typeof lastSeenIsStale(now, recorded)).toBe("boolean");
          if (typeof recorded !== "number") expect(lastSeenIsStale(now, recorded)).toBe(true);
          expect(lastSeenIsStale(now, now)).toBe(false);
          // Staleness only grows with age.
          if (lastSeenIsStale(now, now - ago)) expect(lastSeenIsStale(now, now - ago - 1)).toBe(true);
        }),
      );
    },
  );
});

// ---------------------------------------------------------------------------------------------------
describe("coverage of lib/domain", () => {
  it("fuzzes every exported function of every module in lib/domain (a new one must be added here)", () => {
    const missing: string[] = [];
    let functions = 0;
    for (const [name, mod] of Object.entries(MODULES)) {
      for (const [exported, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        functions += 1;
        if (!covered.get(name)?.has(exported)) missing.push(`${name}.${exported}`);
      }
    }
    expect(missing).toEqual([]);
    console.log(`domain fuzz: ${DOMAIN_FILES.length} modules, ${functions} exported functions, all fuzzed`);
  });
});
