import { describe, expect, test } from "vitest";
import { DomainError } from "./errors";
import {
  applyRate,
  fenFromNumber,
  fenToNumber,
  formatYuan,
  formatYuanPlain,
  formatYuanSuffix,
  parseYuan,
  roundHalfUp,
} from "./money";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("parseYuan accepts", () => {
  test.each([
    { label: "two decimals", input: "19.99", expected: 1999n },
    { label: "thousands separator with one decimal", input: "1,234.5", expected: 123450n },
    { label: "one fen", input: "0.01", expected: 1n },
    { label: "negative with trailing zeros", input: "-3.00", expected: -300n },
    { label: "whole yuan", input: "100", expected: 10000n },
    { label: "zero", input: "0", expected: 0n },
    { label: "negative zero is plain zero", input: "-0.00", expected: 0n },
    { label: "one decimal means ten fen", input: "0.1", expected: 10n },
    { label: "several separators", input: "1,234,567.89", expected: 123456789n },
    { label: "surrounding spaces", input: "  12.30 ", expected: 1230n },
    { label: "full-width digits and full stop from a Chinese IME", input: "１９．９９", expected: 1999n },
    { label: "leading zeros", input: "007", expected: 700n },
    {
      label: "many leading zeros do not count towards the size limit",
      input: "00000000000000000001",
      expected: 100n,
    },
    { label: "largest safe amount", input: "90,071,992,547,409.91", expected: MAX_SAFE },
    { label: "most negative safe amount", input: "-90071992547409.91", expected: -MAX_SAFE },
  ])("$label: $input", ({ input, expected }) => {
    expect(parseYuan(input)).toBe(expected);
  });
});

describe("parseYuan rejects with INVALID_AMOUNT", () => {
  const format = "金额格式不正确，请输入数字，如 1234.56 或 1,234.56";
  test.each([
    { label: "empty", input: "", reason: "EMPTY", message: "请输入金额" },
    { label: "only spaces", input: "   ", reason: "EMPTY", message: "请输入金额" },
    {
      label: "three decimals",
      input: "1.999",
      reason: "DECIMALS",
      message: "金额最多保留两位小数（精确到分）",
    },
    {
      label: "a tenth of a fen",
      input: "0.001",
      reason: "DECIMALS",
      message: "金额最多保留两位小数（精确到分）",
    },
    { label: "letters", input: "abc", reason: "FORMAT", message: format },
    { label: "exponent notation", input: "1e5", reason: "FORMAT", message: format },
    { label: "negative exponent", input: "1E-2", reason: "FORMAT", message: format },
    { label: "hex", input: "0x10", reason: "FORMAT", message: format },
    { label: "Infinity", input: "Infinity", reason: "FORMAT", message: format },
    { label: "misplaced separator", input: "12,34.5", reason: "FORMAT", message: format },
    { label: "separator group too long", input: "1,2345", reason: "FORMAT", message: format },
    { label: "leading group longer than three digits", input: "1234,567", reason: "FORMAT", message: format },
    { label: "no digit before the point", input: ".5", reason: "FORMAT", message: format },
    { label: "no digit after the point", input: "5.", reason: "FORMAT", message: format },
    { label: "double minus", input: "--1", reason: "FORMAT", message: format },
    { label: "plus sign", input: "+1", reason: "FORMAT", message: format },
    { label: "space inside", input: "1 000", reason: "FORMAT", message: format },
    { label: "currency symbol", input: "¥12", reason: "FORMAT", message: format },
    { label: "unit suffix", input: "12元", reason: "FORMAT", message: format },
    {
      label: "one fen over the safe limit",
      input: "90071992547409.92",
      reason: "RANGE",
      message: "金额超出允许范围",
    },
    {
      label: "negative one fen over the limit",
      input: "-90071992547409.92",
      reason: "RANGE",
      message: "金额超出允许范围",
    },
    {
      label: "1e15 yuan written out",
      input: "1000000000000000",
      reason: "RANGE",
      message: "金额超出允许范围",
    },
    {
      label: "a hundred-digit number",
      input: `1${"0".repeat(100)}`,
      reason: "RANGE",
      message: "金额超出允许范围",
    },
  ])("$label: $input", ({ input, reason, message }) => {
    const error = catchError(() => parseYuan(input));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "INVALID_AMOUNT", message, details: { reason } });
  });
});

