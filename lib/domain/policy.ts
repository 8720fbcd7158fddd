/**
 * Chongqing policy figures (DOMAIN §5), as data keyed by the period they apply to. Amounts in fen,
 * rates as decimal strings. A month the table does not cover is a DomainError naming it.
 * Sources are named per row; rows without a published figure are carried forward and `provisional`.
 */
import { DomainError } from "./errors";
import { type Month, monthParts } from "./month";

export interface EmployeeRates {
  unitBasic: string;
  employeeBasic: string;
  unitMutualAid: string;
  employeeMutualAidFen: bigint;
  ltcFund: string;
  ltcAccount: string;
}

/** cqlp.gov.cn 2022-12 notice (updated 2025-03-07); in force for this table from the 2024-01 reform. */
const EMPLOYEE_RATES_FROM_2024_01: EmployeeRates = {
  unitBasic: "0.085",
  employeeBasic: "0.02",
  unitMutualAid: "0.015",
  employeeMutualAidFen: 500n,
  ltcFund: "0.001",
  ltcAccount: "0.001",
};

interface BaseLimitYear {
  year: number;
  lowerFen: bigint;
  upperFen: bigint;
  provisional: boolean;
}

/** 渝人社发〔2022〕29号, 〔2023〕48号 and the 2024/2025 notices; a year's limits run July to June (assumed). */
const BASE_LIMITS: readonly BaseLimitYear[] = [
  { year: 2022, lowerFen: 395_700n, upperFen: 1_978_400n, provisional: false },
  { year: 2023, lowerFen: 411_800n, upperFen: 2_058_700n, provisional: false },
  { year: 2024, lowerFen: 435_900n, upperFen: 2_179_300n, provisional: false },
  { year: 2025, lowerFen: 440_400n, upperFen: 2_201_700n, provisional: false },
  // 2026 not yet published: 2025 carried forward.
  { year: 2026, lowerFen: 440_400n, upperFen: 2_201_700n, provisional: true },
];

/** Retirees' fixed monthly credit (渝府办发〔2022〕16号; reform from 2024-01-01). */
const RETIREE_CREDIT_UNDER_70_FEN = 10_500n;
const RETIREE_CREDIT_70_AND_OVER_FEN = 11_500n;

/** Retirees' yearly long-term-care charge (beibei.gov.cn 2025-03-11; 渝医保发〔2022〕27号). */
const RETIREE_LTC_YEARLY: readonly { year: number; fen: bigint; provisional: boolean }[] = [
  { year: 2024, fen: 6_300n, provisional: false },
  { year: 2025, fen: 6_600n, provisional: false },
  { year: 2026, fen: 6_600n, provisional: true },
];

const FIRST_EMPLOYEE_MONTH = "2024-01";

export function noPolicy(period: string): DomainError {
  return new DomainError("NO_POLICY", `没有 ${period} 的政策参数`, { details: { period } });
}

export function employeeRates(month: Month): EmployeeRates {
  monthParts(month);
  if (month < FIRST_EMPLOYEE_MONTH) throw noPolicy(month);
  const { year } = monthParts(month);
  if (!BASE_LIMITS.some((b) => b.year === year || b.year === year - 1)) throw noPolicy(month);
  return EMPLOYEE_RATES_FROM_2024_01;
}

/** The base limits in force in a month: the limits of year Y apply from July Y to June Y+1. */
export function baseLimits(month: Month): BaseLimitYear {
  const { year, month: m } = monthParts(month);
  const policyYear = m >= 7 ? year : year - 1;
  const row = BASE_LIMITS.find((b) => b.year === policyYear);
  if (!row) throw noPolicy(month);
  return row;
}

export function retireeMonthlyCreditFen(age: number): bigint {
  return age >= 70 ? RETIREE_CREDIT_70_AND_OVER_FEN : RETIREE_CREDIT_UNDER_70_FEN;
}

export function retireeLtcYearly(year: number): { fen: bigint; provisional: boolean } {
  const row = RETIREE_LTC_YEARLY.find((r) => r.year === year);
  if (!row) throw noPolicy(String(year));
  return row;
}
