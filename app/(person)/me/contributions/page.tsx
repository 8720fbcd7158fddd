import type { Metadata } from "next";
import { ArrearsWarning } from "@/components/person/arrears-warning";
import { ContributionsTable } from "@/components/person/contributions-table";
import { FilterField } from "@/components/person/filter-field";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getPersonBenefit } from "@/lib/services/get-person-benefit";
import { getPersonOverview } from "@/lib/services/get-person-overview";
import { listContributions } from "@/lib/services/list-contributions";
import { parseSettlementQuery } from "@/lib/services/statement-query";

export const metadata: Metadata = { title: "缴费记录" };

export default async function ContributionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("person");
  // Only the year is read here; the settlement parser checks it the same way.
  const { query, errors } = parseSettlementQuery(await searchParams);
  const [history, benefit, overview] = await Promise.all([
    listContributions(db(), { personId: principal.id, year: query.year }),
    getPersonBenefit(db(), { personId: principal.id }),
    getPersonOverview(db(), { personId: principal.id }),
  ]);
  const retired = benefit.status.reasonCode === "RETIRED";
  const units = [...new Set(history.rows.map((r) => r.unitName))];

  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">缴费记录</h1>
      {benefit.arrears && <ArrearsWarning arrears={benefit.arrears} />}
      <Card>
        <p className="text-sm text-slate-700">
          参保类别:{overview.categoryText} · {overview.employmentStatusText}
          {retired && "。退休人员不再缴纳基本医疗保险费,个人账户按月定额划入。"}
        </p>
        {history.years.length > 0 && (
          <form
            method="get"
            className="mt-3 flex flex-wrap items-end gap-3 no-print"
            aria-label="筛选缴费记录"
          >
            <FilterField id="year" label="年度" error={errors.year}>
              {(props) => (
                <select {...props} defaultValue={query.year ?? ""} className={`${props.className} sm:w-40`}>
                  <option value="">全部年度</option>
                  {history.years.map((y) => (
                    <option key={y} value={y}>
                      {y}年
                    </option>
                  ))}
                </select>
              )}
            </FilterField>
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
              查询
            </button>
          </form>
        )}
      </Card>
      <Card title={query.year !== undefined ? `${query.year}年缴费明细` : "缴费明细"}>
        {history.rows.length === 0 ? (
          <p className="text-sm text-slate-700">
            {retired
              ? "所选期间没有缴费记录。"
              : "所选期间没有单位申报的缴费记录。以个人身份参保的,缴费情况请向税务部门查询。"}
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700" data-testid="contribution-totals">
              {units.length === 1 && `缴费单位:${units[0]}。`}共{history.rows.length}个月,应缴合计{" "}
              <Money fen={history.totals.dueFen} />
              ,其中个人缴纳 <Money fen={history.totals.employeeBasicFen} />
              {history.totals.arrearsMonths > 0 && (
                <strong className="text-red-700">,欠费{history.totals.arrearsMonths}个月</strong>
              )}
              。
            </p>
            <ContributionsTable rows={history.rows} showUnit={units.length > 1} />
            <p className="mt-3 text-xs text-slate-600">
              单位缴纳为单位基本医疗保险费(含生育保险);个人缴纳为本人基本医疗保险费,按月划入个人账户;大额互助为单位和个人缴纳的大额医疗互助保险费。单位按月缴费,缴费按欠费月份先后依次冲抵。
            </p>
          </>
        )}
      </Card>
    </main>
  );
}
