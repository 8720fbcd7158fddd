import type { Metadata } from "next";
import { MonthTable } from "@/components/unit/month-table";
import { PaymentTable } from "@/components/unit/payment-table";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { readUnitSearchParams } from "@/lib/domain/unit-query";
import { listUnitMonths } from "@/lib/services/list-unit-months";

export const metadata: Metadata = { title: "月度缴费" };

export default async function UnitMonthsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("clerk");
  const { query } = readUnitSearchParams(await searchParams);
  const list = await orNotFound(listUnitMonths(db(), { clerkId: principal.id, unitNumber: query.unit }));
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">月度缴费</h1>
      <Card>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">累计应缴</dt>
            <dd data-testid="total-due">
              <Money fen={list.totals.dueFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">累计已缴</dt>
            <dd data-testid="total-paid">
              <Money fen={list.totals.paidFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">当前欠费</dt>
            <dd
              data-testid="total-arrears"
              className={list.totals.arrearsFen > 0n ? "font-semibold text-red-800" : ""}
            >
              <Money fen={list.totals.arrearsFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">预缴待抵</dt>
            <dd data-testid="total-credit">
              <Money fen={list.totals.creditFen} />
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-xs text-slate-600">
          应缴 = 单位部分(基本医疗8.5% + 大额互助1.5%)+ 个人部分(基本医疗2% +
          大额互助5元)。到账金额按先欠先缴自动抵扣最早的欠费月份,不能选择月份抵扣;累计欠费为抵扣后截至该月的欠费合计。
        </p>
      </Card>

      <Card title="各月缴费">
        {list.months.length === 0 ? (
          <p className="text-sm text-slate-700">单位尚无申报记录。</p>
        ) : (
          <MonthTable months={list.months} />
        )}
      </Card>

      <Card title="到账及抵扣">
        <PaymentTable payments={list.payments} />
      </Card>
    </main>
  );
}
