import { describe, expect, test } from "vitest";
import { calculateContribution } from "./calculate-contribution";
import { paramsOf, type RawParams } from "./calculate-params";
import { calculateRetirement } from "./calculate-retirement";

const employee = (extra: RawParams): RawParams => ({ category: "unit-employee", month: "2025-10", wage: "6000.00", ...extra });

describe("calculateContribution accepts", () => {
  test.each([
    { label: "the done-when example", params: employee({}), employeeBasic: 12_000n },
    { label: "a wage without decimals", params: employee({ wage: "6000" }), employeeBasic: 12_000n },
    { label: "a wage with thousands separators", params: employee({ wage: "6,000.00" }), employeeBasic: 12_000n },
    { label: "full-width digits from a Chinese IME", params: employee({ wage: "６０００" }), employeeBasic: 12_000n },
    { label: "spaces around the wage", params: employee({ wage: " 6000 " }), employeeBasic: 12_000n },
    { label: "a wage far above the ceiling (clamped)", params: employee({ wage: "90071992547409.91" }), employeeBasic: 44_034n },
  ])("$label", ({ params, employeeBasic }) => {
    const outcome = calculateContribution(params);
    expect(outcome.ok).toBe(true);
    if (outcome.ok && outcome.value.category === "unit-employee") {
      expect(outcome.value.result.employeeBasicFen).toBe(employeeBasic);
    }
  });

  test("parameters a category does not use are ignored", () => {
    expect(calculateContribution({ category: "resident-tier1", year: "2025", wage: "abc" }).ok).toBe(true);
  });
});

describe("calculateContribution refuses, naming the parameter", () => {
  test.each([
    { label: "no category", params: { month: "2025-10", wage: "6000" }, param: "category", code: "MISSING_PARAMETER", api: "缺少参数 category(计算类别)" },
    { label: "an unknown category", params: employee({ category: "unit" }), param: "category", code: "INVALID_PARAMETER", api: "参数 category(计算类别)有误" },
    { label: "two categories", params: employee({ category: ["unit-employee", "unit-retiree"] }), param: "category", code: "INVALID_PARAMETER", api: "参数 category(计算类别)有误:计算类别只能填写一个" },
    { label: "no wage", params: employee({ wage: undefined }), param: "wage", code: "MISSING_PARAMETER", api: "缺少参数 wage(月工资)" },
    { label: "an empty wage", params: employee({ wage: "" }), param: "wage", code: "MISSING_PARAMETER", api: "缺少参数 wage(月工资)" },
    { label: "letters", params: employee({ wage: "abc" }), param: "wage", code: "INVALID_PARAMETER", api: "参数 wage(月工资)有误:金额格式不正确" },
    { label: "exponent notation", params: employee({ wage: "1e5" }), param: "wage", code: "INVALID_PARAMETER", api: "参数 wage(月工资)有误:金额格式不正确" },
    { label: "a negative wage", params: employee({ wage: "-1" }), param: "wage", code: "INVALID_PARAMETER", api: "参数 wage(月工资)有误:月工资应大于0" },
    { label: "a zero wage", params: employee({ wage: "0" }), param: "wage", code: "INVALID_PARAMETER", api: "参数 wage(月工资)有误:月工资应大于0" },
    { label: "a tenth of a fen", params: employee({ wage: "6000.001" }), param: "wage", code: "INVALID_PARAMETER", api: "参数 wage(月工资)有误:金额最多保留两位小数" },
    { label: "a huge number", params: employee({ wage: "9".repeat(400) }), param: "wage", code: "INVALID_PARAMETER", api: "参数 wage(月工资)有误:金额超出允许范围" },
    { label: "Infinity", params: employee({ wage: "Infinity" }), param: "wage", code: "INVALID_PARAMETER", api: "参数 wage(月工资)有误" },
    { label: "two wages", params: employee({ wage: ["6000", "7000"] }), param: "wage", code: "INVALID_PARAMETER", api: "参数 wage(月工资)有误:月工资只能填写一个" },
    { label: "a month without leading zero", params: employee({ month: "2025-1" }), param: "month", code: "INVALID_PARAMETER", api: "参数 month(月份)有误:月份格式应为 YYYY-MM" },
    { label: "month 13", params: employee({ month: "2025-13" }), param: "month", code: "INVALID_PARAMETER", api: "参数 month(月份)有误" },
    { label: "a birth date that is not a date", params: { category: "unit-retiree", month: "2025-10", birthDate: "1957-02-30" }, param: "birthDate", code: "INVALID_PARAMETER", api: "参数 birthDate(出生日期)有误:出生日期不是有效的日期" },
    { label: "a birth date after the month", params: { category: "unit-retiree", month: "2025-10", birthDate: "2025-11-01" }, param: "birthDate", code: "INVALID_PARAMETER", api: "参数 birthDate(出生日期)有误:出生日期不能晚于计算月份 2025-10" },
    { label: "no year", params: { category: "individual-tier1" }, param: "year", code: "MISSING_PARAMETER", api: "缺少参数 year(年度)" },
    { label: "a two-digit year", params: { category: "resident-tier2", year: "25" }, param: "year", code: "INVALID_PARAMETER", api: "参数 year(年度)有误:年度应为4位数字" },
  ])("$label", ({ params, param, code, api }) => {
    const outcome = calculateContribution(params);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.status).toBe(400);
      expect(outcome.errors[0]).toMatchObject({ param, code });
      expect(outcome.errors[0]!.apiMessage.startsWith(api)).toBe(true);
    }
  });

  test("every bad field of a form is reported, each once", () => {
    const outcome = calculateContribution(employee({ month: "x", wage: "y" }));
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.param)).toEqual(["month", "wage"]);
  });
});

