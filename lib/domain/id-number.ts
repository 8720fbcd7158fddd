import { DomainError } from "./errors";
import { normalizeInput } from "./input";

export type Gender = "M" | "F";

export interface IdNumber {
  /** Normalised: trimmed, half-width, check character "X" upper case. */
  value: string;
  areaCode: string;
  /** "YYYY-MM-DD" */
  birthDate: string;
  gender: Gender;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/**
 * First two digits of GB/T 2260 province-level codes (incl. 71 Taiwan, 81 Hong Kong, 82 Macao and 83 for
 * Taiwan residence permits). The full area code is not checked against a list: people born elsewhere
 * and codes of abolished counties are valid.
 */
const PROVINCE_CODES = new Set(
  `11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45
  46 50 51 52 53 54 61 62 63 64 65 71 81 82 83`.split(/\s+/),
);

const EARLIEST_BIRTH = 19000101;
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

function invalid(message: string, reason: string): DomainError {
  return new DomainError("INVALID_ID_NUMBER", message, { details: { reason } });
}

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("idCheckChar: expected 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  }
  return CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const monthDays = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= monthDays[month - 1]!;
}

/**
 * Today's date as YYYYMMDD in China time (UTC+8, no daylight saving), whatever the server's time zone,
 * so someone born today in Chongqing is accepted on a server running in UTC.
 */
function chinaDateKey(now: Date): number {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError("today is an invalid Date");
  const shifted = new Date(ms + CHINA_UTC_OFFSET_MS);
  return shifted.getUTCFullYear() * 10000 + (shifted.getUTCMonth() + 1) * 100 + shifted.getUTCDate();
}

/**
 * Validates a resident ID number and derives area code, birth date and gender from it.
 * Accepts surrounding spaces, full-width digits and a lower-case "x". Each failure has its own message.
 */
export function parseIdNumber(input: string, today: Date = new Date()): IdNumber {
  const value = normalizeInput(input).toUpperCase();
  if (value === "") throw invalid("请输入身份证号", "EMPTY");
  const length = Array.from(value).length;
  if (length !== 18) throw invalid(`身份证号长度应为18位，当前为${length}位`, "LENGTH");
  if (!/^\d{17}[\dX]$/.test(value)) {
    throw invalid("身份证号格式不正确：前17位应为数字，最后一位应为数字或X", "FORMAT");
  }
  if (!PROVINCE_CODES.has(value.slice(0, 2))) throw invalid("身份证号前6位地区码无效", "AREA");

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (!isCalendarDate(year, month, day)) throw invalid("身份证号中的出生日期无效", "BIRTH_DATE");
  const birthKey = year * 10000 + month * 100 + day;
  if (birthKey < EARLIEST_BIRTH) {
    throw invalid("身份证号中的出生日期无效：不能早于1900年", "BIRTH_DATE_TOO_EARLY");
  }
  if (birthKey > chinaDateKey(today)) {
    throw invalid("身份证号中的出生日期无效：不能晚于今天", "BIRTH_DATE_IN_FUTURE");
  }

  if (idCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    throw invalid("身份证号校验位不正确，请核对后重新输入", "CHECK_CHAR");
  }

  return {
    value,
    areaCode: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    gender: Number(value.charAt(16)) % 2 === 1 ? "M" : "F",
  };
}

export function isIdNumber(input: string, today: Date = new Date()): boolean {
  try {
    parseIdNumber(input, today);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds a valid ID number (for test data and seeds). The sequence's parity sets the gender:
 * odd = male, even = female. Throws RangeError on bad arguments: a caller bug, not user input.
 * The birth date is not compared with today, so a seed can be generated for any fixed "today".
 */
export function makeIdNumber(areaCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(areaCode) || !PROVINCE_CODES.has(areaCode.slice(0, 2))) {
    throw new RangeError(`makeIdNumber: invalid area code "${areaCode}"`);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const [, y = "", m = "", d = ""] = date ?? [];
  if (!date || !isCalendarDate(Number(y), Number(m), Number(d)) || Number(y) < 1900) {
    throw new RangeError(`makeIdNumber: invalid birth date "${birthDate}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`makeIdNumber: sequence ${sequence} is not an integer in 0..999`);
  }
  const first17 = `${areaCode}${y}${m}${d}${String(sequence).padStart(3, "0")}`;
  return first17 + idCheckChar(first17);
}
