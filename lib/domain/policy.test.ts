import { describe, expect, test } from "vitest";
import { DomainError } from "./errors";
import { addMonths } from "./month";
import {
  baseLimits,
  coveredEmployeeMonths,
  coveredYears,
  employeeRates,
  individualContribution,
  ltcYearly,
  POLICY_TABLE,
  type PolicyRow,
  ratePercent,
  residentPremiums,
  retireeCredits,
} from "./policy";

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

const lists = Object.entries(POLICY_TABLE) as [string, readonly PolicyRow<unknown>[]][];

describe("the policy table itself", () => {
  test.each(lists)("%s: rows are well-formed, in order, without gaps or overlaps", (_name, rows) => {
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, i) => {
      expect(row.from).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(row.through).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(row.from <= row.through).toBe(true);
      expect(row.source.trim()).not.toBe("");
      expect(row.label.trim()).not.toBe("");
      const previous = rows[i - 1];
      if (previous) expect(row.from).toBe(addMonths(previous.through, 1));
    });
  });

  test.each(lists)("%s: provisional rows only follow published ones and repeat their figures", (_name, rows) => {
    rows.forEach((row, i) => {
      if (!row.provisional) {
        expect(rows.slice(0, i).some((r) => r.provisional)).toBe(false);
        return;
      }
      const previous = rows[i - 1];
      expect(previous).toBeDefined();
      const { year: _y1, ...carried } = row.value as Record<string, unknown>;
      const { year: _y2, ...published } = previous!.value as Record<string, unknown>;
      expect(carried).toEqual(published);
    });
  });
});

describe("DOMAIN §5 figures", () => {
  test.each([
    { label: "2022 limits 3957 / 19784", month: "2022-07", lower: 395_700n, upper: 1_978_400n },
    { label: "2023 limits 4118 / 20587", month: "2023-07", lower: 411_800n, upper: 2_058_700n },
    { label: "2024 limits 4359 / 21793", month: "2024-07", lower: 435_900n, upper: 2_179_300n },
    { label: "2025 limits 4404 / 22017", month: "2025-07", lower: 440_400n, upper: 2_201_700n },
    { label: "June 2025 is still the 2024 year", month: "2025-06", lower: 435_900n, upper: 2_179_300n },
    { label: "June 2023 is still the 2022 year", month: "2023-06", lower: 395_700n, upper: 1_978_400n },
    { label: "2026-07 carries 2025 forward", month: "2026-07", lower: 440_400n, upper: 2_201_700n },
  ])("base limits: $label", ({ month, lower, upper }) => {
    const row = baseLimits(month);
    expect([row.value.lowerFen, row.value.upperFen]).toEqual([lower, upper]);
  });

  test.each([
    { month: "2026-06", provisional: false },
    { month: "2026-07", provisional: true },
    { month: "2027-06", provisional: true },
  ])("base limits of $month provisional: $provisional", ({ month, provisional }) => {
    expect(baseLimits(month).provisional).toBe(provisional);
  });

  test("unit employee rates from 2024-01", () => {
    expect(employeeRates("2024-01").value).toEqual({
      unitBasic: "0.085",
      employeeBasic: "0.02",
      unitMutualAid: "0.015",
      employeeMutualAidFen: 500n,
      ltcFund: "0.001",
      ltcAccount: "0.001",
    });
  });

  test("retiree credits 105 / 115 from 70", () => {
    expect(retireeCredits("2025-10").value).toEqual({ underAgeFen: 10_500n, fromAgeFen: 11_500n, age: 70 });
  });

  test.each([
    { year: 2024, retiree: 6_300n, individual: 12_600n, provisional: false },
    { year: 2025, retiree: 6_600n, individual: 13_200n, provisional: false },
    { year: 2026, retiree: 6_600n, individual: 13_200n, provisional: true },
  ])("long-term care $year", ({ year, retiree, individual, provisional }) => {
    const row = ltcYearly(year);
    expect(row.value).toEqual({ retireeFen: retiree, individualFen: individual });
    expect(row.provisional).toBe(provisional);
  });

  test.each([
    { year: 2024, base: 5_820_000n, provisional: false },
    { year: 2025, base: 6_150_000n, provisional: false },
    { year: 2026, base: 6_150_000n, provisional: true },
  ])("individually insured base $year", ({ year, base, provisional }) => {
    const row = individualContribution(year);
    expect(row.value.yearlyBaseFen).toBe(base);
    expect(row.value.tier1).toEqual({ basic: "0.04", mutualAid: "0.01" });
    expect(row.value.tier2).toEqual({ basic: "0.10", mutualAid: "0.01" });
    expect(row.provisional).toBe(provisional);
  });

  test.each([
    { year: 2022, tier1: 32_000n, tier2: 69_500n },
    { year: 2023, tier1: 35_000n, tier2: 72_500n },
    { year: 2024, tier1: 38_000n, tier2: 75_500n },
    { year: 2025, tier1: 40_000n, tier2: 77_500n },
    { year: 2026, tier1: 40_000n, tier2: 77_500n },
  ])("resident premiums $year", ({ year, tier1, tier2 }) => {
    const row = residentPremiums(year);
    expect(row.value).toEqual({ tier1Fen: tier1, tier2Fen: tier2 });
    expect(row.provisional).toBe(false);
  });
});

