import type { Metadata } from "next";
import { CalculatorNav } from "@/components/calculator/calculator-nav";
import { RetirementForm } from "@/components/calculator/retirement-form";
import { RetirementResult } from "@/components/calculator/retirement-result";
import { Card } from "@/components/ui/card";
import { errorsByParam, type RawParams } from "@/lib/services/calculate-params";
import { calculateRetirement } from "@/lib/services/calculate-retirement";

export const metadata: Metadata = { title: "退休医保缴费年限测算" };

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function RetirementCalculatorPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const raw = await searchParams;
  const submitted = Object.keys(raw).length > 0;
  const outcome = submitted ? calculateRetirement(raw) : null;
  const errors = outcome && !outcome.ok ? errorsByParam(outcome.errors) : {};
  const values = {
    gender: single(raw.gender),
    totalMonths: single(raw.totalMonths),
    localMonths: single(raw.localMonths),
    unitAverageBase: single(raw.unitAverageBase),
  };

  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">医保缴费计算器</h1>
        <p className="mt-1 text-sm text-slate-700">无需登录。测算退休时医保缴费年限是否够,以及不足时的一次性缴费金额。</p>
      </div>
      <CalculatorNav current="retirement" />
      <Card>
        <RetirementForm values={values} errors={errors} />
      </Card>
      {outcome?.ok && <RetirementResult calculation={outcome.value} />}
    </main>
  );
}
