/**
 * What the public calculators share: reading query parameters (from a page's searchParams or an API
 * request alike), the zod building blocks, and turning failures into one error per parameter with a
 * message for the form and one for the API. No I/O: the calculators only read the policy table.
 */
import { z } from "zod";
import { isDomainError } from "@/lib/domain/errors";
import { normalizeInput } from "@/lib/domain/input";
import { parseYuan } from "@/lib/domain/money";

export type RawParams = Record<string, string | string[] | undefined>;

export type ParamErrorCode = "MISSING_PARAMETER" | "INVALID_PARAMETER" | "NO_POLICY";

export interface ParamError {
  param: string;
  code: ParamErrorCode;
  /** Shown beside the form field. */
  message: string;
  /** For API callers, who see no form: names the parameter. */
  apiMessage: string;
}

export type Calculation<T> = { ok: true; value: T } | { ok: false; status: 400 | 422; errors: ParamError[] };

export const PARAM_LABELS: Record<string, string> = {
  category: "计算类别",
  month: "月份",
  wage: "月工资",
  birthDate: "出生日期",
  year: "年度",
  gender: "性别",
  totalMonths: "总缴费月数",
  localMonths: "本市实际缴费月数",
  unitAverageBase: "单位上年度平均月缴费基数",
};

/** URLSearchParams keep repeated keys; an array then reaches zod and is refused there, never half-read. */
export function paramsOf(search: URLSearchParams): RawParams {
  // fromEntries defines own properties, so a "__proto__" parameter stays a plain key.
  return Object.fromEntries(
    [...new Set(search.keys())].map((key) => {
      const values = search.getAll(key);
      return [key, values.length === 1 ? values[0] : values];
    }),
  );
}

/** Full-width digits typed with a Chinese IME read as ASCII; surrounding spaces do not count. */
export function normalize(raw: RawParams): RawParams {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? normalizeInput(v) : v]));
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === "";
}

/** A single required text parameter: absent and empty are "missing", repeated is invalid. */
export function text(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}只能填写一个`) })
    .min(1, `请填写${label}`);
}

/** A yuan amount as typed ("6000", "6,000.00"), exactly to the fen, more than zero. */
export function yuanAmount(label: string) {
  return text(label).transform((value, ctx) => {
    try {
      const fen = parseYuan(value);
      if (fen > 0n) return fen;
      ctx.addIssue({ code: "custom", message: `${label}应大于0` });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      ctx.addIssue({ code: "custom", message: error.message });
    }
    return z.NEVER;
  });
}

function paramError(param: string, code: ParamErrorCode, message: string): ParamError {
  const label = PARAM_LABELS[param] ?? param;
  const generic = message === `请填写${label}`;
  const apiMessage =
    code === "NO_POLICY"
      ? message
      : code === "MISSING_PARAMETER"
        ? `缺少参数 ${param}(${label})${generic ? "" : `:${message}`}`
        : `参数 ${param}(${label})有误:${message}`;
  return { param, code, message, apiMessage };
}

/** The first issue of each parameter, in the order the schema lists them; `params` already normalized. */
export function invalid(issues: readonly z.core.$ZodIssue[], params: RawParams): Calculation<never> {
  const errors: ParamError[] = [];
  for (const issue of issues) {
    const param = String(issue.path[0] ?? "category");
    if (errors.some((e) => e.param === param)) continue;
    errors.push(paramError(param, isMissing(params[param]) ? "MISSING_PARAMETER" : "INVALID_PARAMETER", issue.message));
  }
  return { ok: false, status: 400, errors };
}

/**
 * Runs a domain rule. A period without policy is 422 on the parameter that chose the period; a
 * DomainError tied to a field is that parameter's 400; anything else is a bug and propagates.
 */
export function runRule<T>(rule: () => T, periodParam: string): Calculation<T> {
  try {
    return { ok: true, value: rule() };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "NO_POLICY") {
      return { ok: false, status: 422, errors: [paramError(periodParam, "NO_POLICY", error.message)] };
    }
    if (!error.field) throw error;
    const code = error.code === "MISSING_PARAMETER" ? "MISSING_PARAMETER" : "INVALID_PARAMETER";
    return { ok: false, status: 400, errors: [paramError(error.field, code, error.message)] };
  }
}

/** For forms: each parameter's message, to show beside its field. */
export function errorsByParam(errors: readonly ParamError[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.param, e.message]));
}