describe("periods the table does not cover are refused, naming the period", () => {
  test.each([
    { label: "employee rates before the 2024 reform", run: () => employeeRates("2023-12"), message: "没有 2023-12 的政策参数" },
    { label: "the FAQ's history", run: () => employeeRates("2019-05"), message: "没有 2019-05 的政策参数" },
    { label: "employee rates after the table", run: () => employeeRates("2027-01"), message: "没有 2027-01 的政策参数" },
    { label: "base limits before July 2022", run: () => baseLimits("2022-06"), message: "没有 2022-06 的政策参数" },
    { label: "base limits after June 2027", run: () => baseLimits("2027-07"), message: "没有 2027-07 的政策参数" },
    { label: "retiree credits before 2024", run: () => retireeCredits("2023-12"), message: "没有 2023-12 的政策参数" },
    { label: "long-term care 2023", run: () => ltcYearly(2023), message: "没有 2023 年的政策参数" },
    { label: "individually insured 2027", run: () => individualContribution(2027), message: "没有 2027 年的政策参数" },
    { label: "resident premiums 2021", run: () => residentPremiums(2021), message: "没有 2021 年的政策参数" },
    { label: "a year written with fewer digits", run: () => residentPremiums(19), message: "没有 0019 年的政策参数" },
  ])("$label", ({ run, message }) => {
    const error = thrown(run);
    expect(error.code).toBe("NO_POLICY");
    expect(error.message).toBe(message);
  });

  test("a malformed month is a format error, not a missing policy", () => {
    expect(thrown(() => employeeRates("2025-13")).code).toBe("INVALID_MONTH");
  });
});

describe("coverage for the calculator's choices", () => {
  test("months with every employee figure", () => {
    expect(coveredEmployeeMonths()).toEqual({ first: "2024-01", last: "2026-12" });
  });
  test.each([
    { kind: "individual" as const, years: [2024, 2025, 2026] },
    { kind: "resident" as const, years: [2022, 2023, 2024, 2025, 2026] },
  ])("$kind years", ({ kind, years }) => {
    expect(coveredYears(kind)).toEqual(years);
  });
});

describe("ratePercent", () => {
  test.each([
    { rate: "0.085", text: "8.5%" },
    { rate: "0.02", text: "2%" },
    { rate: "0.015", text: "1.5%" },
    { rate: "0.001", text: "0.1%" },
    { rate: "0.10", text: "10%" },
    { rate: "0.08", text: "8%" },
    { rate: "1", text: "100%" },
  ])("$rate → $text", ({ rate, text }) => {
    expect(ratePercent(rate)).toBe(text);
  });
});