describe("format", () => {
  test.each([
    { label: "zero", fen: 0n, symbol: "¥0.00", plain: "0.00", suffix: "0.00元" },
    { label: "one fen", fen: 1n, symbol: "¥0.01", plain: "0.01", suffix: "0.01元" },
    { label: "ten fen keeps the zero", fen: 10n, symbol: "¥0.10", plain: "0.10", suffix: "0.10元" },
    { label: "one yuan", fen: 100n, symbol: "¥1.00", plain: "1.00", suffix: "1.00元" },
    {
      label: "three integer digits, no separator",
      fen: 99999n,
      symbol: "¥999.99",
      plain: "999.99",
      suffix: "999.99元",
    },
    { label: "first separator", fen: 123456n, symbol: "¥1,234.56", plain: "1,234.56", suffix: "1,234.56元" },
    {
      label: "millions",
      fen: 100000000n,
      symbol: "¥1,000,000.00",
      plain: "1,000,000.00",
      suffix: "1,000,000.00元",
    },
    {
      label: "negative puts the minus before the symbol",
      fen: -123456n,
      symbol: "-¥1,234.56",
      plain: "-1,234.56",
      suffix: "-1,234.56元",
    },
    { label: "negative one fen", fen: -1n, symbol: "-¥0.01", plain: "-0.01", suffix: "-0.01元" },
    {
      label: "largest safe amount",
      fen: MAX_SAFE,
      symbol: "¥90,071,992,547,409.91",
      plain: "90,071,992,547,409.91",
      suffix: "90,071,992,547,409.91元",
    },
    {
      label: "beyond the safe range still exact",
      fen: 10n ** 20n + 5n,
      symbol: "¥1,000,000,000,000,000,000.05",
      plain: "1,000,000,000,000,000,000.05",
      suffix: "1,000,000,000,000,000,000.05元",
    },
  ])("$label", ({ fen, symbol, plain, suffix }) => {
    expect(formatYuan(fen)).toBe(symbol);
    expect(formatYuanPlain(fen)).toBe(plain);
    expect(formatYuanSuffix(fen)).toBe(suffix);
  });

  test.each([
    { label: "round trip of a positive amount", input: "1,234.56" },
    { label: "round trip of a negative amount", input: "-0.05" },
  ])("$label", ({ input }) => {
    expect(formatYuanPlain(parseYuan(input))).toBe(input);
  });
});

describe("fenToNumber", () => {
  test.each([
    { label: "zero", fen: 0n, expected: 0 },
    { label: "positive", fen: 123456n, expected: 123456 },
    { label: "negative", fen: -123456n, expected: -123456 },
    { label: "largest safe integer", fen: MAX_SAFE, expected: Number.MAX_SAFE_INTEGER },
    { label: "smallest safe integer", fen: -MAX_SAFE, expected: -Number.MAX_SAFE_INTEGER },
  ])("$label", ({ fen, expected }) => {
    expect(fenToNumber(fen)).toBe(expected);
  });

  test.each([
    { label: "one above the safe range", fen: MAX_SAFE + 1n },
    { label: "one below the safe range", fen: -MAX_SAFE - 1n },
    { label: "far beyond", fen: 10n ** 30n },
  ])("throws RangeError: $label", ({ fen }) => {
    expect(() => fenToNumber(fen)).toThrow(RangeError);
  });
});

describe("fenFromNumber", () => {
  test.each([
    { label: "zero", value: 0, expected: 0n },
    { label: "negative zero is zero", value: -0, expected: 0n },
    { label: "positive", value: 1999, expected: 1999n },
    { label: "negative", value: -500, expected: -500n },
    { label: "largest safe integer", value: Number.MAX_SAFE_INTEGER, expected: MAX_SAFE },
  ])("$label", ({ value, expected }) => {
    expect(fenFromNumber(value)).toBe(expected);
  });

  test.each([
    { label: "yuan with a fraction sent by mistake", value: 19.99, reason: "FRACTION" },
    { label: "half a fen", value: 0.5, reason: "FRACTION" },
    { label: "NaN", value: Number.NaN, reason: "FRACTION" },
    { label: "Infinity", value: Number.POSITIVE_INFINITY, reason: "FRACTION" },
    { label: "2^53, an unsafe integer", value: 2 ** 53, reason: "RANGE" },
  ])("rejects $label", ({ value, reason }) => {
    expect(catchError(() => fenFromNumber(value))).toMatchObject({
      code: "INVALID_AMOUNT",
      message: "金额应为以分为单位的整数",
      details: { reason },
    });
  });
});

