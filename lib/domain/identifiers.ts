import { DomainError, isDomainError } from "./errors";
import { parseIdNumber } from "./id-number";
import { normalizeInput } from "./input";

const CARD_NUMBER = /^[A-Z]\d{8}$/;
const TEN_DIGITS = /^\d{10}$/;

/** GB 32100-2015: digits and upper-case letters without I, O, Z, S, V. */
const CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

function fail(code: string, message: string, reason: string): DomainError {
  return new DomainError(code, message, { details: { reason } });
}

/** 社会保障卡号: one letter and 8 digits; lower-case input is accepted and returned upper case. */
export function parseCardNumber(input: string): string {
  const value = normalizeInput(input).toUpperCase();
  if (value === "") throw fail("INVALID_CARD_NUMBER", "请输入社会保障卡号", "EMPTY");
  if (!CARD_NUMBER.test(value)) {
    throw fail("INVALID_CARD_NUMBER", "社会保障卡号应为1位大写字母加8位数字", "FORMAT");
  }
  return value;
}

export function isCardNumber(input: string): boolean {
  return CARD_NUMBER.test(normalizeInput(input).toUpperCase());
}

/** 个人编号: 10 digits. */
export function parsePersonalNumber(input: string): string {
  const value = normalizeInput(input);
  if (value === "") throw fail("INVALID_PERSONAL_NUMBER", "请输入个人编号", "EMPTY");
  if (!TEN_DIGITS.test(value)) throw fail("INVALID_PERSONAL_NUMBER", "个人编号应为10位数字", "FORMAT");
  return value;
}

export function isPersonalNumber(input: string): boolean {
  return TEN_DIGITS.test(normalizeInput(input));
}

/** 单位编号: 10 digits. */
export function parseUnitNumber(input: string): string {
  const value = normalizeInput(input);
  if (value === "") throw fail("INVALID_UNIT_NUMBER", "请输入单位编号", "EMPTY");
  if (!TEN_DIGITS.test(value)) throw fail("INVALID_UNIT_NUMBER", "单位编号应为10位数字", "FORMAT");
  return value;
}

export function isUnitNumber(input: string): boolean {
  return TEN_DIGITS.test(normalizeInput(input));
}

/** GB 32100-2015 check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError("creditCodeCheckChar: expected 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`creditCodeCheckChar: invalid character "${first17.charAt(i)}"`);
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS.charAt((31 - (sum % 31)) % 31);
}

/** 统一社会信用代码: 18 characters, last one a GB 32100 check character. Returned upper case. */
export function parseCreditCode(input: string): string {
  const value = normalizeInput(input).toUpperCase();
  const code = "INVALID_CREDIT_CODE";
  if (value === "") throw fail(code, "请输入统一社会信用代码", "EMPTY");
  const length = Array.from(value).length;
  if (length !== 18) throw fail(code, `统一社会信用代码应为18位，当前为${length}位`, "LENGTH");
  for (const ch of value) {
    if (!CREDIT_CODE_CHARS.includes(ch)) {
      throw fail(code, "统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）", "FORMAT");
    }
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    throw fail(code, "统一社会信用代码校验位不正确，请核对后重新输入", "CHECK_CHAR");
  }
  return value;
}

export function isCreditCode(input: string): boolean {
  try {
    parseCreditCode(input);
    return true;
  } catch {
    return false;
  }
}

export type LoginId =
  | { kind: "cardNumber"; value: string }
  | { kind: "idNumber"; value: string }
  | { kind: "invalid"; message: string };

/**
 * An insured person signs in with either a card number or an ID number in one field; this says which.
 * An 18-character input is read as an ID number and fully validated, so a typo gets the specific reason
 * (e.g. 校验位不正确). Returns rather than throws: "neither" is an ordinary answer for a sign-in form.
 */
export function classifyLoginId(input: string, today: Date = new Date()): LoginId {
  const value = normalizeInput(input).toUpperCase();
  if (value === "") return { kind: "invalid", message: "请输入社会保障卡号或身份证号" };
  if (CARD_NUMBER.test(value)) return { kind: "cardNumber", value };
  if (value.length === 18) {
    try {
      return { kind: "idNumber", value: parseIdNumber(value, today).value };
    } catch (e) {
      if (isDomainError(e)) return { kind: "invalid", message: e.message };
      throw e;
    }
  }
  if (/^\d{15}$/.test(value)) return { kind: "invalid", message: "请使用18位身份证号登录" };
  return { kind: "invalid", message: "请输入社会保障卡号（1位字母加8位数字）或18位身份证号" };
}
