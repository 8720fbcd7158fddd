import type { Metadata } from "next";
import Link from "next/link";
import { PaymentBadge } from "@/components/unit/badges";
import { EmployeeLineTable } from "@/components/unit/employee-line-table";
import { Pager, pagerHrefs } from "@/components/unit/pager";
import { EmployeeSearchForm } from "@/components/unit/search-form";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { formatDateCst } from "@/lib/domain/dates";
import { readUnitSearchParams, unitQueryString } from "@/lib/domain/unit-query";
import { listUnitMonthEmployees } from "@/lib/services/list-unit-month-employees";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ month: string }>;
}): Promise<Metadata> {
  const { month } = await params;
  return { title: `${/^\d{4}-\d{2}$/.test(month) ? month : ""} 缴费明细` };
}

export default async function UnitMonthPage({
  params,
  searchParams,
}: {
  params: Promise<{ month: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("clerk");
  const { month: monthParam } = await params;
  const { query, problems } = readUnitSearchParams(await searchParams);
  const page = await orNotFound(
    listUnitMonthEmployees(db(), {
      clerkId: principal.id,
      unitNumber: query.unit,
      month: monthParam,
      q: query.q,
      after: query.after,
      before: query.before,
      pageSize: query.size,
    }),
  );
  const m = page.month;
  const path = `/unit/months/${m.month}`;
  const keep = { q: page.q ?? undefined, size: query.size };
  const pager = pagerHrefs(path, keep, page);
  const partPaid = m.paidUpAt === null && m.paidFen > 0n;
  const csvHref = `/api/v1/unit/months/${m.month}/employees.csv${unitQueryString({ q: page.q ?? undefined }, ["q"])}`;
  return (
    <main className="space-y-4">
      <p className="text-sm no-print">
        <Link href="/unit/months" className="text-brand-700 underline underline-offset-4">
          ← 月度缴费
        </Link>
      </p>
      <h1 className="text-xl font-semibold">
        <span className="tabular">{m.month}</span> 缴费明细
      </h1>

      <Card title="本月合计">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="month-summary">
          <div>
            <dt className="text-slate-600">申报人数</dt>
            <dd className="tabular" data-testid="month-employees">
              {m.employees} 人
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">应缴</dt>
            <dd data-testid="month-due">
              <Money fen={m.dueFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">单位部分</dt>
            <dd data-testid="month-unit-part">
              <Money fen={m.unitPartFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">个人部分</dt>
            <dd data-testid="month-employee-part">
              <Money fen={m.employeePartFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">其中大额互助</dt>
            <dd data-testid="month-mutual-aid">
              <Money fen={m.mutualAidFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">已缴</dt>
            <dd data-testid="month-paid">
              <Money fen={m.paidFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">本月欠费</dt>
            <dd data-testid="month-arrears" className={m.arrearsFen > 0n ? "font-semibold text-red-800" : ""}>
              <Money fen={m.arrearsFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">累计欠费(截至本月)</dt>
            <dd
              data-testid="month-running"
              className={m.runningArrearsFen > 0n ? "font-semibold text-red-800" : ""}
            >
              <Money fen={m.runningArrearsFen} />
            </dd>
          </div>
        </dl>
        <div className="mt-3 text-sm" data-testid="month-settled-by">
          {m.paidUpAt ? (
            <p>
              <PaymentBadge state="PAID" text="已缴清" />{" "}
              <span className="tabular">{formatDateCst(m.paidUpAt)}</span>
            </p>
          ) : (
            <p>
              <PaymentBadge
                state={partPaid ? "MONTH_PART_PAID" : "OPEN"}
                text={partPaid ? "部分缴纳" : "未缴"}
              />
            </p>
          )}
          {m.settledBy.length > 0 && (
            <p className="mt-1 text-slate-700">
              抵扣本月的到账:
              {m.settledBy.map((s, i) => (
                <span key={s.reference}>
                  {i > 0 && ";"}
                  <span className="tabular">{formatDateCst(s.receivedAt)}</span>{" "}
                  <span className="break-all">{s.reference}</span> <Money fen={s.amountFen} />
                </span>
              ))}
            </p>
          )}
          {partPaid && (
            <p className="mt-1 text-amber-900">
              单位本月只缴纳了一部分;本月全部缴清前,本月所有职工均按欠费处理,待遇以月度缴清为准。
            </p>
          )}
        </div>
      </Card>

      <Card title="职工明细">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <EmployeeSearchForm action={path} q={page.q} size={query.size} />
          <a href={csvHref} className="text-sm text-brand-700 underline underline-offset-4 no-print" download>
            导出 CSV{page.q ? "(当前查询结果)" : ""}
          </a>
        </div>
        {Object.values(problems).map((p) => (
          <div key={p} className="mt-3">
            <FormMessage message={p} />
          </div>
        ))}
        <div className="mt-3">
          {page.employees.length === 0 ? (
            <p className="text-sm text-slate-700">{page.q ? "没有符合条件的职工。" : "本页没有职工。"}</p>
          ) : (
            <EmployeeLineTable
              rows={page.employees}
              caption={`${m.month} 职工缴费明细,每页最多${page.pageSize}人,姓名已脱敏`}
            />
          )}
        </div>
        <Pager
          {...pager}
          summary={
            page.total !== null ? `共 ${page.total} 人,每页 ${page.pageSize} 人` : `每页 ${page.pageSize} 人`
          }
        />
      </Card>
    </main>
  );
}
