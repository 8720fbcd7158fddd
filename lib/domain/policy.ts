/**
 * Chongqing policy figures (DOMAIN §5) as data: for each figure a list of dated rows, each covering an
 * inclusive range of months. Publishing a new figure means adding a row, never editing a function.
 * Every row names its source document in `source` (a field rather than a comment, so the calculator can
 * show the reader what a figure rests on). A row carried forward because nothing newer has been published
 * is `provisional`. Asking for a month or year no row covers is a DomainError NO_POLICY naming it: a
 * silent default would quietly charge last year's figure for a period nobody has decided yet.
 * Amounts are integer fen; rates are decimal strings for applyRate.
 */
import { DomainError } from "./errors";
import { type Month, monthParts } from "./month";

/** One figure's value over the months `from`..`through`, both inclusive ("YYYY-MM"). */
export interface PolicyRow<T> {
  from: Month;
  through: Month;
  /** What the row is, in Chinese, for the calculator's "政策依据" list. */
  label: string;
  value: T;
  /** No published figure for this period yet: the previous period's figure is carried forward. */
  provisional: boolean;
  source: string;
}

/** What a computed amount rests on: the rows it read, without their values. */
export type PolicyBasis = Pick<PolicyRow<unknown>, "label" | "source" | "provisional">;

export interface EmployeeRates {
  /** Includes the 0.5% maternity insurance merged into basic medical insurance. */
  unitBasic: string;
  employeeBasic: string;
  unitMutualAid: string;
  employeeMutualAidFen: bigint;
  /** Moved from the pooled fund to the long-term-care fund; the unit pays nothing extra for it. */
  ltcFund: string;
  /** Deducted from the personal account. */
  ltcAccount: string;
}

export interface BaseLimits {
  /** The year whose limits these are; they apply from July of it to June of the next. */
  year: number;
  lowerFen: bigint;
  upperFen: bigint;
}

export interface RetireeCredits {
  underAgeFen: bigint;
  fromAgeFen: bigint;
  /** The higher credit applies from the month the retiree reaches this age. */
  age: number;
}

export interface LtcYearly {
  /** Unit-insured retirees: charged to the account monthly, 1/12 each, the remainder in December. */
  retireeFen: bigint;
  /** Individually insured: tier 1 pays it with the premium, tier 2 from the account. */
  individualFen: bigint;
}

export interface IndividualTierRates {
  basic: string;
  mutualAid: string;
}

export interface IndividualContribution {
  yearlyBaseFen: bigint;
  tier1: IndividualTierRates;
  tier2: IndividualTierRates;
}

export interface ResidentPremiums {
  tier1Fen: bigint;
  tier2Fen: bigint;
}

// The rates and the retiree credits come from standing notices with no end date, so they are not
// provisional in 2026; the table still ends with 2026 so that 2027 is refused until someone looks.
const EMPLOYEE_RATES: readonly PolicyRow<EmployeeRates>[] = [
  {
    from: "2024-01",
    through: "2026-12",
    label: "职工医保缴费比例(单位8.5%、个人2%、大额互助单位1.5%+个人5元/月、长护险0.1%+0.1%)",
    value: {
      unitBasic: "0.085",
      employeeBasic: "0.02",
      unitMutualAid: "0.015",
      employeeMutualAidFen: 500n,
      ltcFund: "0.001",
      ltcAccount: "0.001",
    },
    provisional: false,
    source: "重庆市医保局 cqlp.gov.cn 2022年12月通知(2025-03-07更新)",
  },
];

const BASE_LIMITS: readonly PolicyRow<BaseLimits>[] = [
  {
    from: "2022-07",
    through: "2023-06",
    label: "2022年度缴费基数上下限 3957 / 19784 元/月",
    value: { year: 2022, lowerFen: 395_700n, upperFen: 1_978_400n },
    provisional: false,
    source: "渝人社发〔2022〕29号",
  },
  {
    from: "2023-07",
    through: "2024-06",
    label: "2023年度缴费基数上下限 4118 / 20587 元/月",
    value: { year: 2023, lowerFen: 411_800n, upperFen: 2_058_700n },
    provisional: false,
    source: "渝人社发〔2023〕48号",
  },
  {
    from: "2024-07",
    through: "2025-06",
    label: "2024年度缴费基数上下限 4359 / 21793 元/月",
    value: { year: 2024, lowerFen: 435_900n, upperFen: 2_179_300n },
    provisional: false,
    source: "重庆市人力社保局2024年度社保缴费基数上下限通知",
  },
  {
    from: "2025-07",
    through: "2026-06",
    label: "2025年度缴费基数上下限 4404 / 22017 元/月",
    value: { year: 2025, lowerFen: 440_400n, upperFen: 2_201_700n },
    provisional: false,
    source: "重庆市人力社保局2025年度社保缴费基数上下限通知",
  },
  {
    from: "2026-07",
    through: "2027-06",
    label: "2026年度缴费基数上下限(暂沿用2025年度 4404 / 22017 元/月)",
    value: { year: 2026, lowerFen: 440_400n, upperFen: 2_201_700n },
    provisional: true,
    source: "尚未公布,沿用2025年度标准",
  },
];

