import { describe, expect, test } from "vitest";
import { contributionBaseFen, individualYearlyContribution, residentPremium, unitEmployeeContribution } from "./contributions";
import { DomainError } from "./errors";

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("contributionBaseFen", () => {
  test.each([
    { label: "wage inside the limits is the base", wage: 600_000n, month: "2025-10", base: 600_000n, clamped: null },
    { label: "below the 2025 floor is raised to 4404", wage: 300_000n, month: "2025-10", base: 440_400n, clamped: "lower" },
    { label: "exactly the floor is not clamped", wage: 440_400n, month: "2025-10", base: 440_400n, clamped: null },
    { label: "one fen under the floor is clamped", wage: 440_399n, month: "2025-10", base: 440_400n, clamped: "lower" },
    { label: "above the 2025 ceiling is cut to 22017", wage: 3_000_000n, month: "2025-10", base: 2_201_700n, clamped: "upper" },
    { label: "exactly the ceiling is not clamped", wage: 2_201_700n, month: "2025-10", base: 2_201_700n, clamped: null },
    { label: "a zero wage gets the floor", wage: 0n, month: "2025-10", base: 440_400n, clamped: "lower" },
  ])("$label", ({ wage, month, base, clamped }) => {
    const result = contributionBaseFen(wage, month);
    expect(result.baseFen).toBe(base);
    expect(result.clamped).toBe(clamped);
  });

  test("a negative wage is refused on the wage field", () => {
    const error = thrown(() => contributionBaseFen(-1n, "2025-10"));
    expect([error.code, error.field]).toEqual(["INVALID_AMOUNT", "wage"]);
  });
});

describe("unitEmployeeContribution", () => {
  test.each([
    {
      label: "DOMAIN example: wage 6000 in 2025-10",
      wage: 600_000n,
      month: "2025-10",
      expected: { baseFen: 600_000n, unitBasicFen: 51_000n, employeeBasicFen: 12_000n, unitMutualAidFen: 9_000n, employeeMutualAidFen: 500n, ltcFundFen: 600n, ltcAccountFen: 600n, accountCreditFen: 12_000n, accountNetFen: 11_400n, dueFen: 72_500n, provisional: false },
    },
    {
      label: "base clamped at the 2025 floor 4404",
      wage: 300_000n,
      month: "2025-10",
      expected: { baseFen: 440_400n, unitBasicFen: 37_434n, employeeBasicFen: 8_808n, unitMutualAidFen: 6_606n, employeeMutualAidFen: 500n, ltcFundFen: 440n, ltcAccountFen: 440n, accountCreditFen: 8_808n, dueFen: 53_348n, provisional: false },
    },
    {
      label: "base clamped at the 2025 ceiling 22017: 8.5% and 1.5% land on exactly half a fen and round up",
      wage: 5_000_000n,
      month: "2025-10",
      expected: { baseFen: 2_201_700n, unitBasicFen: 187_145n, employeeBasicFen: 44_034n, unitMutualAidFen: 33_026n, employeeMutualAidFen: 500n, ltcFundFen: 2_202n, ltcAccountFen: 2_202n, accountCreditFen: 44_034n, dueFen: 264_705n, provisional: false },
    },
    {
      label: "wage 6001.00: 510.085 and 90.015 are half a fen, rounded up",
      wage: 600_100n,
      month: "2025-10",
      expected: { baseFen: 600_100n, unitBasicFen: 51_009n, employeeBasicFen: 12_002n, unitMutualAidFen: 9_002n, employeeMutualAidFen: 500n, ltcFundFen: 600n, ltcAccountFen: 600n, accountCreditFen: 12_002n, dueFen: 72_513n, provisional: false },
    },
    {
      label: "June 2025 clamps to the 2024 floor 4359",
      wage: 300_000n,
      month: "2025-06",
      expected: { baseFen: 435_900n, unitBasicFen: 37_052n, employeeBasicFen: 8_718n, unitMutualAidFen: 6_539n, employeeMutualAidFen: 500n, ltcFundFen: 436n, ltcAccountFen: 436n, accountCreditFen: 8_718n, dueFen: 52_809n, provisional: false },
    },
    {
      label: "first month of the table, 2024-01, uses the 2023 ceiling 20587",
      wage: 3_000_000n,
      month: "2024-01",
      expected: { baseFen: 2_058_700n, unitBasicFen: 174_990n, employeeBasicFen: 41_174n, unitMutualAidFen: 30_881n, employeeMutualAidFen: 500n, ltcFundFen: 2_059n, ltcAccountFen: 2_059n, accountCreditFen: 41_174n, dueFen: 247_545n, provisional: false },
    },
    {
      label: "2026-07 carries the 2025 limits forward and is provisional",
      wage: 600_000n,
      month: "2026-07",
      expected: { baseFen: 600_000n, unitBasicFen: 51_000n, employeeBasicFen: 12_000n, unitMutualAidFen: 9_000n, employeeMutualAidFen: 500n, ltcFundFen: 600n, ltcAccountFen: 600n, accountCreditFen: 12_000n, dueFen: 72_500n, provisional: true },
    },
  ])("$label", ({ wage, month, expected }) => {
    expect(unitEmployeeContribution(wage, month)).toMatchObject(expected);
  });

  test.each([
    { label: "base 4405.00: LTC 4.405 is half a fen, up to 4.41", wage: 440_500n, ltc: 441n },
    { label: "base 4404.99: LTC 4.40499 rounds down to 4.40", wage: 440_499n, ltc: 440n },
  ])("$label", ({ wage, ltc }) => {
    const c = unitEmployeeContribution(wage, "2025-10");
    expect(c.ltcFundFen).toBe(ltc);
    expect(c.ltcAccountFen).toBe(ltc);
  });

  test("the July switch-over: the same low wage gives a different base in June and July 2025", () => {
    expect(unitEmployeeContribution(300_000n, "2025-06").baseFen).toBe(435_900n);
    expect(unitEmployeeContribution(300_000n, "2025-07").baseFen).toBe(440_400n);
  });

  test("what the unit owes leaves long-term care out: it is moved from the fund and the account", () => {
    const c = unitEmployeeContribution(600_000n, "2025-10");
    expect(c.dueFen).toBe(c.unitBasicFen + c.employeeBasicFen + c.unitMutualAidFen + c.employeeMutualAidFen);
  });

  test("names what it rests on, and flags the carried-forward limits", () => {
    const basis = unitEmployeeContribution(600_000n, "2026-07").basis;
    expect(basis.map((b) => b.provisional)).toEqual([false, true]);
    expect(basis[1]!.label).toContain("2026年度缴费基数上下限");
  });

  test.each([
    { label: "2023-12, before the reform", month: "2023-12" },
    { label: "2019-05, the FAQ's history", month: "2019-05" },
    { label: "2027-01, after the table", month: "2027-01" },
  ])("refuses $label", ({ month }) => {
    const error = thrown(() => unitEmployeeContribution(600_000n, month));
    expect(error.code).toBe("NO_POLICY");
    expect(error.message).toBe(`没有 ${month} 的政策参数`);
  });
});

