/**
 * What is paid in (DOMAIN §5): a unit-insured employee's month, an individually insured person's year,
 * a resident's yearly premium. Integer fen, one half-up rounding per line item (applyRate).
 */
import { DomainError } from "./errors";
import { applyRate, type Fen } from "./money";
import type { Month } from "./month";
import {
  baseLimits,
  basisOf,
  type EmployeeRates,
  employeeRates,
  individualContribution,
  ltcYearly,
  type PolicyBasis,
  residentPremiums,
} from "./policy";

export interface ContributionBase {
  baseFen: Fen;
  provisional: boolean;
  lowerFen: Fen;
  upperFen: Fen;
  /** Which limit the wage was moved to, so a reader sees why the base differs from the wage. */
  clamped: "lower" | "upper" | null;
  basis: PolicyBasis[];
}

/** The monthly wage clamped to the base limits in force that month. */
export function contributionBaseFen(wageFen: Fen, month: Month): ContributionBase {
  if (wageFen < 0n) throw new DomainError("INVALID_AMOUNT", "月工资不能为负数", { field: "wage" });
  const limits = baseLimits(month);
  const { lowerFen, upperFen } = limits.value;
  const clamped = wageFen < lowerFen ? "lower" : wageFen > upperFen ? "upper" : null;
  const baseFen = clamped === "lower" ? lowerFen : clamped === "upper" ? upperFen : wageFen;
  return { baseFen, provisional: limits.provisional, lowerFen, upperFen, clamped, basis: basisOf(limits) };
}

export interface UnitEmployeeContribution {
  baseFen: Fen;
  clamped: ContributionBase["clamped"];
  lowerFen: Fen;
  upperFen: Fen;
  unitBasicFen: Fen;
  employeeBasicFen: Fen;
  unitMutualAidFen: Fen;
  employeeMutualAidFen: Fen;
  ltcFundFen: Fen;
  ltcAccountFen: Fen;
  accountCreditFen: Fen;
  /** What the personal account grows by: the credit less its long-term-care deduction. */
  accountNetFen: Fen;
  /**
   * What the unit pays the tax collector for this employee this month, the employee's own parts withheld
   * from the wage included. Long-term care is NOT in it: DOMAIN §5 has the 0.1% "paid by the medical
   * fund" (moved out of the pooled fund the unit's 8.5% already fills) and the other 0.1% deducted from
   * the personal account (out of the 2% credit), so adding either would bill the unit twice. This is
   * also DOMAIN §6's "unit part + employee part + mutual aid".
   */
  dueFen: Fen;
  rates: EmployeeRates;
  provisional: boolean;
  basis: PolicyBasis[];
}

export function unitEmployeeContribution(wageFen: Fen, month: Month): UnitEmployeeContribution {
  const ratesRow = employeeRates(month);
  const rates = ratesRow.value;
  const base = contributionBaseFen(wageFen, month);
  const { baseFen } = base;
  const unitBasicFen = applyRate(baseFen, rates.unitBasic);
  const employeeBasicFen = applyRate(baseFen, rates.employeeBasic);
  const unitMutualAidFen = applyRate(baseFen, rates.unitMutualAid);
  const employeeMutualAidFen = rates.employeeMutualAidFen;
  const ltcAccountFen = applyRate(baseFen, rates.ltcAccount);
  return {
    baseFen,
    clamped: base.clamped,
    lowerFen: base.lowerFen,
    upperFen: base.upperFen,
    unitBasicFen,
    employeeBasicFen,
    unitMutualAidFen,
    employeeMutualAidFen,
    ltcFundFen: applyRate(baseFen, rates.ltcFund),
    ltcAccountFen,
    // Since the 2024-01 reform an in-service employee's account gets exactly their own 2%, nothing of the unit's.
    accountCreditFen: employeeBasicFen,
    accountNetFen: employeeBasicFen - ltcAccountFen,
    dueFen: unitBasicFen + employeeBasicFen + unitMutualAidFen + employeeMutualAidFen,
    rates,
    provisional: ratesRow.provisional || base.provisional,
    basis: [...basisOf(ratesRow), ...base.basis],
  };
}

export type Tier = 1 | 2;

export interface IndividualYearlyContribution {
  yearlyBaseFen: Fen;
  basicFen: Fen;
  mutualAidFen: Fen;
  /** Basic plus mutual aid, the premium the person pays; long-term care is shown apart. */
  totalFen: Fen;
  ltcFen: Fen;
  /** Tier 1 has no personal account, so its long-term care is paid with the premium; tier 2's from the account. */
  ltcPaidFrom: "premium" | "account";
  hasPersonalAccount: boolean;
  basicRate: string;
  mutualAidRate: string;
  provisional: boolean;
  basis: PolicyBasis[];
}

/** An individually insured (flexible-employment) person's yearly amounts by tier. */
export function individualYearlyContribution(tier: Tier, year: number): IndividualYearlyContribution {
  const row = individualContribution(year);
  const ltc = ltcYearly(year);
  const { yearlyBaseFen } = row.value;
  const rates = tier === 1 ? row.value.tier1 : row.value.tier2;
  const basicFen = applyRate(yearlyBaseFen, rates.basic);
  const mutualAidFen = applyRate(yearlyBaseFen, rates.mutualAid);
  return {
    yearlyBaseFen,
    basicFen,
    mutualAidFen,
    totalFen: basicFen + mutualAidFen,
    ltcFen: ltc.value.individualFen,
    ltcPaidFrom: tier === 1 ? "premium" : "account",
    hasPersonalAccount: tier === 2,
    basicRate: rates.basic,
    mutualAidRate: rates.mutualAid,
    provisional: row.provisional || ltc.provisional,
    basis: basisOf(row, ltc),
  };
}

export interface ResidentPremium {
  premiumFen: Fen;
  provisional: boolean;
  basis: PolicyBasis[];
}

/** A resident's yearly personal premium by tier (the government subsidy is not the person's to pay). */
export function residentPremium(tier: Tier, year: number): ResidentPremium {
  const row = residentPremiums(year);
  return {
    premiumFen: tier === 1 ? row.value.tier1Fen : row.value.tier2Fen,
    provisional: row.provisional,
    basis: basisOf(row),
  };
}
