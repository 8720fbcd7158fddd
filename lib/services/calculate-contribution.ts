/**
 * The public contribution calculator, shared by the /calculator page and GET
 * /api/v1/calculator/contribution: validate the query parameters with zod, then run the pure rule.
 */
import { z } from "zod";
import {
  type IndividualYearlyContribution,
  individualYearlyContribution,
  type ResidentPremium,
  residentPremium,
  type Tier,
  type UnitEmployeeContribution,
  unitEmployeeContribution,
} from "@/lib/domain/contributions";
import { type MonthlyAccountMovement, retireeMonthlyMovement } from "@/lib/domain/credits";
import type { Fen } from "@/lib/domain/money";
import { type Calculation, invalid, normalize, type RawParams, runRule, text, yuanAmount } from "./calculate-params";

export const CONTRIBUTION_CATEGORIES = [
  "unit-employee",
  "unit-retiree",
  "individual-tier1",
  "individual-tier2",
  "resident-tier1",
  "resident-tier2",
] as const;

export type ContributionCategory = (typeof CONTRIBUTION_CATEGORIES)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const [, y, m, d] = DATE.exec(value) ?? [];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Every parameter of every category; each category picks its own. */
export const contributionParams = z.object({
  category: z.enum(CONTRIBUTION_CATEGORIES, {
    error: (issue) =>
      issue.input === undefined || issue.input === ""
        ? "请填写计算类别"
        : Array.isArray(issue.input)
          ? "计算类别只能填写一个"
          : `计算类别应为 ${CONTRIBUTION_CATEGORIES.join("、")} 之一`,
  }),
  month: text("月份").regex(MONTH, "月份格式应为 YYYY-MM,如 2025-10"),
  wage: yuanAmount("月工资"),
  birthDate: text("出生日期")
    .regex(DATE, "出生日期格式应为 YYYY-MM-DD,如 1957-03-15")
    .refine(isCalendarDate, "出生日期不是有效的日期")
    .refine((d) => d >= "1900-01-01", "出生日期不能早于1900年"),
  year: text("年度").regex(/^\d{4}$/, "年度应为4位数字,如 2025").transform(Number),
});

const unitEmployeeParams = contributionParams.pick({ month: true, wage: true });
const unitRetireeParams = contributionParams.pick({ month: true, birthDate: true });
const yearlyParams = contributionParams.pick({ year: true });

export type ContributionCalculation =
  | { category: "unit-employee"; month: string; wageFen: Fen; result: UnitEmployeeContribution }
  | { category: "unit-retiree"; month: string; birthDate: string; result: MonthlyAccountMovement }
  | { category: "individual-tier1" | "individual-tier2"; tier: Tier; year: number; result: IndividualYearlyContribution }
  | { category: "resident-tier1" | "resident-tier2"; tier: Tier; year: number; result: ResidentPremium };

export function calculateContribution(raw: RawParams): Calculation<ContributionCalculation> {
  const params = normalize(raw);
  const category = contributionParams.pick({ category: true }).safeParse(params);
  if (!category.success) return invalid(category.error.issues, params);

  switch (category.data.category) {
    case "unit-employee": {
      const input = unitEmployeeParams.safeParse(params);
      if (!input.success) return invalid(input.error.issues, params);
      const { month, wage } = input.data;
      return runRule(
        () => ({ category: "unit-employee", month, wageFen: wage, result: unitEmployeeContribution(wage, month) }),
        "month",
      );
    }
    case "unit-retiree": {
      const input = unitRetireeParams.safeParse(params);
      if (!input.success) return invalid(input.error.issues, params);
      const { month, birthDate } = input.data;
      return runRule(
        () => ({ category: "unit-retiree", month, birthDate, result: retireeMonthlyMovement(birthDate, month) }),
        "month",
      );
    }
    case "individual-tier1":
    case "individual-tier2": {
      const name = category.data.category;
      const input = yearlyParams.safeParse(params);
      if (!input.success) return invalid(input.error.issues, params);
      const { year } = input.data;
      const tier: Tier = name === "individual-tier1" ? 1 : 2;
      return runRule(
        () => ({ category: name, tier, year, result: individualYearlyContribution(tier, year) }),
        "year",
      );
    }
    case "resident-tier1":
    case "resident-tier2": {
      const name = category.data.category;
      const input = yearlyParams.safeParse(params);
      if (!input.success) return invalid(input.error.issues, params);
      const { year } = input.data;
      const tier: Tier = name === "resident-tier1" ? 1 : 2;
      return runRule(() => ({ category: name, tier, year, result: residentPremium(tier, year) }), "year");
    }
  }
}
