import type { Metadata } from "next";
import Link from "next/link";
import { FilterField } from "@/components/person/filter-field";
import { Pager } from "@/components/person/pager";
import { StatementTable } from "@/components/person/statement-table";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { readDb } from "@/lib/db/client";
import { ENTRY_KIND_LABEL } from "@/lib/domain/labels";
import { getYearSummary } from "@/lib/services/get-year-summary";
import { listStatement, STATEMENT_PAGE_SIZE } from "@/lib/services/list-statement";
import {
  parseStatementQuery,
  STATEMENT_KIND_OPTIONS,
  type StatementQuery,
  statementFilterParams,
} from "@/lib/services/statement-query";

export const metadata: Metadata = { title: "个人账户明细" };

function withFilters(path: string, q: StatementQuery, extra: Record<string, string> = {}) {
  const p = statementFilterParams(q);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

function describeFilters(q: StatementQuery): string {
  const parts: string[] = [];
  if (q.year !== undefined) parts.push(`${q.year}年`);
  if (q.from !== undefined || q.to !== undefined) parts.push(`${q.from ?? "最早"}至${q.to ?? "今天"}`);
  if (q.kind !== undefined) parts.push(ENTRY_KIND_LABEL[q.kind]);
  return parts.length ? `筛选:${parts.join(",")}` : "全部明细";
}

export default async function StatementPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("person");
  const { query, errors } = parseStatementQuery(await searchParams);
  const [page, summary] = await Promise.all([
    listStatement(readDb(), { personId: principal.id, ...query }),
    query.year !== undefined
      ? getYearSummary(readDb(), { personId: principal.id, year: query.year })
      : Promise.resolve(null),
  ]);
  const hasErrors = Object.keys(errors).length > 0;
  const filters = describeFilters(query);

  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">个人账户明细</h1>
      <form
        method="get"
        className="grid grid-cols-2 gap-3 no-print sm:flex sm:flex-wrap sm:items-end"
        aria-label="筛选明细"
      >
        <FilterField id="year" label="年度" error={errors.year}>
          {(props) => (
            <select {...props} defaultValue={query.year ?? ""}>
              <option value="">全部年度</option>
              {page.years.map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField id="kind" label="类型" error={errors.kind}>
          {(props) => (
            <select {...props} defaultValue={query.kind ?? ""}>
              <option value="">全部类型</option>
              {STATEMENT_KIND_OPTIONS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField id="from" label="开始日期" error={errors.from}>
          {(props) => (
            <input {...props} type="date" defaultValue={query.from ?? ""} min="2000-01-01" max="2100-12-31" />
          )}
        </FilterField>
        <FilterField id="to" label="结束日期" error={errors.to}>
          {(props) => (
            <input {...props} type="date" defaultValue={query.to ?? ""} min="2000-01-01" max="2100-12-31" />
          )}
        </FilterField>
        <div className="col-span-2 flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
            查询
          </button>
          <Link href="/me/statement" className="text-sm text-brand-700 underline">
            清除条件
          </Link>
        </div>
        {hasErrors && (
          <p className="col-span-2 w-full text-sm text-red-700" role="status">
            部分查询条件无效,已按其余条件显示。
          </p>
        )}
      </form>

      {summary && (
        <Card title={`${summary.year}年汇总`}>
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="year-summary">
            <div>
              <dt className="text-slate-600">上年结转</dt>
              <dd data-testid="year-carried-over">
                <Money fen={summary.carriedOverFen} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">本年划入</dt>
              <dd data-testid="year-credited">
                <Money fen={summary.creditedFen} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">本年支出</dt>
              <dd data-testid="year-spent">
                <Money fen={summary.spentFen} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">年末余额</dt>
              <dd data-testid="year-closing">
                <Money fen={summary.closingFen} />
              </dd>
            </div>
          </dl>
        </Card>
      )}

      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm no-print">
          <p className="text-slate-700" data-testid="statement-filters">
            {filters}
          </p>
          {page.hasAccount && (
            <p className="flex flex-wrap gap-x-4 gap-y-1">
              <a
                href={withFilters("/me/statement/export", query)}
                className="text-brand-700 underline"
                download
              >
                导出CSV
              </a>
              <Link
                href={withFilters(
                  "/me/statement/print",
                  query.year !== undefined ? { year: query.year } : {},
                )}
                className="text-brand-700 underline"
              >
                打印对账单
              </Link>
            </p>
          )}
        </div>
        {page.rows.length === 0 ? (
          <p className="text-sm text-slate-700">
            {page.hasAccount ? "所选条件下没有明细。" : "您没有职工医保个人账户。"}
          </p>
        ) : (
          <StatementTable
            rows={page.rows}
            caption={`个人账户明细(${filters}),按时间由近到远排列,每页${STATEMENT_PAGE_SIZE}条`}
          />
        )}
        <Pager
          newerHref={
            page.newerCursor !== null
              ? withFilters("/me/statement", query, { before: page.newerCursor.toString() })
              : null
          }
          olderHref={
            page.olderCursor !== null
              ? withFilters("/me/statement", query, { after: page.olderCursor.toString() })
              : null
          }
        />
      </Card>
    </main>
  );
}