describe("roundHalfUp", () => {
  test.each([
    { label: "exact division", n: 10n, d: 5n, expected: 2n },
    { label: "below half rounds down", n: 7n, d: 3n, expected: 2n },
    { label: "above half rounds up", n: 8n, d: 3n, expected: 3n },
    { label: "exact half rounds up", n: 5n, d: 2n, expected: 3n },
    { label: "half of one rounds up to one", n: 1n, d: 2n, expected: 1n },
    { label: "just below half stays zero", n: 4999n, d: 10000n, expected: 0n },
    { label: "exactly half of ten thousand rounds up", n: 5000n, d: 10000n, expected: 1n },
    { label: "zero numerator", n: 0n, d: 7n, expected: 0n },
    { label: "negative exact half rounds away from zero", n: -5n, d: 2n, expected: -3n },
    { label: "negative half of one rounds to minus one", n: -1n, d: 2n, expected: -1n },
    { label: "negative below half rounds towards zero", n: -1n, d: 3n, expected: 0n },
    { label: "negative above half rounds away from zero", n: -8n, d: 3n, expected: -3n },
    { label: "negative denominator", n: 5n, d: -2n, expected: -3n },
    { label: "both negative", n: -5n, d: -2n, expected: 3n },
    { label: "beyond 2^53 stays exact", n: 2n * 10n ** 30n + 1n, d: 2n, expected: 10n ** 30n + 1n },
  ])("$label: $n / $d", ({ n, d, expected }) => {
    expect(roundHalfUp(n, d)).toBe(expected);
  });

  test("division by zero is a RangeError", () => {
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe("applyRate", () => {
  test.each([
    {
      label: "22017.00 × 1.5% = 330.255 → 330.26 (float yuan with toFixed(2) gives 330.25)",
      base: 2201700n,
      rate: "0.015",
      expected: 33026n,
    },
    {
      label: "upper base 2025 × unit 8.5% = 1871.445 → 1871.45",
      base: 2201700n,
      rate: "0.085",
      expected: 187145n,
    },
    { label: "upper base 2025 × employee 2% is exact", base: 2201700n, rate: "0.02", expected: 44034n },
    { label: "lower base 2024 × 8.5% = 370.515 → 370.52", base: 435900n, rate: "0.085", expected: 37052n },
    { label: "lower base 2024 × 2% is exact", base: 435900n, rate: "0.02", expected: 8718n },
    { label: "lower base 2024 × LTC 0.1% = 4.359 → 4.36", base: 435900n, rate: "0.001", expected: 436n },
    { label: "exact half fen rounds up", base: 201n, rate: "0.5", expected: 101n },
    { label: "exact half fen at 0.1%", base: 500n, rate: "0.001", expected: 1n },
    { label: "just below half fen rounds down", base: 499n, rate: "0.001", expected: 0n },
    { label: "0.499 fen above a whole amount rounds down", base: 1234499n, rate: "0.001", expected: 1234n },
    {
      label: "negative half fen rounds away from zero (reversal mirrors the posting)",
      base: -201n,
      rate: "0.5",
      expected: -101n,
    },
    { label: "negative base mirrors the positive", base: -2201700n, rate: "0.015", expected: -33026n },
    { label: "zero base", base: 0n, rate: "0.085", expected: 0n },
    { label: "zero rate", base: 2201700n, rate: "0", expected: 0n },
    { label: "zero rate with decimals", base: 2201700n, rate: "0.000", expected: 0n },
    { label: "rate one", base: 12345n, rate: "1", expected: 12345n },
    { label: "rate one with trailing zeros", base: 12345n, rate: "1.00", expected: 12345n },
    { label: "rate above one (300% of average wage)", base: 435900n, rate: "3", expected: 1307700n },
    { label: "four-decimal rate", base: 10000n, rate: "0.0825", expected: 825n },
    { label: "six-decimal rate rounds once, not per digit", base: 300n, rate: "0.333333", expected: 100n },
    { label: "largest safe base × 8.5%", base: MAX_SAFE, rate: "0.085", expected: 765611936652984n },
    {
      label: "largest safe base × 1.5% (…114.865 → …115)",
      base: MAX_SAFE,
      rate: "0.015",
      expected: 135107988821115n,
    },
    {
      label: "beyond the safe range stays exact",
      base: 10n ** 20n,
      rate: "0.015",
      expected: 15n * 10n ** 17n,
    },
  ])("$label", ({ base, rate, expected }) => {
    expect(applyRate(base, rate)).toBe(expected);
  });

  test.each([
    { label: "percent sign", rate: "8.5%" },
    { label: "negative rate", rate: "-0.01" },
    { label: "empty", rate: "" },
    { label: "no leading digit", rate: ".5" },
    { label: "exponent", rate: "1e-3" },
    { label: "surrounding space", rate: " 0.01" },
    { label: "decimal comma", rate: "0,01" },
    { label: "words", rate: "abc" },
  ])("rejects a malformed rate with RangeError: $label", ({ rate }) => {
    expect(() => applyRate(100n, rate)).toThrow(RangeError);
  });
});
