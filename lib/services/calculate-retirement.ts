/**
 * The public retirement-years check, shared by /calculator/retirement and GET
 * /api/v1/calculator/retirement: validate the query parameters with zod, then run the pure rule.
 */
import { z } from "zod";
import { type Fen, parseYuan } from "@/lib/domain/money";
import { checkRetirement, type Gender, type RetirementCheck } from "@/lib/domain/retirement";
import { isDomainError } from "@/lib/domain/errors";
import { type Calculation, invalid, normalize, type RawParams, runRule, text } from "./calculate-params";

/** A century of months: anything longer is a typing mistake, and it keeps the lump sum far inside safe integers. */
export const MAX_MONTHS = 1200;

function monthCount(label: string) {
  return text(label)
    .regex(/^\d{1,4}$/, `${label}应为0到${MAX_MONTHS}之间的整数`)
    .transform(Number)
    .refine((n) => n <= MAX_MONTHS, `${label}应为0到${MAX_MONTHS}之间的整数`);
}

/**
 * ¥100,000,000 a month: far above any real base, and it keeps the lump sum (base × up to 1200 months × 8%)
 * inside safe integers; an unbounded base overflowed the JSON number and the API answered 500 (found by fuzzing).
 */
export const MAX_BASE_FEN = 10_000_000_000n;

/** Optional: only needed when months are short, which the rule decides once it has the months. */
const optionalBase = z
  .string({ error: "单位上年度平均月缴费基数只能填写一个" })
  .optional()
  .transform((value, ctx): Fen | null => {
    if (value === undefined || value === "") return null;
    try {
      return parseYuan(value);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      ctx.addIssue({ code: "custom", message: error.message });
      return z.NEVER;
    }
  })
  .refine((fen) => fen === null || fen > 0n, "单位上年度平均月缴费基数应大于0")
  .refine((fen) => fen === null || fen <= MAX_BASE_FEN, "单位上年度平均月缴费基数不能超过1亿元");

export const retirementParams = z.object({
  gender: z.enum(["M", "F"], {
    error: (issue) =>
      issue.input === undefined || issue.input === ""
        ? "请选择性别"
        : Array.isArray(issue.input)
          ? "性别只能填写一个"
          : "性别应为 M(男)或 F(女)",
  }),
  totalMonths: monthCount("总缴费月数"),
  localMonths: monthCount("本市实际缴费月数"),
  unitAverageBase: optionalBase,
});

export interface RetirementCalculation {
  gender: Gender;
  totalMonths: number;
  localMonths: number;
  unitAverageBaseFen: Fen | null;
  result: RetirementCheck;
}

export function calculateRetirement(raw: RawParams): Calculation<RetirementCalculation> {
  const params = normalize(raw);
  const input = retirementParams.safeParse(params);
  if (!input.success) return invalid(input.error.issues, params);
  const { gender, totalMonths, localMonths, unitAverageBase } = input.data;
  return runRule(
    () => ({
      gender,
      totalMonths,
      localMonths,
      unitAverageBaseFen: unitAverageBase,
      result: checkRetirement({ gender, totalMonths, localMonths, unitAverageBaseFen: unitAverageBase }),
    }),
    "totalMonths",
  );
}