describe("individualYearlyContribution", () => {
  test.each([
    { label: "2024 tier 1: 4% + 1% of 58200 = 2910.00", tier: 1 as const, year: 2024, base: 5_820_000n, basic: 232_800n, mutualAid: 58_200n, total: 291_000n, ltc: 12_600n, provisional: false },
    { label: "2024 tier 2: 10% + 1% of 58200 = 6402.00", tier: 2 as const, year: 2024, base: 5_820_000n, basic: 582_000n, mutualAid: 58_200n, total: 640_200n, ltc: 12_600n, provisional: false },
    { label: "2025 tier 1: 3075.00", tier: 1 as const, year: 2025, base: 6_150_000n, basic: 246_000n, mutualAid: 61_500n, total: 307_500n, ltc: 13_200n, provisional: false },
    { label: "2025 tier 2: 6765.00", tier: 2 as const, year: 2025, base: 6_150_000n, basic: 615_000n, mutualAid: 61_500n, total: 676_500n, ltc: 13_200n, provisional: false },
    { label: "2026 tier 1 carries 2025 forward, provisional", tier: 1 as const, year: 2026, base: 6_150_000n, basic: 246_000n, mutualAid: 61_500n, total: 307_500n, ltc: 13_200n, provisional: true },
    { label: "2026 tier 2 carries 2025 forward, provisional", tier: 2 as const, year: 2026, base: 6_150_000n, basic: 615_000n, mutualAid: 61_500n, total: 676_500n, ltc: 13_200n, provisional: true },
  ])("$label", ({ tier, year, base, basic, mutualAid, total, ltc, provisional }) => {
    expect(individualYearlyContribution(tier, year)).toMatchObject({
      yearlyBaseFen: base,
      basicFen: basic,
      mutualAidFen: mutualAid,
      totalFen: total,
      ltcFen: ltc,
      provisional,
    });
  });

  test.each([
    { tier: 1 as const, paidFrom: "premium", account: false },
    { tier: 2 as const, paidFrom: "account", account: true },
  ])("tier $tier pays long-term care from the $paidFrom", ({ tier, paidFrom, account }) => {
    const c = individualYearlyContribution(tier, 2025);
    expect(c.ltcPaidFrom).toBe(paidFrom);
    expect(c.hasPersonalAccount).toBe(account);
  });

  test.each([2023, 2027])("refuses %i", (year) => {
    expect(() => individualYearlyContribution(1, year)).toThrow(`没有 ${year} 年的政策参数`);
  });
});

describe("residentPremium", () => {
  test.each([
    { year: 2022, tier: 1 as const, premium: 32_000n },
    { year: 2022, tier: 2 as const, premium: 69_500n },
    { year: 2023, tier: 1 as const, premium: 35_000n },
    { year: 2023, tier: 2 as const, premium: 72_500n },
    { year: 2024, tier: 1 as const, premium: 38_000n },
    { year: 2024, tier: 2 as const, premium: 75_500n },
    { year: 2025, tier: 1 as const, premium: 40_000n },
    { year: 2025, tier: 2 as const, premium: 77_500n },
    { year: 2026, tier: 1 as const, premium: 40_000n },
    { year: 2026, tier: 2 as const, premium: 77_500n },
  ])("$year tier $tier: $premium fen", ({ year, tier, premium }) => {
    expect(residentPremium(tier, year)).toMatchObject({ premiumFen: premium, provisional: false });
  });

  test.each([2021, 2027])("refuses %i", (year) => {
    const error = thrown(() => residentPremium(2, year));
    expect([error.code, error.message]).toEqual(["NO_POLICY", `没有 ${year} 年的政策参数`]);
  });
});
