import { fenToNumber } from "@/lib/domain/money";
import { calculateRetirement, type RetirementCalculation } from "@/lib/services/calculate-retirement";
import { calculatorRoute } from "../respond";

export const dynamic = "force-dynamic";

function render({ result }: RetirementCalculation): Record<string, number | boolean> {
  return {
    eligible: result.eligible,
    requiredMonths: result.requiredMonths,
    monthsShort: result.monthsShort,
    localMonthsShort: result.localMonthsShort,
    lumpSumFen: fenToNumber(result.lumpSumFen),
  };
}

/**
 * GET /api/v1/calculator/retirement?gender=M&totalMonths=341&localMonths=200&unitAverageBase=4775
 * unitAverageBase (yuan) may be left out when no months are short. When the 10 local years are not
 * met, eligible is false whatever the lump sum: lumpSumFen still prices today's total shortfall, and
 * localMonthsShort says how many actual months in Chongqing are still needed (see checkRetirement).
 */
export const GET = calculatorRoute(calculateRetirement, render);