const RETIREE_CREDITS: readonly PolicyRow<RetireeCredits>[] = [
  {
    from: "2024-01",
    through: "2026-12",
    label: "退休人员个人账户定额划入(70周岁以下105元/月,70周岁及以上115元/月)",
    value: { underAgeFen: 10_500n, fromAgeFen: 11_500n, age: 70 },
    provisional: false,
    source: "渝府办发〔2022〕16号;2024-01-01起改革实施(2023-12-22/23报道)",
  },
];

const LTC_SOURCE = "渝医保发〔2022〕27号;北碚区人民政府网 beibei.gov.cn 2025-03-11";

const LTC_YEARLY: readonly PolicyRow<LtcYearly>[] = [
  {
    from: "2024-01",
    through: "2024-12",
    label: "2024年长期护理保险(退休人员63元/年,灵活就业人员126元/年)",
    value: { retireeFen: 6_300n, individualFen: 12_600n },
    provisional: false,
    source: LTC_SOURCE,
  },
  {
    from: "2025-01",
    through: "2025-12",
    label: "2025年长期护理保险(退休人员66元/年,灵活就业人员132元/年)",
    value: { retireeFen: 6_600n, individualFen: 13_200n },
    provisional: false,
    source: LTC_SOURCE,
  },
  {
    from: "2026-01",
    through: "2026-12",
    label: "2026年长期护理保险(暂沿用2025年标准)",
    value: { retireeFen: 6_600n, individualFen: 13_200n },
    provisional: true,
    source: "尚未公布,沿用2025年标准",
  },
];

const INDIVIDUAL_TIERS = {
  tier1: { basic: "0.04", mutualAid: "0.01" },
  tier2: { basic: "0.10", mutualAid: "0.01" },
} as const satisfies Pick<IndividualContribution, "tier1" | "tier2">;

const INDIVIDUAL_CONTRIBUTIONS: readonly PolicyRow<IndividualContribution>[] = [
  {
    from: "2024-01",
    through: "2024-12",
    label: "2024年灵活就业人员缴费基数58200元/年(一档4%+1%,二档10%+1%)",
    value: { yearlyBaseFen: 5_820_000n, ...INDIVIDUAL_TIERS },
    provisional: false,
    source: "渝医保发〔2023〕37号",
  },
  {
    from: "2025-01",
    through: "2025-12",
    label: "2025年灵活就业人员缴费基数61500元/年(一档4%+1%,二档10%+1%)",
    value: { yearlyBaseFen: 6_150_000n, ...INDIVIDUAL_TIERS },
    provisional: false,
    source: "渝医保发〔2023〕37号及2025年度灵活就业人员缴费基数公告",
  },
  {
    from: "2026-01",
    through: "2026-12",
    label: "2026年灵活就业人员缴费基数(暂沿用2025年 61500元/年)",
    value: { yearlyBaseFen: 6_150_000n, ...INDIVIDUAL_TIERS },
    provisional: true,
    source: "尚未公布,沿用2025年标准",
  },
];

function residentRow(year: number, tier1Yuan: bigint, tier2Yuan: bigint, source: string): PolicyRow<ResidentPremiums> {
  return {
    from: `${year}-01`,
    through: `${year}-12`,
    label: `${year}年城乡居民医保个人缴费(一档${tier1Yuan}元/年,二档${tier2Yuan}元/年)`,
    value: { tier1Fen: tier1Yuan * 100n, tier2Fen: tier2Yuan * 100n },
    provisional: false,
    source,
  };
}

const RESIDENT_PREMIUMS: readonly PolicyRow<ResidentPremiums>[] = [
  residentRow(2022, 320n, 695n, "重庆市医保局2022年度城乡居民医保缴费通知"),
  residentRow(2023, 350n, 725n, "重庆市医保局2023年度城乡居民医保缴费通知"),
  residentRow(2024, 380n, 755n, "重庆市医保局2024年度城乡居民医保缴费通知"),
  residentRow(2025, 400n, 775n, "重庆市医保局2025年度城乡居民医保缴费通知"),
  residentRow(2026, 400n, 775n, "渝医保发〔2025〕42号"),
];

