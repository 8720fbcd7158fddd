import { describe, expect, test } from "vitest";
import { DomainError } from "./errors";
import { checkRetirement, type RetirementInput } from "./retirement";

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

const man = (totalMonths: number, localMonths: number, unitAverageBaseFen: bigint | null = 477_500n): RetirementInput => ({
  gender: "M",
  totalMonths,
  localMonths,
  unitAverageBaseFen,
});
const woman = (totalMonths: number, localMonths: number, unitAverageBaseFen: bigint | null = 477_500n): RetirementInput => ({
  gender: "F",
  totalMonths,
  localMonths,
  unitAverageBaseFen,
});

describe("checkRetirement", () => {
  test.each([
    {
      label: "DOMAIN example: a man 19 months short, base 4775 → 7258.00",
      input: man(341, 200),
      expected: { eligible: false, requiredMonths: 360, monthsShort: 19, localMonthsShort: 0, lumpSumFen: 725_800n, lumpSumSuffices: true },
    },
    {
      label: "a man with exactly 30 years, 10 of them here, is eligible and pays nothing",
      input: man(360, 120, null),
      expected: { eligible: true, requiredMonths: 360, monthsShort: 0, localMonthsShort: 0, lumpSumFen: 0n, lumpSumSuffices: true },
    },
    {
      label: "a woman needs 25 years: 300 months is enough",
      input: woman(300, 300, null),
      expected: { eligible: true, requiredMonths: 300, monthsShort: 0, localMonthsShort: 0, lumpSumFen: 0n, lumpSumSuffices: true },
    },
    {
      label: "a woman one month short pays one month: 4775 × 8% = 382.00",
      input: woman(299, 299),
      expected: { eligible: false, requiredMonths: 300, monthsShort: 1, localMonthsShort: 0, lumpSumFen: 38_200n, lumpSumSuffices: true },
    },
    {
      label: "the same 299 months leave a man 61 months short",
      input: man(299, 299),
      expected: { eligible: false, requiredMonths: 360, monthsShort: 61, localMonthsShort: 0, lumpSumFen: 2_330_200n, lumpSumSuffices: true },
    },
    {
      label: "enough years in total but one local month short: not eligible, and no lump sum buys it",
      input: man(400, 119, null),
      expected: { eligible: false, requiredMonths: 360, monthsShort: 0, localMonthsShort: 1, lumpSumFen: 0n, lumpSumSuffices: false },
    },
    {
      label: "both short: the lump sum is priced on the total shortfall, and does not suffice alone",
      input: woman(280, 100),
      expected: { eligible: false, requiredMonths: 300, monthsShort: 20, localMonthsShort: 20, lumpSumFen: 764_000n, lumpSumSuffices: false },
    },
    {
      label: "base 4775.13 × 19 × 8% = 7258.1976 rounds once to 7258.20",
      input: man(341, 200, 477_513n),
      expected: { eligible: false, requiredMonths: 360, monthsShort: 19, localMonthsShort: 0, lumpSumFen: 725_820n, lumpSumSuffices: true },
    },
    {
      label: "nothing contributed: the whole 30 years",
      input: man(0, 0),
      expected: { eligible: false, requiredMonths: 360, monthsShort: 360, localMonthsShort: 120, lumpSumFen: 13_752_000n, lumpSumSuffices: false },
    },
  ])("$label", ({ input, expected }) => {
    expect(checkRetirement(input)).toMatchObject(expected);
  });

  test.each([
    { label: "months short without the unit's base", input: man(341, 200, null), code: "MISSING_PARAMETER", field: "unitAverageBase" },
    { label: "a zero base when months are short", input: man(341, 200, 0n), code: "INVALID_PARAMETER", field: "unitAverageBase" },
    { label: "more local months than total months", input: man(200, 201), code: "INVALID_PARAMETER", field: "localMonths" },
    { label: "negative total months", input: man(-1, 0), code: "INVALID_PARAMETER", field: "totalMonths" },
    { label: "fractional local months", input: man(300, 12.5), code: "INVALID_PARAMETER", field: "localMonths" },
  ])("refuses $label", ({ input, code, field }) => {
    const error = thrown(() => checkRetirement(input));
    expect([error.code, error.field]).toEqual([code, field]);
  });
});
