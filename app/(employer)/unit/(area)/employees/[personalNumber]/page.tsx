import type { Metadata } from "next";
import Link from "next/link";
import { BenefitBadge } from "@/components/unit/badges";
import { EmployeeMonthsTable } from "@/components/unit/employee-months-table";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { readUnitSearchParams } from "@/lib/domain/unit-query";
import { getUnitEmployee } from "@/lib/services/get-unit-employee";

export const metadata: Metadata = { title: "职工缴费与待遇" };

export default async function UnitEmployeePage({
  params,
  searchParams,
}: {
  params: Promise<{ personalNumber: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("clerk");
  const { personalNumber } = await params;
  const { query } = readUnitSearchParams(await searchParams);
  const e = await orNotFound(
    getUnitEmployee(db(), { clerkId: principal.id, unitNumber: query.unit, personalNumber }),
  );
  const s = e.status;
  return (
    <main className="space-y-4">
      <p className="text-sm no-print">
        <Link href="/unit/affected" className="text-brand-700 underline underline-offset-4">
          ← 欠费影响职工
        </Link>
      </p>
      <h1 className="text-xl font-semibold">
        {e.maskedName}{" "}
        <span className="tabular text-base font-normal text-slate-700">{e.personalNumber}</span>
      </h1>
      <Card title="待遇状态">
        <p className="flex flex-wrap items-center gap-2">
          <BenefitBadge status={s.status} text={s.statusText} testId="benefit-status" />
          <span className="font-medium" data-testid="benefit-reason">
            {s.reason}
          </span>
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">人员状态</dt>
          <dd>
            {e.employmentStatusText}
            {!e.onUnitBooks && "(已不在本单位)"}
          </dd>
          {(s.since || s.until) && (
            <>
              <dt className="text-slate-600">期间</dt>
              <dd className="tabular" data-testid="benefit-period">
                {s.since ?? "—"} 至 {s.until ?? "今"}
              </dd>
            </>
          )}
          {e.unpaidMonthsText && (
            <>
              <dt className="text-slate-600">欠费月份</dt>
              <dd className="tabular">{e.unpaidMonthsText}</dd>
            </>
          )}
          {e.outlook && (
            <>
              <dt className="text-slate-600">恢复待遇</dt>
              <dd>
                单位缴纳 <Money fen={e.outlook.payToRestoreFen} className="font-semibold" />
                (按先欠先缴,含更早月份欠费),缴清后次月起恢复
              </dd>
              <dt className="text-slate-600">3个月期限</dt>
              <dd>
                {e.outlook.coverable ? (
                  <>
                    <span className="tabular">{e.outlook.coverDeadline}</span> 前(
                    {e.outlook.daysLeft === 0 ? "今天是最后一天" : `还剩 ${e.outlook.daysLeft} 天`})缴纳{" "}
                    <Money fen={e.outlook.payToCoverFen} />
                    ,停保期间的医疗费用可按规定支付
                  </>
                ) : (
                  "已超过3个月:补缴后停保期间的医疗费用不予支付,个人账户按规定补划"
                )}
              </dd>
            </>
          )}
          {s.restoreHint && (
            <>
              <dt className="text-slate-600">说明</dt>
              <dd className="text-slate-700">{s.restoreHint}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card title="在本单位的缴费记录">
        {e.months.length === 0 ? (
          <p className="text-sm text-slate-700">本单位没有为该职工申报过缴费。</p>
        ) : (
          <EmployeeMonthsTable months={e.months} />
        )}
      </Card>
    </main>
  );
}
