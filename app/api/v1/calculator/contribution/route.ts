import { fenToNumber } from "@/lib/domain/money";
import { type ContributionCalculation, calculateContribution } from "@/lib/services/calculate-contribution";
import { calculatorRoute } from "../respond";

export const dynamic = "force-dynamic";

/** The documented response of each category, field for field; internal figures such as dueFen stay out. */
function render(c: ContributionCalculation): Record<string, number | boolean> {
  switch (c.category) {
    case "unit-employee": {
      const r = c.result;
      return {
        baseFen: fenToNumber(r.baseFen),
        unitBasicFen: fenToNumber(r.unitBasicFen),
        employeeBasicFen: fenToNumber(r.employeeBasicFen),
        unitMutualAidFen: fenToNumber(r.unitMutualAidFen),
        employeeMutualAidFen: fenToNumber(r.employeeMutualAidFen),
        ltcFundFen: fenToNumber(r.ltcFundFen),
        ltcAccountFen: fenToNumber(r.ltcAccountFen),
        accountCreditFen: fenToNumber(r.accountCreditFen),
        provisional: r.provisional,
      };
    }
    case "unit-retiree": {
      const r = c.result;
      return {
        accountCreditFen: fenToNumber(r.creditFen),
        mutualAidDeductionFen: fenToNumber(r.mutualAidDeductionFen),
        ltcDeductionFen: fenToNumber(r.ltcDeductionFen),
        netCreditFen: fenToNumber(r.netCreditFen),
        provisional: r.provisional,
      };
    }
    case "individual-tier1":
    case "individual-tier2": {
      const r = c.result;
      return {
        yearlyBaseFen: fenToNumber(r.yearlyBaseFen),
        basicFen: fenToNumber(r.basicFen),
        mutualAidFen: fenToNumber(r.mutualAidFen),
        totalFen: fenToNumber(r.totalFen),
        ltcFen: fenToNumber(r.ltcFen),
        provisional: r.provisional,
      };
    }
    case "resident-tier1":
    case "resident-tier2":
      return { premiumFen: fenToNumber(c.result.premiumFen), provisional: c.result.provisional };
  }
}

/**
 * GET /api/v1/calculator/contribution?category=unit-employee&month=2025-10&wage=6000.00
 * (also unit-retiree with month and birthDate; individual-tier1|2 and resident-tier1|2 with year).
 */
export const GET = calculatorRoute(calculateContribution, render);