describe("periods without policy are 422 on the parameter that chose them", () => {
  test.each([
    { label: "2019-05 for an employee", params: employee({ month: "2019-05" }), param: "month", message: "没有 2019-05 的政策参数" },
    { label: "2027-01 for a retiree", params: { category: "unit-retiree", month: "2027-01", birthDate: "1950-01-01" }, param: "month", message: "没有 2027-01 的政策参数" },
    { label: "2023 for the individually insured", params: { category: "individual-tier2", year: "2023" }, param: "year", message: "没有 2023 年的政策参数" },
    { label: "2021 for residents", params: { category: "resident-tier1", year: "2021" }, param: "year", message: "没有 2021 年的政策参数" },
  ])("$label", ({ params, param, message }) => {
    const outcome = calculateContribution(params);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.status).toBe(422);
      expect(outcome.errors[0]).toMatchObject({ param, code: "NO_POLICY", message, apiMessage: message });
    }
  });
});

describe("calculateRetirement", () => {
  const base: RawParams = { gender: "M", totalMonths: "341", localMonths: "200", unitAverageBase: "4775" };

  test("the DOMAIN example: 19 months short → 7258.00", () => {
    const outcome = calculateRetirement(base);
    expect(outcome.ok && outcome.value.result.lumpSumFen).toBe(725_800n);
  });

  test.each([
    { label: "a decimal base", params: { ...base, unitAverageBase: "4775.00" } },
    { label: "no base when nothing is short", params: { gender: "F", totalMonths: "300", localMonths: "120" } },
    { label: "an empty base when nothing is short", params: { gender: "F", totalMonths: "300", localMonths: "120", unitAverageBase: "" } },
  ])("accepts $label", ({ params }) => {
    expect(calculateRetirement(params).ok).toBe(true);
  });

  test.each([
    { label: "no gender", params: { ...base, gender: undefined }, param: "gender", code: "MISSING_PARAMETER" },
    { label: "a gender of X", params: { ...base, gender: "X" }, param: "gender", code: "INVALID_PARAMETER" },
    { label: "negative months", params: { ...base, totalMonths: "-1" }, param: "totalMonths", code: "INVALID_PARAMETER" },
    { label: "fractional months", params: { ...base, localMonths: "1.5" }, param: "localMonths", code: "INVALID_PARAMETER" },
    { label: "more than a century", params: { ...base, totalMonths: "1201" }, param: "totalMonths", code: "INVALID_PARAMETER" },
    { label: "more local than total", params: { ...base, localMonths: "342" }, param: "localMonths", code: "INVALID_PARAMETER" },
    { label: "a base in exponent notation", params: { ...base, unitAverageBase: "1e5" }, param: "unitAverageBase", code: "INVALID_PARAMETER" },
    { label: "a zero base", params: { ...base, unitAverageBase: "0" }, param: "unitAverageBase", code: "INVALID_PARAMETER" },
    { label: "a base over ¥100,000,000 (its lump sum overflowed the API's JSON number: 500, found by fuzzing)", params: { gender: "M", totalMonths: "0", localMonths: "0", unitAverageBase: "3127499741229.52" }, param: "unitAverageBase", code: "INVALID_PARAMETER" },
    { label: "two bases", params: { ...base, unitAverageBase: ["1", "2"] }, param: "unitAverageBase", code: "INVALID_PARAMETER" },
    { label: "months short but no base", params: { ...base, unitAverageBase: undefined }, param: "unitAverageBase", code: "MISSING_PARAMETER" },
  ])("refuses $label", ({ params, param, code }) => {
    const outcome = calculateRetirement(params);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.status).toBe(400);
      expect(outcome.errors[0]).toMatchObject({ param, code });
      expect(outcome.errors[0]!.apiMessage).toContain(param);
    }
  });
});

describe("paramsOf", () => {
  test("a repeated parameter becomes a list, which is then refused rather than half-read", () => {
    const params = paramsOf(new URLSearchParams("category=unit-employee&month=2025-10&wage=1&wage=2"));
    expect(params.wage).toEqual(["1", "2"]);
    expect(calculateContribution(params).ok).toBe(false);
  });

  test("a __proto__ parameter is an ordinary key", () => {
    const params = paramsOf(new URLSearchParams("__proto__=x&__proto__=y&category=resident-tier1&year=2025"));
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(calculateContribution(params).ok).toBe(true);
  });
});
