import { describe, expect, test } from "vitest";
import { DomainError } from "./errors";
import {
  classifyLoginId,
  creditCodeCheckChar,
  isCardNumber,
  isCreditCode,
  isPersonalNumber,
  isUnitNumber,
  parseCardNumber,
  parseCreditCode,
  parsePersonalNumber,
  parseUnitNumber,
} from "./identifiers";

const TODAY = new Date("2025-06-15T04:00:00Z");

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("card number 社会保障卡号", () => {
  test.each([
    { label: "canonical form", input: "A10000001", expected: "A10000001" },
    { label: "lower-case letter is upper-cased", input: "a10000001", expected: "A10000001" },
    { label: "surrounding spaces trimmed", input: " Z99999999 ", expected: "Z99999999" },
    { label: "full-width input folded", input: "Ｂ１２３４５６７８", expected: "B12345678" },
    { label: "all-zero digits", input: "C00000000", expected: "C00000000" },
  ])("accepts $label", ({ input, expected }) => {
    expect(parseCardNumber(input)).toBe(expected);
    expect(isCardNumber(input)).toBe(true);
  });

  test.each([
    { label: "empty", input: "", reason: "EMPTY", message: "请输入社会保障卡号" },
    {
      label: "7 digits",
      input: "A1000000",
      reason: "FORMAT",
      message: "社会保障卡号应为1位大写字母加8位数字",
    },
    {
      label: "9 digits",
      input: "A100000001",
      reason: "FORMAT",
      message: "社会保障卡号应为1位大写字母加8位数字",
    },
    {
      label: "no letter",
      input: "110000001",
      reason: "FORMAT",
      message: "社会保障卡号应为1位大写字母加8位数字",
    },
    {
      label: "two letters",
      input: "AB1000000",
      reason: "FORMAT",
      message: "社会保障卡号应为1位大写字母加8位数字",
    },
    {
      label: "letter at the end",
      input: "10000001A",
      reason: "FORMAT",
      message: "社会保障卡号应为1位大写字母加8位数字",
    },
    {
      label: "space inside",
      input: "A1000 0001",
      reason: "FORMAT",
      message: "社会保障卡号应为1位大写字母加8位数字",
    },
    {
      label: "an ID number",
      input: "500103199001011232",
      reason: "FORMAT",
      message: "社会保障卡号应为1位大写字母加8位数字",
    },
  ])("rejects $label", ({ input, reason, message }) => {
    expect(catchError(() => parseCardNumber(input))).toMatchObject({
      code: "INVALID_CARD_NUMBER",
      message,
      details: { reason },
    });
    expect(isCardNumber(input)).toBe(false);
  });
});

describe("personal number 个人编号 and unit number 单位编号 (10 digits)", () => {
  test.each([
    { label: "10 digits", input: "5001000001", expected: "5001000001" },
    { label: "leading zeros kept", input: "0000000001", expected: "0000000001" },
    { label: "trimmed", input: "  1234567890  ", expected: "1234567890" },
    { label: "full-width digits folded", input: "１２３４５６７８９０", expected: "1234567890" },
  ])("accepts $label", ({ input, expected }) => {
    expect(parsePersonalNumber(input)).toBe(expected);
    expect(parseUnitNumber(input)).toBe(expected);
    expect(isPersonalNumber(input)).toBe(true);
    expect(isUnitNumber(input)).toBe(true);
  });

  test.each([
    { label: "empty", input: " ", reason: "EMPTY", personal: "请输入个人编号", unit: "请输入单位编号" },
    {
      label: "9 digits",
      input: "123456789",
      reason: "FORMAT",
      personal: "个人编号应为10位数字",
      unit: "单位编号应为10位数字",
    },
    {
      label: "11 digits",
      input: "12345678901",
      reason: "FORMAT",
      personal: "个人编号应为10位数字",
      unit: "单位编号应为10位数字",
    },
    {
      label: "a letter",
      input: "12345678A0",
      reason: "FORMAT",
      personal: "个人编号应为10位数字",
      unit: "单位编号应为10位数字",
    },
    {
      label: "a minus sign",
      input: "-123456789",
      reason: "FORMAT",
      personal: "个人编号应为10位数字",
      unit: "单位编号应为10位数字",
    },
    {
      label: "a decimal point",
      input: "12345.6789",
      reason: "FORMAT",
      personal: "个人编号应为10位数字",
      unit: "单位编号应为10位数字",
    },
  ])("rejects $label", ({ input, reason, personal, unit }) => {
    expect(catchError(() => parsePersonalNumber(input))).toMatchObject({
      code: "INVALID_PERSONAL_NUMBER",
      message: personal,
      details: { reason },
    });
    expect(catchError(() => parseUnitNumber(input))).toMatchObject({
      code: "INVALID_UNIT_NUMBER",
      message: unit,
      details: { reason },
    });
    expect(isPersonalNumber(input)).toBe(false);
    expect(isUnitNumber(input)).toBe(false);
  });
});

