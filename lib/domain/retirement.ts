/**
 * Retirement eligibility for medical benefits (DOMAIN §6): enough contribution months in total (deemed
 * years included) and enough actual months in Chongqing, and the lump sum that makes up a unit-insured
 * person's total shortfall.
 */
import { DomainError } from "./errors";
import { applyRate, type Fen } from "./money";
import { RETIREMENT_RULES, type RetirementRules } from "./policy";

export type Gender = "M" | "F";

export interface RetirementInput {
  gender: Gender;
  /** All contribution months, deemed years (视同缴费年限) included. */
  totalMonths: number;
  /** Months actually contributed in Chongqing; a part of totalMonths. */
  localMonths: number;
  /** The unit's average monthly contribution base of the previous year; needed only when months are short. */
  unitAverageBaseFen: Fen | null;
}

export interface RetirementCheck {
  /** Meets both rules as things stand, without paying anything. */
  eligible: boolean;
  requiredMonths: number;
  monthsShort: number;
  localMonthsShort: number;
  /** Makes up monthsShort; 0 when nothing is short. */
  lumpSumFen: Fen;
  /**
   * Whether paying lumpSumFen alone makes the person eligible. It cannot when local months are short:
   * the 10 years in Chongqing must be actual contributions, and a lump sum is not one.
   */
  lumpSumSuffices: boolean;
  lumpSumRate: string;
  source: string;
}

function monthCount(value: number, field: string, label: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError("INVALID_PARAMETER", `${label}应为不小于0的整数`, { field });
  }
  return value;
}

/**
 * When the local rule is not met the person is not eligible whatever they pay now, and lumpSumFen is
 * still the price of today's total shortfall, as asked. Every further actual month in Chongqing also
 * counts towards the total, so by the time the local rule is met the lump sum due will be smaller; the
 * calculator says so rather than guess how the person will make up the local months.
 * The lump sum is one line item, rounded once: base × months short × 8%.
 */
export function checkRetirement(input: RetirementInput, rules: RetirementRules = RETIREMENT_RULES): RetirementCheck {
  const totalMonths = monthCount(input.totalMonths, "totalMonths", "总缴费月数");
  const localMonths = monthCount(input.localMonths, "localMonths", "本市实际缴费月数");
  if (localMonths > totalMonths) {
    throw new DomainError("INVALID_PARAMETER", "本市实际缴费月数不能多于总缴费月数(总缴费月数已包含本市月数)", {
      field: "localMonths",
    });
  }
  const requiredMonths = rules.requiredMonths[input.gender];
  const monthsShort = Math.max(0, requiredMonths - totalMonths);
  const localMonthsShort = Math.max(0, rules.localActualMonths - localMonths);

  let lumpSumFen = 0n;
  if (monthsShort > 0) {
    const baseFen = input.unitAverageBaseFen;
    if (baseFen === null) {
      throw new DomainError("MISSING_PARAMETER", "缴费月数不足时须填写单位上年度平均月缴费基数,用于计算一次性缴费", {
        field: "unitAverageBase",
      });
    }
    if (baseFen <= 0n) {
      throw new DomainError("INVALID_PARAMETER", "单位上年度平均月缴费基数应大于0", { field: "unitAverageBase" });
    }
    lumpSumFen = applyRate(baseFen * BigInt(monthsShort), rules.lumpSumRate);
  }

  return {
    eligible: monthsShort === 0 && localMonthsShort === 0,
    requiredMonths,
    monthsShort,
    localMonthsShort,
    lumpSumFen,
    lumpSumSuffices: localMonthsShort === 0,
    lumpSumRate: rules.lumpSumRate,
    source: rules.source,
  };
}
