/**
 * Monthly personal-account movements of employee-insured persons (DOMAIN §5): what is credited and
 * what is deducted, computed exactly in fen with one half-up rounding per line item.
 */
import { unitEmployeeContribution } from "./contributions";
import { DomainError } from "./errors";
import { formatYuanPlain } from "./money";
import { ageInMonth, type Month, monthParts } from "./month";
import { basisOf, employeeRates, ltcYearly, type PolicyBasis, ratePercent, retireeCredits } from "./policy";

export { contributionBaseFen } from "./contributions";

export interface MonthlyAccountMovement {
  baseFen: bigint | null;
  creditFen: bigint;
  mutualAidDeductionFen: bigint;
  ltcDeductionFen: bigint;
  /** creditFen less both deductions: what the balance grows by this month. */
  netCreditFen: bigint;
  provisional: boolean;
  /** How the credit was computed, for the statement (e.g. "缴费基数 6,000.00 × 2%"). */
  explanation: string;
  basis: PolicyBasis[];
}

/** In service with a unit: the account gets exactly the employee's own 2%, and pays 0.1% long-term care. */
export function inServiceMonthlyMovement(wageFen: bigint, month: Month): MonthlyAccountMovement {
  const c = unitEmployeeContribution(wageFen, month);
  return {
    baseFen: c.baseFen,
    creditFen: c.accountCreditFen,
    mutualAidDeductionFen: 0n,
    ltcDeductionFen: c.ltcAccountFen,
    netCreditFen: c.accountNetFen,
    provisional: c.provisional,
    explanation: `缴费基数 ${formatYuanPlain(c.baseFen)} × ${ratePercent(c.rates.employeeBasic)} = ${formatYuanPlain(c.accountCreditFen)}`,
    basis: c.basis,
  };
}

const BIRTH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Retirees pay no contributions: a fixed credit (105.00, or 115.00 from the month they turn 70), less
 * mutual aid 5.00 and a twelfth of the yearly long-term-care charge (the remainder in December).
 * The twelfth is cut down to the fen rather than rounded so that eleven of them never exceed the year.
 */
export function retireeMonthlyMovement(birthDate: string, month: Month): MonthlyAccountMovement {
  const { year, month: m } = monthParts(month);
  const birth = BIRTH_DATE.exec(birthDate);
  if (!birth) throw new DomainError("INVALID_DATE", "出生日期格式应为 YYYY-MM-DD", { field: "birthDate" });
  if (`${birth[1]}-${birth[2]}` > month) {
    throw new DomainError("INVALID_DATE", `出生日期不能晚于计算月份 ${month}`, { field: "birthDate" });
  }
  const rates = employeeRates(month);
  const credits = retireeCredits(month);
  const ltc = ltcYearly(year);
  const monthly = ltc.value.retireeFen / 12n;
  const ltcDeductionFen = m === 12 ? ltc.value.retireeFen - monthly * 11n : monthly;
  const age = ageInMonth(birthDate, month);
  const older = age >= credits.value.age;
  const creditFen = older ? credits.value.fromAgeFen : credits.value.underAgeFen;
  const mutualAidDeductionFen = rates.value.employeeMutualAidFen;
  return {
    baseFen: null,
    creditFen,
    mutualAidDeductionFen,
    ltcDeductionFen,
    netCreditFen: creditFen - mutualAidDeductionFen - ltcDeductionFen,
    provisional: rates.provisional || credits.provisional || ltc.provisional,
    explanation: `退休人员定额划入 ${formatYuanPlain(creditFen)}(${older ? `${credits.value.age}周岁及以上` : `${credits.value.age}周岁以下`})`,
    basis: basisOf(credits, rates, ltc),
  };
}
