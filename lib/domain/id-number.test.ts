import { describe, expect, test } from "vitest";
import { DomainError } from "./errors";
import { idCheckChar, isIdNumber, makeIdNumber, parseIdNumber } from "./id-number";

const TODAY = new Date("2025-06-15T04:00:00Z");

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("parseIdNumber accepts", () => {
  test.each([
    {
      label: "the well-known example with check X, even sequence → female",
      input: "11010519491231002X",
      expected: { value: "11010519491231002X", areaCode: "110105", birthDate: "1949-12-31", gender: "F" },
    },
    {
      label: "Chongqing 渝中区, odd sequence → male",
      input: "500103199001011232",
      expected: { value: "500103199001011232", areaCode: "500103", birthDate: "1990-01-01", gender: "M" },
    },
    {
      label: "same person number +1, even sequence → female",
      input: "500103199001011240",
      expected: { value: "500103199001011240", areaCode: "500103", birthDate: "1990-01-01", gender: "F" },
    },
    {
      label: "sequence 000 counts as even → female",
      input: "500103199001010002",
      expected: { value: "500103199001010002", areaCode: "500103", birthDate: "1990-01-01", gender: "F" },
    },
    {
      label: "check character 1 (sum % 11 = 0)",
      input: "500108198511200081",
      expected: { value: "500108198511200081", areaCode: "500108", birthDate: "1985-11-20", gender: "F" },
    },
    {
      label: "check character 0",
      input: "500108198511200030",
      expected: { value: "500108198511200030", areaCode: "500108", birthDate: "1985-11-20", gender: "M" },
    },
    {
      label: "29 February of 2000 (divisible by 400, a leap year)",
      input: "500112200002290028",
      expected: { value: "500112200002290028", areaCode: "500112", birthDate: "2000-02-29", gender: "F" },
    },
    {
      label: "area code outside Chongqing (Shenzhen)",
      input: "440304199912310015",
      expected: { value: "440304199912310015", areaCode: "440304", birthDate: "1999-12-31", gender: "M" },
    },
    {
      label: "earliest allowed birth date 1900-01-01",
      input: "500101190001010017",
      expected: { value: "500101190001010017", areaCode: "500101", birthDate: "1900-01-01", gender: "M" },
    },
    {
      label: "lower-case x normalised to X",
      input: "11010519491231002x",
      expected: { value: "11010519491231002X", areaCode: "110105", birthDate: "1949-12-31", gender: "F" },
    },
    {
      label: "surrounding whitespace trimmed",
      input: "  500103199001011232\t",
      expected: { value: "500103199001011232", areaCode: "500103", birthDate: "1990-01-01", gender: "M" },
    },
    {
      label: "full-width digits and Ｘ from a Chinese IME",
      input: "１１０１０５１９４９１２３１００２Ｘ",
      expected: { value: "11010519491231002X", areaCode: "110105", birthDate: "1949-12-31", gender: "F" },
    },
    {
      label: "Taiwan residence permit prefix 83",
      input: "830000199001010012",
      expected: { value: "830000199001010012", areaCode: "830000", birthDate: "1990-01-01", gender: "M" },
    },
  ])("$label", ({ input, expected }) => {
    expect(parseIdNumber(input, TODAY)).toEqual(expected);
  });
});

