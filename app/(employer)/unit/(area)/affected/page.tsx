import type { Metadata } from "next";
import Link from "next/link";
import { AffectedList } from "@/components/unit/affected-list";
import { ConsequencesInEffect, NextConsequence } from "@/components/unit/consequence";
import { Pager, pagerHrefs } from "@/components/unit/pager";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { readUnitSearchParams } from "@/lib/domain/unit-query";
import { listAffectedEmployees } from "@/lib/services/list-affected-employees";

export const metadata: Metadata = { title: "欠费影响职工" };

export default async function AffectedEmployeesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("clerk");
  const { query, problems } = readUnitSearchParams(await searchParams);
  const page = await orNotFound(
    listAffectedEmployees(db(), {
      clerkId: principal.id,
      unitNumber: query.unit,
      after: query.after,
      before: query.before,
      pageSize: query.size,
    }),
  );
  const pager = pagerHrefs("/unit/affected", { size: query.size }, page);
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">欠费影响职工</h1>
      <section
        aria-labelledby="summary-title"
        className={`rounded-lg border p-4 text-sm shadow-sm ${page.arrearsFen > 0n ? "border-red-300 bg-red-50 text-red-950" : "border-slate-200 bg-white"}`}
      >
        <h2 id="summary-title" className="mb-2 text-base font-semibold">
          单位欠费
        </h2>
        <p>
          当前欠费合计{" "}
          <span data-testid="arrears-total">
            <Money fen={page.arrearsFen} className="font-semibold" />
          </span>
          {page.unitOutlook.arrearsSince && (
            <>
              ,自 <span className="tabular">{page.unitOutlook.arrearsSince}</span> 起欠费
            </>
          )}
          。欠费月份的次月起,该月申报的职工停止享受医保统筹待遇;缴清后次月恢复。欠费3个月内缴清的,停保期间的医疗费用按规定支付,超过3个月的不予支付。
        </p>
        <ConsequencesInEffect outlook={page.unitOutlook} />
        {page.unitOutlook.next && (
          <div className="mt-3 rounded-md bg-white p-3 text-slate-900">
            <NextConsequence next={page.unitOutlook.next} />
          </div>
        )}
      </section>

      <Card title={`受影响职工(${page.total} 人)`}>
        {Object.values(problems).map((p) => (
          <div key={p} className="mb-3">
            <FormMessage message={p} />
          </div>
        ))}
        {page.total === 0 ? (
          <p className="text-sm text-slate-700" data-testid="no-affected">
            单位当前没有欠费,没有职工因欠费暂停待遇。
            <Link href="/unit/months" className="ml-1 text-brand-700 underline underline-offset-4">
              查看月度缴费
            </Link>
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              包括欠费月份(
              {page.months
                .filter((m) => m.arrearsFen > 0n)
                .map((m) => m.month)
                .join("、") || "无"}
              )申报的职工{page.months.some((m) => m.arrearsFen === 0n) ? ",以及本月刚缴清月份的职工" : ""}
              ;姓名已脱敏。
            </p>
            <AffectedList rows={page.employees} />
          </>
        )}
        <Pager
          {...pager}
          summary={page.total > 0 ? `共 ${page.total} 人,每页 ${page.pageSize} 人` : undefined}
        />
      </Card>
    </main>
  );
}
