import { DomainError } from "./errors";
import { normalizeInput } from "./input";

/** Money is integer fen (分) everywhere; never a float. */
export type Fen = bigint;

const MAX_SAFE_FEN = BigInt(Number.MAX_SAFE_INTEGER);

// Either plain digits or correctly grouped thousands ("1,234,567"); at most one leading minus.
const AMOUNT_PATTERN = /^(-)?(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const RATE_PATTERN = /^(\d+)(?:\.(\d+))?$/;

function invalidAmount(message: string, reason: string): DomainError {
  return new DomainError("INVALID_AMOUNT", message, { details: { reason } });
}

/**
 * Parses a yuan amount typed by a person ("19.99", "1,234.5", "-3.00") into fen, exactly.
 * The limit is the safe-integer range in fen (about 90 万亿元), stricter than 1e15 yuan, so every
 * parsed amount can also leave through JSON as a number (see fenToNumber).
 */
export function parseYuan(input: string): Fen {
  const text = normalizeInput(input);
  if (text === "") throw invalidAmount("请输入金额", "EMPTY");
  const match = AMOUNT_PATTERN.exec(text);
  if (!match) throw invalidAmount("金额格式不正确，请输入数字，如 1234.56 或 1,234.56", "FORMAT");
  const [, minus, integerPart = "", fraction = ""] = match;
  if (fraction.length > 2) throw invalidAmount("金额最多保留两位小数（精确到分）", "DECIMALS");
  const digits = integerPart.replaceAll(",", "");
  // Checked on the string first so an absurdly long input never reaches BigInt.
  if (digits.replace(/^0+/, "").length > 14) throw invalidAmount("金额超出允许范围", "RANGE");
  const magnitude = BigInt(digits) * 100n + BigInt(fraction.padEnd(2, "0"));
  if (magnitude > MAX_SAFE_FEN) throw invalidAmount("金额超出允许范围", "RANGE");
  return minus ? -magnitude : magnitude;
}

function formatMagnitude(fen: Fen): string {
  const abs = fen < 0n ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${yuan}.${cents}`;
}

/** "¥1,234.56"; negatives "-¥1,234.56". */
export function formatYuan(fen: Fen): string {
  return `${fen < 0n ? "-" : ""}¥${formatMagnitude(fen)}`;
}

/** "1,234.56"; negatives "-1,234.56". */
export function formatYuanPlain(fen: Fen): string {
  return `${fen < 0n ? "-" : ""}${formatMagnitude(fen)}`;
}

/** "1,234.56元"; negatives "-1,234.56元". */
export function formatYuanSuffix(fen: Fen): string {
  return `${formatYuanPlain(fen)}元`;
}

/**
 * For JSON output. Throws RangeError (a bug, not a user error) rather than lose precision silently.
 */
export function fenToNumber(fen: Fen): number {
  if (fen > MAX_SAFE_FEN || fen < -MAX_SAFE_FEN) {
    throw new RangeError(`amount ${fen} fen is outside the safe integer range`);
  }
  return Number(fen);
}

/**
 * For JSON input, where an amount in fen arrives as a number: fractions and unsafe integers are refused
 * at the boundary instead of being rounded somewhere later.
 */
export function fenFromNumber(value: number): Fen {
  if (!Number.isSafeInteger(value)) {
    throw invalidAmount("金额应为以分为单位的整数", Number.isInteger(value) ? "RANGE" : "FRACTION");
  }
  return BigInt(value);
}

/**
 * numerator / denominator rounded half up, the one rounding rule for money (四舍五入).
 * Symmetric: halves round away from zero, so -2.5 → -3 just as 2.5 → 3. That keeps a reversal exactly
 * the negation of the posting it reverses: roundHalfUp(-n, d) === -roundHalfUp(n, d).
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("roundHalfUp: denominator is zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  if ((n % d) * 2n >= d) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * baseFen × rate, where rate is a decimal string from the policy table ("0.085", "0.015", "0.001").
 * Exact: the rate is scaled to an integer and the product is rounded once, half up, to the fen.
 * A malformed rate is bad policy data, not user input, so it throws RangeError.
 */
export function applyRate(baseFen: Fen, rate: string): Fen {
  const match = RATE_PATTERN.exec(rate);
  if (!match) throw new RangeError(`applyRate: rate "${rate}" is not a non-negative decimal string`);
  const [, whole = "", fraction = ""] = match;
  return roundHalfUp(baseFen * BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}