describe("parseIdNumber rejects with INVALID_ID_NUMBER", () => {
  const format = "身份证号格式不正确：前17位应为数字，最后一位应为数字或X";
  test.each([
    { label: "empty", input: "", reason: "EMPTY", message: "请输入身份证号" },
    { label: "only spaces", input: "   ", reason: "EMPTY", message: "请输入身份证号" },
    {
      label: "17 characters",
      input: "11010519491231002",
      reason: "LENGTH",
      message: "身份证号长度应为18位，当前为17位",
    },
    {
      label: "19 characters",
      input: "11010519491231002X1",
      reason: "LENGTH",
      message: "身份证号长度应为18位，当前为19位",
    },
    {
      label: "old 15-digit number",
      input: "110105491231002",
      reason: "LENGTH",
      message: "身份证号长度应为18位，当前为15位",
    },
    {
      label: "length counts characters, not UTF-16 units",
      input: "𠀀𠀀𠀀",
      reason: "LENGTH",
      message: "身份证号长度应为18位，当前为3位",
    },
    { label: "letter inside the first 17", input: "1101051949123100AX", reason: "FORMAT", message: format },
    { label: "X not in the last place", input: "X10105194912310021", reason: "FORMAT", message: format },
    {
      label: "last character a letter other than X",
      input: "11010519491231002Y",
      reason: "FORMAT",
      message: format,
    },
    { label: "space inside", input: "110105 19491231002", reason: "FORMAT", message: format },
    {
      label: "area code 000000",
      input: "000000199001010018",
      reason: "AREA",
      message: "身份证号前6位地区码无效",
    },
    {
      label: "no province 99",
      input: "990103199001010011",
      reason: "AREA",
      message: "身份证号前6位地区码无效",
    },
    {
      label: "29 February of 1985 (not a leap year)",
      input: "500235198502290016",
      reason: "BIRTH_DATE",
      message: "身份证号中的出生日期无效",
    },
    {
      label: "29 February of 1900 (century, not a leap year)",
      input: "500101190002290014",
      reason: "BIRTH_DATE",
      message: "身份证号中的出生日期无效",
    },
    {
      label: "month 13",
      input: "500103199013010018",
      reason: "BIRTH_DATE",
      message: "身份证号中的出生日期无效",
    },
    {
      label: "day 00",
      input: "500103199001000015",
      reason: "BIRTH_DATE",
      message: "身份证号中的出生日期无效",
    },
    {
      label: "day 32",
      input: "500103199001320019",
      reason: "BIRTH_DATE",
      message: "身份证号中的出生日期无效",
    },
    {
      label: "31 April",
      input: "500103199004310019",
      reason: "BIRTH_DATE",
      message: "身份证号中的出生日期无效",
    },
    {
      label: "born 1899-12-31",
      input: "500101189912310012",
      reason: "BIRTH_DATE_TOO_EARLY",
      message: "身份证号中的出生日期无效：不能早于1900年",
    },
    {
      label: "born after today",
      input: "500103202506160019",
      reason: "BIRTH_DATE_IN_FUTURE",
      message: "身份证号中的出生日期无效：不能晚于今天",
    },
    {
      label: "wrong check digit",
      input: "110105194912310021",
      reason: "CHECK_CHAR",
      message: "身份证号校验位不正确，请核对后重新输入",
    },
    {
      label: "X where a digit is due",
      input: "50010319900101123X",
      reason: "CHECK_CHAR",
      message: "身份证号校验位不正确，请核对后重新输入",
    },
    {
      label: "two digits swapped",
      input: "500103199001012132",
      reason: "CHECK_CHAR",
      message: "身份证号校验位不正确，请核对后重新输入",
    },
  ])("$label", ({ input, reason, message }) => {
    const error = catchError(() => parseIdNumber(input, TODAY));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "INVALID_ID_NUMBER", message, details: { reason } });
  });
});

describe("birth date against today, in China time (UTC+8)", () => {
  const bornOn20240302 = "500103202403020013";
  test.each([
    {
      label: "23:59:59 on 1 March in Chongqing: born 2 March is in the future",
      today: "2024-03-01T15:59:59Z",
      valid: false,
    },
    {
      label: "00:00 on 2 March in Chongqing (still 1 March in UTC): born today is fine",
      today: "2024-03-01T16:00:00Z",
      valid: true,
    },
    { label: "a day later", today: "2024-03-03T00:00:00Z", valid: true },
  ])("$label", ({ today, valid }) => {
    expect(isIdNumber(bornOn20240302, new Date(today))).toBe(valid);
  });

  test("an invalid today is a RangeError, not a silent pass", () => {
    expect(() => parseIdNumber(bornOn20240302, new Date("nonsense"))).toThrow(RangeError);
  });

  test("today defaults to now: a number born in 1990 is valid", () => {
    expect(isIdNumber("500103199001011232")).toBe(true);
  });
});

