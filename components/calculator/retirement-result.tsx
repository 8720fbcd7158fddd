import { Card } from "@/components/ui/card";
import { formatYuanPlain } from "@/lib/domain/money";
import { ratePercent } from "@/lib/domain/policy";
import type { RetirementCalculation } from "@/lib/services/calculate-retirement";
import { type ResultRow, ResultTable } from "./result-table";

function yearsAndMonths(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return [y ? `${y}年` : "", m || !y ? `${m}个月` : ""].join("");
}

export function RetirementResult({ calculation }: { calculation: RetirementCalculation }) {
  const { result, unitAverageBaseFen } = calculation;
  const rows: ResultRow[] = [
    { label: "结论", text: result.eligible ? "缴费年限已满足" : "缴费年限尚不满足", total: true },
    { label: "须缴费月数", note: yearsAndMonths(result.requiredMonths), text: `${result.requiredMonths}个月` },
    { label: "总缴费月数尚差", text: `${result.monthsShort}个月` },
    { label: "本市实际缴费月数尚差", note: "须满120个月(10年)", text: `${result.localMonthsShort}个月` },
  ];
  if (result.monthsShort > 0 && unitAverageBaseFen !== null) {
    rows.push({
      label: "一次性缴费金额",
      note: `${formatYuanPlain(unitAverageBaseFen)} × ${ratePercent(result.lumpSumRate)} × ${result.monthsShort}个月`,
      fen: result.lumpSumFen,
      total: true,
    });
  }
  return (
    <Card title="计算结果">
      <div className="space-y-4" data-testid="calculator-result">
        <ResultTable caption="退休医保缴费年限" rows={rows} provisional={false} />
        {result.localMonthsShort > 0 && (
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            本市实际缴费满10年的条件不能用一次性缴费补足,还须在本市实际缴费 {result.localMonthsShort} 个月。
            实际缴费的月数同时计入总缴费月数,届时一次性缴费金额会相应减少。
          </p>
        )}
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer text-brand-700">政策依据</summary>
          <p className="mt-2">{result.source}</p>
        </details>
        <p className="text-xs text-slate-600">测算结果仅供参考,以医保经办机构核定为准。</p>
      </div>
    </Card>
  );
}
