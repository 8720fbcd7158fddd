import type { Metadata } from "next";
import Link from "next/link";
import { BalanceChart } from "@/components/person/balance-chart";
import { BenefitStatusPanel } from "@/components/person/benefit-status";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateCst, formatDateTimeCst, yearOfCst } from "@/lib/domain/dates";
import { getBalanceHistory } from "@/lib/services/get-balance-history";
import { getPersonBenefit } from "@/lib/services/get-person-benefit";
import { getPersonOverview } from "@/lib/services/get-person-overview";
import { getYearSummary } from "@/lib/services/get-year-summary";

export const metadata: Metadata = { title: "账户概览" };

export default async function PersonOverviewPage() {
  const principal = await requireRole("person");
  const now = new Date();
  const o = await getPersonOverview(db(), { personId: principal.id, now });
  const [summary, benefit, history] = await Promise.all([
    getYearSummary(db(), { personId: principal.id, year: yearOfCst(now) }),
    getPersonBenefit(db(), { personId: principal.id, now }),
    getBalanceHistory(db(), { personId: principal.id, now }),
  ]);
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">账户概览</h1>
      <Card title="待遇状态">
        <BenefitStatusPanel benefit={benefit} />
      </Card>
      <Card title="个人账户余额">
        {o.account ? (
          <div>
            <p className="text-3xl font-semibold text-brand-800" data-testid="balance">
              <Money fen={o.account.balanceFen} />
            </p>
            <p className="mt-1 text-sm text-slate-600" data-testid="as-of">
              数据截至 {formatDateTimeCst(o.readAt)}
              {o.account.lastEntryAt && ` · 最近一笔发生于 ${formatDateCst(o.account.lastEntryAt)}`}
            </p>
            {summary && (
              <dl className="mt-3 grid grid-cols-3 gap-2 text-sm" aria-label={`${summary.year}年账户汇总`}>
                <div>
                  <dt className="text-slate-600">上年结转</dt>
                  <dd data-testid="carried-over">
                    <Money fen={summary.carriedOverFen} />
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">本年划入</dt>
                  <dd data-testid="credited">
                    <Money fen={summary.creditedFen} />
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">本年支出</dt>
                  <dd data-testid="spent">
                    <Money fen={summary.spentFen} />
                  </dd>
                </div>
              </dl>
            )}
            {history && <BalanceChart points={history.points} currentMonth={history.currentMonth} />}
            <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <Link href="/me/statement" className="text-brand-700 underline">
                查看个人账户明细
              </Link>
              <Link href="/me/settlements" className="text-brand-700 underline">
                就诊结算记录
              </Link>
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-700">您参加的是{o.categoryText},没有职工医保个人账户。</p>
        )}
      </Card>
      <Card title="参保信息">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">姓名</dt>
          <dd>{o.name}</dd>
          <dt className="text-slate-600">身份证号</dt>
          <dd className="tabular">{o.maskedIdNumber}</dd>
          <dt className="text-slate-600">个人编号</dt>
          <dd className="tabular">{o.personalNumber}</dd>
          <dt className="text-slate-600">参保类别</dt>
          <dd data-testid="category">{o.categoryText}</dd>
          <dt className="text-slate-600">人员状态</dt>
          <dd data-testid="employment-status">{o.employmentStatusText}</dd>
          <dt className="text-slate-600">参保区县</dt>
          <dd>{o.districtName}</dd>
          {o.unitName && (
            <>
              <dt className="text-slate-600">参保单位</dt>
              <dd>{o.unitName}</dd>
            </>
          )}
          <dt className="text-slate-600">社会保障卡</dt>
          <dd data-testid="card-status">{o.card ? `${o.card.maskedNumber}(${o.card.statusText})` : "无"}</dd>
        </dl>
      </Card>
    </main>
  );
}