describe("idCheckChar", () => {
  test.each([
    { label: "X (sum % 11 = 2)", first17: "11010519491231002", expected: "X" },
    { label: "1 (sum % 11 = 0)", first17: "50010819851120008", expected: "1" },
    { label: "0 (sum % 11 = 1)", first17: "50010819851120003", expected: "0" },
    { label: "2", first17: "50010319900101123", expected: "2" },
    { label: "5", first17: "44030419991231001", expected: "5" },
    { label: "6", first17: "50010819851120000", expected: "6" },
    { label: "8", first17: "50010819851120018", expected: "8" },
  ])("$label", ({ first17, expected }) => {
    expect(idCheckChar(first17)).toBe(expected);
  });

  test.each([
    { label: "16 digits", first17: "1101051949123100" },
    { label: "18 digits", first17: "110105194912310021" },
    { label: "a letter", first17: "1101051949123100A" },
  ])("throws RangeError for $label", ({ first17 }) => {
    expect(() => idCheckChar(first17)).toThrow(RangeError);
  });
});

describe("makeIdNumber", () => {
  test.each([
    {
      label: "rebuilds the well-known example",
      area: "110105",
      birth: "1949-12-31",
      seq: 2,
      expected: "11010519491231002X",
      gender: "F",
    },
    {
      label: "odd sequence → male",
      area: "500103",
      birth: "1990-01-01",
      seq: 123,
      expected: "500103199001011232",
      gender: "M",
    },
    {
      label: "sequence 0 is padded to 000",
      area: "500103",
      birth: "1990-01-01",
      seq: 0,
      expected: "500103199001010002",
      gender: "F",
    },
    {
      label: "sequence 999",
      area: "500101",
      birth: "1985-11-20",
      seq: 999,
      expected: `50010119851120999${idCheckChar("50010119851120999")}`,
      gender: "M",
    },
    {
      label: "leap day",
      area: "500112",
      birth: "2000-02-29",
      seq: 2,
      expected: "500112200002290028",
      gender: "F",
    },
    {
      label: "earliest date",
      area: "500101",
      birth: "1900-01-01",
      seq: 1,
      expected: "500101190001010017",
      gender: "M",
    },
  ])("$label", ({ area, birth, seq, expected, gender }) => {
    const made = makeIdNumber(area, birth, seq);
    expect(made).toBe(expected);
    expect(parseIdNumber(made, TODAY)).toMatchObject({ areaCode: area, birthDate: birth, gender });
  });

  test.each([
    { label: "5-digit area code", area: "50010", birth: "1990-01-01", seq: 1 },
    { label: "unknown province", area: "990103", birth: "1990-01-01", seq: 1 },
    { label: "not a calendar date", area: "500103", birth: "1985-02-29", seq: 1 },
    { label: "before 1900", area: "500103", birth: "1899-12-31", seq: 1 },
    { label: "date without zero padding", area: "500103", birth: "1990-1-1", seq: 1 },
    { label: "date as YYYYMMDD", area: "500103", birth: "19900101", seq: 1 },
    { label: "negative sequence", area: "500103", birth: "1990-01-01", seq: -1 },
    { label: "sequence 1000", area: "500103", birth: "1990-01-01", seq: 1000 },
    { label: "fractional sequence", area: "500103", birth: "1990-01-01", seq: 1.5 },
  ])("throws RangeError: $label", ({ area, birth, seq }) => {
    expect(() => makeIdNumber(area, birth, seq)).toThrow(RangeError);
  });
});
