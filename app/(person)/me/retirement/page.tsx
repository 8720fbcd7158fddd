import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { yearsAndMonths } from "@/lib/domain/contribution-months";
import { checkOwnRetirement } from "@/lib/services/check-own-retirement";

export const metadata: Metadata = { title: "退休年限" };

function duration(months: number): string {
  const { years, months: rest } = yearsAndMonths(months);
  if (years === 0) return `${rest}个月`;
  return rest === 0 ? `${years}年` : `${years}年${rest}个月`;
}

const monthText = (month: string) => `${month.slice(0, 4)}年${month.slice(5, 7)}月`;

export default async function RetirementPage() {
  const principal = await requireRole("person");
  const r = await checkOwnRetirement(db(), { personId: principal.id });
  const { count, check } = r;
  return (
    <main className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">退休年限(职工医保缴费年限)</h1>
      <Card title="您的缴费年限">
        <p className="text-3xl font-semibold text-brand-800">
          <span data-testid="contribution-duration">{duration(count.months)}</span>
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-slate-700">累计缴费月数</dt>
          <dd>
            <span data-testid="contribution-months">{count.months}</span> 个月
          </dd>
          <dt className="text-slate-700">其中本市实际缴费</dt>
          <dd>
            <span data-testid="local-months">{count.months}</span> 个月
          </dd>
          <dt className="text-slate-700">计算期间</dt>
          <dd>
            {count.firstMonth
              ? `${monthText(count.firstMonth)} 至 ${monthText(count.lastMonth ?? count.firstMonth)}`
              : "无职工医保缴费记录"}
          </dd>
          {count.unpaidMonths > 0 && (
            <>
              <dt className="text-slate-700">欠费未计入</dt>
              <dd data-testid="unpaid-months">{count.unpaidMonths} 个月(补缴后计入)</dd>
            </>
          )}
          {count.residentMonths > 0 && (
            <>
              <dt className="text-slate-700">居民医保期间</dt>
              <dd>{count.residentMonths} 个月(不计入职工医保缴费年限)</dd>
            </>
          )}
          {r.retiredFrom && (
            <>
              <dt className="text-slate-700">退休时间</dt>
              <dd>{monthText(r.retiredFrom)}(缴费年限计至退休前一个月)</dd>
            </>
          )}
        </dl>
      </Card>

      <Card title="退休后享受职工医保待遇的条件">
        <ul className="space-y-1.5 text-sm">
          <li>
            累计缴费年限(含视同缴费年限){r.gender === "M" ? "男性" : "女性"}须满{" "}
            <strong>{check.requiredMonths / 12} 年</strong>({check.requiredMonths} 个月);
          </li>
          <li>
            其中在本市实际缴费须满 <strong>10 年</strong>(120 个月)。
          </li>
        </ul>
        <div
          className={`mt-3 rounded-md border px-3 py-2 text-sm ${check.eligible ? "border-green-300 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-950"}`}
          data-testid="retirement-verdict"
        >
          {check.eligible ? (
            <p>按现有记录,您已满足退休后享受职工医保待遇的缴费年限条件。</p>
          ) : (
            <div className="space-y-1">
              {check.monthsShort > 0 && (
                <p>
                  累计缴费年限还差 <strong data-testid="months-short">{check.monthsShort}</strong> 个月(
                  {duration(check.monthsShort)})。
                </p>
              )}
              {check.localMonthsShort > 0 && (
                <p>
                  本市实际缴费年限还差{" "}
                  <strong data-testid="local-months-short">{check.localMonthsShort}</strong> 个月(
                  {duration(check.localMonthsShort)}),这部分须实际缴费,不能一次性补缴。
                </p>
              )}
            </div>
          )}
        </div>
        {check.monthsShort > 0 && (
          <div className="mt-3 text-sm">
            {r.lumpSumFen !== null && r.unitAverageBase ? (
              <p>
                如到退休时累计年限仍不足,不足部分可一次性缴纳:按单位{r.unitAverageBase.year}年平均月缴费基数{" "}
                <Money fen={r.unitAverageBase.fen} /> × 8% × {check.monthsShort} 个月估算,约{" "}
                <strong data-testid="lump-sum">
                  <Money fen={r.lumpSumFen} />
                </strong>
                。{!check.lumpSumSuffices && "但本市实际缴费不满10年时,仅一次性缴纳仍不能满足条件。"}
              </p>
            ) : (
              <p>
                不足部分一次性缴纳的金额按单位上年度平均月缴费基数计算,您的记录中没有可用的单位缴费基数,请咨询经办机构。
              </p>
            )}
          </div>
        )}
      </Card>

      <Card title="计算说明">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          <li>按本系统中您的参保记录和缴费记录计算,数据截至 {r.asOf};当月缴费尚未到期,不计入。</li>
          <li>只计算职工医保(随单位参保或以个人身份参保)期间;城乡居民医保期间不计入职工医保缴费年限。</li>
          <li>欠费月份不计入,补缴后计入;退休后不再缴费,缴费年限计至退休前一个月。</li>
          <li>
            视同缴费年限、在外地参保的年限未记录在本系统,未计入;如有,以经办机构核定为准,本页结果仅供参考。
          </li>
        </ul>
        <p className="mt-3 text-sm">
          想试算其他情况,可使用
          <Link href="/calculator/retirement" className="text-brand-700 underline">
            退休年限计算器
          </Link>
          。
        </p>
      </Card>
    </main>
  );
}
