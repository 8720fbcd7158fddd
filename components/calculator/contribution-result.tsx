import { Card } from "@/components/ui/card";
import { formatYuanPlain } from "@/lib/domain/money";
import { ratePercent } from "@/lib/domain/policy";
import type { ContributionCalculation } from "@/lib/services/calculate-contribution";
import { PolicyBasisList, ProvisionalNote, type ResultRow, ResultTable } from "./result-table";

function monthText(month: string): string {
  const [y, m] = month.split("-");
  return `${y}年${Number(m)}月`;
}

function tables(c: ContributionCalculation): { caption: string; rows: ResultRow[] }[] {
  switch (c.category) {
    case "unit-employee": {
      const r = c.result;
      const base = formatYuanPlain(r.baseFen);
      const baseNote =
        r.clamped === "lower"
          ? `月工资低于缴费基数下限 ${formatYuanPlain(r.lowerFen)} 元,按下限计`
          : r.clamped === "upper"
            ? `月工资高于缴费基数上限 ${formatYuanPlain(r.upperFen)} 元,按上限计`
            : "即月工资(在缴费基数上下限之间)";
      return [
        {
          caption: `${monthText(c.month)} 单位和个人每月缴费`,
          rows: [
            { label: "缴费基数", note: baseNote, fen: r.baseFen },
            { label: "单位缴纳基本医疗保险费", note: `${base} × ${ratePercent(r.rates.unitBasic)}(含生育保险)`, fen: r.unitBasicFen },
            { label: "个人缴纳基本医疗保险费", note: `${base} × ${ratePercent(r.rates.employeeBasic)},由单位从工资中代扣`, fen: r.employeeBasicFen },
            { label: "单位缴纳大额医疗互助", note: `${base} × ${ratePercent(r.rates.unitMutualAid)}`, fen: r.unitMutualAidFen },
            { label: "个人缴纳大额医疗互助", note: "每月定额,由单位从工资中代扣", fen: r.employeeMutualAidFen },
            { label: "单位每月应缴合计", note: "含代扣的个人部分;长期护理保险不另缴", fen: r.dueFen, total: true },
          ],
        },
        {
          caption: "个人账户",
          rows: [
            { label: "划入个人账户", note: "等于个人缴纳的基本医疗保险费", fen: r.accountCreditFen },
            { label: "长期护理保险(个人账户扣减)", note: `${base} × ${ratePercent(r.rates.ltcAccount)}`, fen: r.ltcAccountFen },
            { label: "个人账户每月净增加", fen: r.accountNetFen, total: true },
            { label: "长期护理保险(统筹基金划转)", note: `${base} × ${ratePercent(r.rates.ltcFund)},从统筹基金划转,不由单位另缴`, fen: r.ltcFundFen },
          ],
        },
      ];
    }
    case "unit-retiree": {
      const r = c.result;
      return [
        {
          caption: `${monthText(c.month)} 退休人员个人账户`,
          rows: [
            { label: "定额划入个人账户", note: r.explanation, fen: r.creditFen },
            { label: "大额医疗互助(个人账户扣减)", note: "每月定额", fen: r.mutualAidDeductionFen },
            { label: "长期护理保险(个人账户扣减)", note: "全年金额按月平均扣减,余数在12月扣减", fen: r.ltcDeductionFen },
            { label: "个人账户每月净增加", fen: r.netCreditFen, total: true },
          ],
        },
      ];
    }
    case "individual-tier1":
    case "individual-tier2": {
      const r = c.result;
      const base = formatYuanPlain(r.yearlyBaseFen);
      return [
        {
          caption: `${c.year}年 灵活就业人员${c.tier === 1 ? "一档" : "二档"}年缴费`,
          rows: [
            { label: "年缴费基数", fen: r.yearlyBaseFen },
            { label: "基本医疗保险费", note: `${base} × ${ratePercent(r.basicRate)}`, fen: r.basicFen },
            { label: "大额医疗互助", note: `${base} × ${ratePercent(r.mutualAidRate)}`, fen: r.mutualAidFen },
            { label: "年缴费合计", note: r.hasPersonalAccount ? "建立个人账户" : "一档不建立个人账户", fen: r.totalFen, total: true },
            {
              label: "长期护理保险(每年)",
              note: r.ltcPaidFrom === "premium" ? "随保费另行缴纳" : "从个人账户扣减",
              fen: r.ltcFen,
            },
          ],
        },
      ];
    }
    case "resident-tier1":
    case "resident-tier2":
      return [
        {
          caption: `${c.year}年 城乡居民医保${c.tier === 1 ? "一档" : "二档"}`,
          rows: [{ label: "个人年缴费", note: "按年缴纳", fen: c.result.premiumFen, total: true }],
        },
      ];
  }
}

export function ContributionResult({ calculation }: { calculation: ContributionCalculation }) {
  const { provisional, basis } = calculation.result;
  return (
    <Card title="计算结果">
      <div className="space-y-4" data-testid="calculator-result">
        <ProvisionalNote basis={basis} />
        {tables(calculation).map((t) => (
          <ResultTable key={t.caption} caption={t.caption} rows={t.rows} provisional={provisional} />
        ))}
        <PolicyBasisList basis={basis} />
        <p className="text-xs text-slate-600">按重庆市现行政策测算,仅供参考,实际金额以医保经办机构核定为准。</p>
      </div>
    </Card>
  );
}
