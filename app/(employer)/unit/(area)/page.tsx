import type { Metadata } from "next";
import Link from "next/link";
import { ConsequencesInEffect, NextConsequence } from "@/components/unit/consequence";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { formatDateCst, formatDateTimeCst } from "@/lib/domain/dates";
import { readUnitSearchParams } from "@/lib/domain/unit-query";
import { getUnitOverview } from "@/lib/services/get-unit-overview";

export const metadata: Metadata = { title: "单位概览" };

export default async function UnitHomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("clerk");
  const { query } = readUnitSearchParams(await searchParams);
  const o = await orNotFound(getUnitOverview(db(), { clerkId: principal.id, unitNumber: query.unit }));
  const owes = o.arrears.totalFen > 0n;
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">{o.unit.name}</h1>
      <Card title="单位信息">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">单位编号</dt>
          <dd className="tabular" data-testid="unit-number">
            {o.unit.unitNumber}
          </dd>
          <dt className="text-slate-600">统一社会信用代码</dt>
          <dd className="tabular break-all" data-testid="credit-code">
            {o.unit.maskedCreditCode}
          </dd>
          <dt className="text-slate-600">所在区县</dt>
          <dd data-testid="district">{o.unit.districtName}</dd>
          <dt className="text-slate-600">经办机构</dt>
          <dd>{o.unit.agencyName}</dd>
          <dt className="text-slate-600">经办人</dt>
          <dd>
            {o.clerk.name}({o.clerk.username})
          </dd>
        </dl>
      </Card>

      <Card title="参保职工">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">在职</dt>
            <dd className="text-2xl font-semibold tabular" data-testid="in-service">
              {o.employees.inService}
              <span className="ml-1 text-sm font-normal">人</span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">退休</dt>
            <dd className="text-2xl font-semibold tabular" data-testid="retired">
              {o.employees.retired}
              <span className="ml-1 text-sm font-normal">人</span>
            </dd>
          </div>
          {o.latestMonth && (
            <div className="col-span-2 sm:col-span-1">
              <dt className="text-slate-600">最近申报({o.latestMonth.month})</dt>
              <dd data-testid="latest-month">
                <span className="tabular">{o.latestMonth.employees}</span> 人,应缴{" "}
                <Money fen={o.latestMonth.dueFen} />,
                {o.latestMonth.paidUpAt ? (
                  <span>{formatDateCst(o.latestMonth.paidUpAt)} 已缴清</span>
                ) : (
                  <span className="text-red-800">
                    已缴 <Money fen={o.latestMonth.paidFen} />
                  </span>
                )}
              </dd>
            </div>
          )}
        </dl>
      </Card>

      <section
        aria-labelledby="arrears-title"
        className={`rounded-lg border p-4 text-sm shadow-sm ${owes ? "border-red-300 bg-red-50 text-red-950" : "border-slate-200 bg-white"}`}
      >
        <h2 id="arrears-title" className="mb-2 text-base font-semibold">
          欠费情况
        </h2>
        <p>
          当前欠费合计{" "}
          <span data-testid="arrears-total">
            <Money
              fen={o.arrears.totalFen}
              className={`text-2xl font-semibold ${owes ? "text-red-800" : ""}`}
            />
          </span>
        </p>
        {owes ? (
          <>
            <p className="mt-1" data-testid="arrears-months">
              欠费月份:
              {o.arrears.months.map((m, i) => (
                <span key={m.month} className="whitespace-nowrap">
                  {i > 0 && "、"}
                  <Link href={`/unit/months/${m.month}`} className="tabular underline underline-offset-4">
                    {m.month}
                  </Link>
                  (<Money fen={m.arrearsFen} />)
                </span>
              ))}
            </p>
            <ConsequencesInEffect outlook={o.outlook} />
          </>
        ) : (
          <p className="mt-1">单位没有欠费,职工医保待遇不受影响。</p>
        )}
        {o.arrears.creditFen > 0n && (
          <p className="mt-1">
            预缴待抵 <Money fen={o.arrears.creditFen} />
            ,将按先欠先缴抵扣以后申报的月份。
          </p>
        )}
      </section>

      {o.outlook.next && (
        <section
          aria-labelledby="next-title"
          className="rounded-lg border-l-4 border-red-700 bg-white p-4 text-sm shadow-sm"
        >
          <h2 id="next-title" className="mb-2 text-base font-semibold">
            下一项后果
          </h2>
          <NextConsequence next={o.outlook.next} />
          <Link
            href="/unit/affected"
            className="mt-2 inline-block text-brand-700 underline underline-offset-4"
          >
            查看受影响的职工
          </Link>
        </section>
      )}

      <p className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link href="/unit/months" className="text-brand-700 underline underline-offset-4">
          月度缴费记录
        </Link>
        <Link href="/unit/affected" className="text-brand-700 underline underline-offset-4">
          欠费影响职工
        </Link>
        <span className="text-slate-600">数据截至 {formatDateTimeCst(o.readAt)}</span>
      </p>
    </main>
  );
}
