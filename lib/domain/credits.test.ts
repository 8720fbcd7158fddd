import { describe, expect, test } from "vitest";
import { contributionBaseFen, inServiceMonthlyMovement, retireeMonthlyMovement } from "./credits";

describe("contributionBaseFen", () => {
  test.each([
    { label: "wage inside the 2025 limits is the base", wage: 600_000n, month: "2025-10", base: 600_000n },
    { label: "below the 2025 floor is raised to 4404", wage: 300_000n, month: "2025-10", base: 440_400n },
    { label: "above the 2025 ceiling is cut to 22017", wage: 3_000_000n, month: "2025-10", base: 2_201_700n },
    { label: "June 2025 still uses the 2024 floor 4359", wage: 300_000n, month: "2025-06", base: 435_900n },
    { label: "July 2025 switches to the 2025 floor 4404", wage: 300_000n, month: "2025-07", base: 440_400n },
    { label: "January 2024 uses the 2023 ceiling 20587", wage: 3_000_000n, month: "2024-01", base: 2_058_700n },
  ])("$label", ({ wage, month, base }) => {
    expect(contributionBaseFen(wage, month).baseFen).toBe(base);
  });

  test("2026-07 carries 2025 forward and says so", () => {
    expect(contributionBaseFen(600_000n, "2026-07")).toMatchObject({ baseFen: 600_000n, provisional: true });
  });
});

describe("inServiceMonthlyMovement", () => {
  test.each([
    { label: "wage 6000 → credit 120.00, LTC 6.00", wage: 600_000n, month: "2025-10", credit: 12_000n, ltc: 600n },
    { label: "ceiling 22017 → credit 440.34, LTC 22.02 (22.017 rounds half up)", wage: 5_000_000n, month: "2025-10", credit: 44_034n, ltc: 2_202n },
    { label: "base 4404.25 → LTC 4.40425 rounds down to 4.40", wage: 440_425n, month: "2025-10", credit: 8_809n, ltc: 440n },
    { label: "base 4405.50 → 2% is 88.11 exactly", wage: 440_550n, month: "2025-10", credit: 8_811n, ltc: 441n },
  ])("$label", ({ wage, month, credit, ltc }) => {
    const m = inServiceMonthlyMovement(wage, month);
    expect(m.creditFen).toBe(credit);
    expect(m.ltcDeductionFen).toBe(ltc);
    expect(m.mutualAidDeductionFen).toBe(0n);
    expect(m.netCreditFen).toBe(credit - ltc);
  });

  test("explains the credit", () => {
    expect(inServiceMonthlyMovement(600_000n, "2025-10").explanation).toBe("缴费基数 6,000.00 × 2% = 120.00");
  });

  test.each([
    { label: "2023-12 is before the table", month: "2023-12" },
    { label: "2019-05 is long before it", month: "2019-05" },
  ])("refuses $label", ({ month }) => {
    expect(() => inServiceMonthlyMovement(600_000n, month)).toThrow(`没有 ${month} 的政策参数`);
  });
});

describe("retireeMonthlyMovement", () => {
  test.each([
    { label: "under 70: 105.00 credit, 5.00 mutual aid, 5.50 LTC (2025)", birth: "1957-03-15", month: "2025-10", credit: 10_500n, ltc: 550n },
    { label: "the month before turning 70 is still 105.00", birth: "1955-11-02", month: "2025-10", credit: 10_500n, ltc: 550n },
    { label: "the month they turn 70 is 115.00", birth: "1955-10-31", month: "2025-10", credit: 11_500n, ltc: 550n },
    { label: "born on the 1st, turning 70 that month: 115.00", birth: "1955-10-01", month: "2025-10", credit: 11_500n, ltc: 550n },
    { label: "the month after turning 70 stays 115.00", birth: "1955-10-31", month: "2025-11", credit: 11_500n, ltc: 550n },
    { label: "turning 70 in January 2026 (LTC carried forward)", birth: "1956-01-15", month: "2026-01", credit: 11_500n, ltc: 550n },
    { label: "December 2025 of someone turning 70 in January 2026 is still 105.00", birth: "1956-01-15", month: "2025-12", credit: 10_500n, ltc: 550n },
    { label: "2024 LTC 63.00 a year is 5.25 a month", birth: "1950-01-01", month: "2024-05", credit: 11_500n, ltc: 525n },
  ])("$label", ({ birth, month, credit, ltc }) => {
    const m = retireeMonthlyMovement(birth, month);
    expect(m.creditFen).toBe(credit);
    expect(m.mutualAidDeductionFen).toBe(500n);
    expect(m.ltcDeductionFen).toBe(ltc);
    expect(m.netCreditFen).toBe(credit - 500n - ltc);
  });

  test.each([
    { month: "2025-12", provisional: false },
    { month: "2026-01", provisional: true },
  ])("$month provisional: $provisional (the 2026 long-term-care charge is carried forward)", ({ month, provisional }) => {
    expect(retireeMonthlyMovement("1957-03-15", month).provisional).toBe(provisional);
  });

  test.each([
    { label: "born after the month", birth: "2025-11-01", month: "2025-10", code: "INVALID_DATE" },
    { label: "a malformed birth date", birth: "1957/03/15", month: "2025-10", code: "INVALID_DATE" },
    { label: "a month before the reform", birth: "1957-03-15", month: "2023-12", code: "NO_POLICY" },
    { label: "a month after the table", birth: "1957-03-15", month: "2027-01", code: "NO_POLICY" },
  ])("refuses $label", ({ birth, month, code }) => {
    expect(() => retireeMonthlyMovement(birth, month)).toThrow(expect.objectContaining({ code }));
  });

  test("explains the credit", () => {
    expect(retireeMonthlyMovement("1957-03-15", "2025-10").explanation).toBe("退休人员定额划入 105.00(70周岁以下)");
  });

  test("twelve monthly LTC deductions add up to the yearly amount", () => {
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`);
    const total = months.reduce((sum, m) => sum + retireeMonthlyMovement("1950-01-01", m).ltcDeductionFen, 0n);
    expect(total).toBe(6_600n);
  });
});
