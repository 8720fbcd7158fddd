/**
 * Monthly personal-account movements of employee-insured persons (DOMAIN §5): what is credited and
 * what is deducted, computed exactly in fen with one half-up rounding per line item.
 */
import { applyRate, formatYuanPlain } from "./money";
import { ageInMonth, type Month, monthParts } from "./month";
import { baseLimits, employeeRates, retireeLtcYearly, retireeMonthlyCreditFen } from "./policy";

export interface MonthlyAccountMovement {
  baseFen: bigint | null;
  creditFen: bigint;
  mutualAidDeductionFen: bigint;
  ltcDeductionFen: bigint;
  provisional: boolean;
  /** How the credit was computed, for the statement (e.g. "缴费基数 6,000.00 × 2%"). */
  explanation: string;
}

/** The wage clamped to the month's base limits. */
export function contributionBaseFen(wageFen: bigint, month: Month): { baseFen: bigint; provisional: boolean } {
  const limits = baseLimits(month);
  const baseFen = wageFen < limits.lowerFen ? limits.lowerFen : wageFen > limits.upperFen ? limits.upperFen : wageFen;
  return { baseFen, provisional: limits.provisional };
}

/** In service with a unit: the account gets exactly the employee's own 2%, and pays 0.1% long-term care. */
export function inServiceMonthlyMovement(wageFen: bigint, month: Month): MonthlyAccountMovement {
  const rates = employeeRates(month);
  const { baseFen, provisional } = contributionBaseFen(wageFen, month);
  const creditFen = applyRate(baseFen, rates.employeeBasic);
  return {
    baseFen,
    creditFen,
    mutualAidDeductionFen: 0n,
    ltcDeductionFen: applyRate(baseFen, rates.ltcAccount),
    provisional,
    explanation: `缴费基数 ${formatYuanPlain(baseFen)} × 2% = ${formatYuanPlain(creditFen)}`,
  };
}

/**
 * Retirees pay no contributions: a fixed credit (105.00, or 115.00 from the month they turn 70), less
 * mutual aid 5.00 and a twelfth of the yearly long-term-care charge (the remainder in December).
 */
export function retireeMonthlyMovement(birthDate: string, month: Month): MonthlyAccountMovement {
  const rates = employeeRates(month);
  const { year, month: m } = monthParts(month);
  const ltc = retireeLtcYearly(year);
  const monthly = ltc.fen / 12n;
  const ltcDeductionFen = m === 12 ? ltc.fen - monthly * 11n : monthly;
  const age = ageInMonth(birthDate, month);
  const creditFen = retireeMonthlyCreditFen(age);
  return {
    baseFen: null,
    creditFen,
    mutualAidDeductionFen: rates.employeeMutualAidFen,
    ltcDeductionFen,
    provisional: ltc.provisional,
    explanation: `退休人员定额划入 ${formatYuanPlain(creditFen)}(${age >= 70 ? "70周岁及以上" : "70周岁以下"})`,
  };
}