/** Every dated list, for the integrity test and for anyone who wants to show the whole table. */
export const POLICY_TABLE = {
  employeeRates: EMPLOYEE_RATES,
  baseLimits: BASE_LIMITS,
  retireeCredits: RETIREE_CREDITS,
  ltcYearly: LTC_YEARLY,
  individualContributions: INDIVIDUAL_CONTRIBUTIONS,
  residentPremiums: RESIDENT_PREMIUMS,
} as const;

export interface RetirementRules {
  requiredMonths: { M: number; F: number };
  localActualMonths: number;
  lumpSumRate: string;
  source: string;
}

/**
 * Not dated like the rows above: the rule has no published change since seed 000 and the check has no
 * month to key on. When a change is published this becomes a dated list keyed by retirement month.
 */
export const RETIREMENT_RULES: RetirementRules = {
  requiredMonths: { M: 360, F: 300 },
  localActualMonths: 120,
  lumpSumRate: "0.08",
  source: "重庆市单位职工医保政策问答(缴费年限男30年、女25年,本市实际缴费满10年);一次性补缴按单位上年度平均缴费基数的8%",
};

export function noPolicy(period: string): DomainError {
  return new DomainError("NO_POLICY", `没有 ${period} 的政策参数`, { details: { period } });
}

export function noPolicyForYear(year: number): DomainError {
  const period = String(year).padStart(4, "0");
  return new DomainError("NO_POLICY", `没有 ${period} 年的政策参数`, { details: { period } });
}

function inForce<T>(rows: readonly PolicyRow<T>[], month: Month): PolicyRow<T> {
  monthParts(month);
  const row = rows.find((r) => r.from <= month && month <= r.through);
  if (!row) throw noPolicy(month);
  return row;
}

/** Yearly figures must cover the whole calendar year; half a year is no answer for a yearly premium. */
function inForceForYear<T>(rows: readonly PolicyRow<T>[], year: number): PolicyRow<T> {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw noPolicyForYear(year);
  const first = `${String(year).padStart(4, "0")}-01`;
  const last = `${String(year).padStart(4, "0")}-12`;
  const row = rows.find((r) => r.from <= first && last <= r.through);
  if (!row) throw noPolicyForYear(year);
  return row;
}

export function employeeRates(month: Month): PolicyRow<EmployeeRates> {
  return inForce(EMPLOYEE_RATES, month);
}

/** The limits of year Y apply from July Y to June Y+1 (assumed from the July publication dates). */
export function baseLimits(month: Month): PolicyRow<BaseLimits> {
  return inForce(BASE_LIMITS, month);
}

export function retireeCredits(month: Month): PolicyRow<RetireeCredits> {
  return inForce(RETIREE_CREDITS, month);
}

export function ltcYearly(year: number): PolicyRow<LtcYearly> {
  return inForceForYear(LTC_YEARLY, year);
}

export function individualContribution(year: number): PolicyRow<IndividualContribution> {
  return inForceForYear(INDIVIDUAL_CONTRIBUTIONS, year);
}

export function residentPremiums(year: number): PolicyRow<ResidentPremiums> {
  return inForceForYear(RESIDENT_PREMIUMS, year);
}

export function basisOf(...rows: PolicyRow<unknown>[]): PolicyBasis[] {
  return rows.map(({ label, source, provisional }) => ({ label, source, provisional }));
}

/** Calendar years a yearly table covers completely, for the calculator's year choices. */
export function coveredYears(kind: "individual" | "resident"): number[] {
  const rows: readonly PolicyRow<unknown>[] = kind === "individual" ? INDIVIDUAL_CONTRIBUTIONS : RESIDENT_PREMIUMS;
  return rows.filter((r) => r.from.endsWith("-01") && r.through.endsWith("-12")).map((r) => monthParts(r.from).year);
}

/** The months for which every figure a unit employee's or retiree's month needs is in the table. */
export function coveredEmployeeMonths(): { first: Month; last: Month } {
  const tables: readonly (readonly PolicyRow<unknown>[])[] = [EMPLOYEE_RATES, BASE_LIMITS, RETIREE_CREDITS, LTC_YEARLY];
  // "YYYY-MM" strings sort as months do.
  const firsts = tables.map((t) => t[0]!.from).sort();
  const lasts = tables.map((t) => t[t.length - 1]!.through).sort();
  return { first: firsts[firsts.length - 1]!, last: lasts[0]! };
}

/** "0.085" → "8.5%", for explanations next to an amount. */
export function ratePercent(rate: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) throw new RangeError(`ratePercent: rate "${rate}" is not a non-negative decimal string`);
  const [, whole = "", fraction = ""] = match;
  const padded = fraction.padEnd(2, "0");
  const integer = (whole + padded.slice(0, 2)).replace(/^0+(?=\d)/, "");
  const rest = padded.slice(2).replace(/0+$/, "");
  return `${integer}${rest ? `.${rest}` : ""}%`;
}
