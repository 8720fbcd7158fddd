import type { Metadata } from "next";
import { FilterField } from "@/components/person/filter-field";
import { Pager } from "@/components/person/pager";
import { SettlementsTable } from "@/components/person/settlements-table";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listSettlements } from "@/lib/services/list-settlements";
import {
  formatSettlementCursor,
  parseSettlementQuery,
  type SettlementCursor,
} from "@/lib/services/statement-query";

export const metadata: Metadata = { title: "就诊结算记录" };

function pageHref(year: number | undefined, key: "after" | "before", cursor: SettlementCursor) {
  const p = new URLSearchParams();
  if (year !== undefined) p.set("year", String(year));
  p.set(key, formatSettlementCursor(cursor));
  return `/me/settlements?${p}`;
}

export default async function SettlementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("person");
  const { query, errors } = parseSettlementQuery(await searchParams);
  const page = await listSettlements(db(), { personId: principal.id, ...query });
  const t = page.totals;

  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">就诊结算记录</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 no-print" aria-label="筛选结算记录">
        <FilterField id="year" label="年度" error={errors.year}>
          {(props) => (
            <select {...props} defaultValue={query.year ?? ""} className={`${props.className} sm:w-40`}>
              <option value="">全部年度</option>
              {page.years.map((y) => (
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
      <Card title={`${t.year}年合计`}>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-6" data-testid="settlement-totals">
          <div>
            <dt className="text-slate-600">结算笔数</dt>
            <dd data-field="count">{t.count}笔</dd>
          </div>
          <div>
            <dt className="text-slate-600">总金额</dt>
            <dd data-field="total">
              <Money fen={t.totalFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">统筹支付</dt>
            <dd data-field="fund">
              <Money fen={t.fundPaidFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">个人账户</dt>
            <dd data-field="own">
              <Money fen={t.ownAccountFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">关联账户</dt>
            <dd data-field="linked">
              <Money fen={t.linkedAccountFen} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">现金</dt>
            <dd data-field="cash">
              <Money fen={t.cashFen} />
            </dd>
          </div>
        </dl>
      </Card>
      <Card>
        {page.rows.length === 0 ? (
          <p className="text-sm text-slate-700">所选期间没有就诊结算记录。</p>
        ) : (
          <SettlementsTable rows={page.rows} />
        )}
        <Pager
          newerHref={page.newerCursor ? pageHref(query.year, "before", page.newerCursor) : null}
          olderHref={page.olderCursor ? pageHref(query.year, "after", page.olderCursor) : null}
        />
      </Card>
    </main>
  );
}
