import type { Metadata } from "next";
import { CalculatorNav } from "@/components/calculator/calculator-nav";
import { type ContributionSection, ContributionForm } from "@/components/calculator/contribution-form";
import { ContributionResult } from "@/components/calculator/contribution-result";
import { Card } from "@/components/ui/card";
import { formatDateCst } from "@/lib/domain/dates";
import { coveredEmployeeMonths, coveredYears } from "@/lib/domain/policy";
import { calculateContribution } from "@/lib/services/calculate-contribution";
import { errorsByParam, type RawParams } from "@/lib/services/calculate-params";

export const metadata: Metadata = { title: "医保缴费计算器" };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sectionOf(category: string | undefined): ContributionSection {
  if (category?.startsWith("individual-")) return "individual";
  if (category?.startsWith("resident-")) return "resident";
  return category === "unit-retiree" ? "unit-retiree" : "unit-employee";
}

/** This month (China time), moved inside the table's range so the first calculation needs no typing. */
function defaultMonth(range: { first: string; last: string }): string {
  const now = formatDateCst(new Date()).slice(0, 7);
  // "YYYY-MM" sorts as months do, and the middle of three sorted values is the clamp.
  return [range.first, now, range.last].sort()[1]!;
}

function defaultYear(years: number[]): string {
  const now = Number(formatDateCst(new Date()).slice(0, 4));
  return String(years.includes(now) ? now : years[years.length - 1]);
}

export default async function CalculatorPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const raw = await searchParams;
  const category = single(raw.category);
  const section = sectionOf(category);
  // Arriving from a link carries only the category; anything more is a submitted form.
  const submitted = Object.keys(raw).some((k) => k !== "category");
  const outcome = submitted ? calculateContribution(raw) : null;
  const errors = outcome && !outcome.ok ? errorsByParam(outcome.errors) : {};

  const months = coveredEmployeeMonths();
  const years = coveredYears(section === "individual" ? "individual" : "resident");
  const values: Record<string, string> = {
    category: category ?? "",
    month: single(raw.month) ?? defaultMonth(months),
    wage: single(raw.wage) ?? "",
    birthDate: single(raw.birthDate) ?? "",
    year: single(raw.year) ?? defaultYear(years),
  };

  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">医保缴费计算器</h1>
        <p className="mt-1 text-sm text-slate-700">无需登录。按重庆市医保政策参数测算缴费和个人账户划入,结果仅供参考。</p>
      </div>
      <CalculatorNav current={section} />
      <Card>
        <ContributionForm section={section} values={values} errors={errors} months={months} years={years} />
      </Card>
      {outcome?.ok && <ContributionResult calculation={outcome.value} />}
    </main>
  );
}