describe("creditCodeCheckChar", () => {
  test.each([
    { label: "the widely published example", first17: "91350100M000100Y4", expected: "3" },
    { label: "a letter check character", first17: "91500000MA5U00000", expected: "W" },
    { label: "sum % 31 = 0 gives 0, not the 32nd character", first17: "91500103MA0000012", expected: "0" },
    { label: "sum % 31 = 1 gives the last character Y", first17: "91500103MA0000002", expected: "Y" },
    { label: "all digits", first17: "12500000450000000", expected: "2" },
  ])("$label", ({ first17, expected }) => {
    expect(creditCodeCheckChar(first17)).toBe(expected);
  });

  test.each([
    { label: "16 characters", first17: "91350100M000100Y" },
    { label: "18 characters", first17: "91350100M000100Y43" },
    { label: "letter I outside the charset", first17: "91350100I000100Y4" },
    { label: "lower case", first17: "91350100m000100y4" },
  ])("throws RangeError for $label", ({ first17 }) => {
    expect(() => creditCodeCheckChar(first17)).toThrow(RangeError);
  });
});

describe("parseCreditCode 统一社会信用代码", () => {
  test.each([
    { label: "the widely published example", input: "91350100M000100Y43", expected: "91350100M000100Y43" },
    { label: "Chongqing company, letter check", input: "91500000MA5U00000W", expected: "91500000MA5U00000W" },
    { label: "check character 0", input: "91500103MA00000120", expected: "91500103MA00000120" },
    { label: "check character Y", input: "91500103MA0000002Y", expected: "91500103MA0000002Y" },
    { label: "public institution, all digits", input: "125000004500000002", expected: "125000004500000002" },
    { label: "social organisation", input: "52500000MJP000001B", expected: "52500000MJP000001B" },
    { label: "lower case upper-cased", input: "91350100m000100y43", expected: "91350100M000100Y43" },
    { label: "trimmed", input: " 91350100M000100Y43 ", expected: "91350100M000100Y43" },
  ])("accepts $label", ({ input, expected }) => {
    expect(parseCreditCode(input)).toBe(expected);
    expect(isCreditCode(input)).toBe(true);
  });

  const charset = "统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）";
  const check = "统一社会信用代码校验位不正确，请核对后重新输入";
  test.each([
    { label: "empty", input: "", reason: "EMPTY", message: "请输入统一社会信用代码" },
    {
      label: "17 characters",
      input: "91350100M000100Y4",
      reason: "LENGTH",
      message: "统一社会信用代码应为18位，当前为17位",
    },
    {
      label: "old 9-character organisation code",
      input: "M000100Y4",
      reason: "LENGTH",
      message: "统一社会信用代码应为18位，当前为9位",
    },
    { label: "letter O", input: "91350100M000100O43", reason: "FORMAT", message: charset },
    { label: "letter I", input: "I1350100M000100Y43", reason: "FORMAT", message: charset },
    { label: "letter Z", input: "91350100M000100Z43", reason: "FORMAT", message: charset },
    { label: "a hyphen", input: "91350100-000100Y43", reason: "FORMAT", message: charset },
    { label: "wrong check character", input: "91350100M000100Y44", reason: "CHECK_CHAR", message: check },
    {
      label: "32nd value instead of 0 is not in the charset",
      input: "91500103MA0000012Y",
      reason: "CHECK_CHAR",
      message: check,
    },
    { label: "two characters swapped", input: "93150100M000100Y43", reason: "CHECK_CHAR", message: check },
  ])("rejects $label", ({ input, reason, message }) => {
    const error = catchError(() => parseCreditCode(input));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "INVALID_CREDIT_CODE", message, details: { reason } });
    expect(isCreditCode(input)).toBe(false);
  });
});

describe("classifyLoginId", () => {
  const neither = "请输入社会保障卡号（1位字母加8位数字）或18位身份证号";
  test.each([
    { label: "card number", input: "A10000001", expected: { kind: "cardNumber", value: "A10000001" } },
    {
      label: "lower-case card number normalised",
      input: " a10000001 ",
      expected: { kind: "cardNumber", value: "A10000001" },
    },
    {
      label: "valid ID number",
      input: "500103199001011232",
      expected: { kind: "idNumber", value: "500103199001011232" },
    },
    {
      label: "ID number with lower-case x",
      input: "11010519491231002x",
      expected: { kind: "idNumber", value: "11010519491231002X" },
    },
    { label: "empty", input: "  ", expected: { kind: "invalid", message: "请输入社会保障卡号或身份证号" } },
    {
      label: "18 characters with a bad check digit gets the ID number's reason",
      input: "110105194912310021",
      expected: { kind: "invalid", message: "身份证号校验位不正确，请核对后重新输入" },
    },
    {
      label: "18 characters with a future birth date",
      input: "500103202506160019",
      expected: { kind: "invalid", message: "身份证号中的出生日期无效：不能晚于今天" },
    },
    {
      label: "old 15-digit ID number",
      input: "110105491231002",
      expected: { kind: "invalid", message: "请使用18位身份证号登录" },
    },
    {
      label: "personal number is not a sign-in id",
      input: "5001000001",
      expected: { kind: "invalid", message: neither },
    },
    {
      label: "card number with 7 digits",
      input: "A1000000",
      expected: { kind: "invalid", message: neither },
    },
    { label: "a name", input: "张三", expected: { kind: "invalid", message: neither } },
  ])("$label", ({ input, expected }) => {
    expect(classifyLoginId(input, TODAY)).toEqual(expected);
  });
});
