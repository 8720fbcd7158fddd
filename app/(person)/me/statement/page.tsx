import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateCst } from "@/lib/domain/dates";
import { listStatement } from "@/lib/services/list-statement";

export const metadata: Metadata = { title: "个人账户明细" };

const cursor = z.string().regex(/^\d{1,18}$/).transform(BigInt);
const paramsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  after: cursor.optional(),
  before: cursor.optional(),
});

function pageHref(year: number | undefined, key: "after" | "before", id: bigint) {
  const p = new URLSearchParams();
  if (year !== undefined) p.set("year", String(year));
  p.set(key, id.toString());
  return `/me/statement?${p}`;
}

export default async function StatementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const principal = await requireRole("person");
  const raw = await searchParams;
  const single = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const parsed = paramsSchema.safeParse(single);
  const params = parsed.success ? parsed.data : {};
  const page = await listStatement(db(), { personId: principal.id, ...params });

  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">个人账户明细</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 no-print" aria-label="筛选">
        <div>
          <label htmlFor="year" className="block text-sm font-medium">
            年度
          </label>
          <select
            id="year"
            name="year"
            defaultValue={params.year ?? ""}
            aria-invalid={parsed.success ? undefined : true}
            aria-describedby={parsed.success ? undefined : "year-error"}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            <option value="">全部年度</option>
            {page.years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
          查询
        </button>
        {!parsed.success && (
          <p id="year-error" className="w-full text-sm text-red-700">
            查询条件无效,已显示全部明细。
          </p>
        )}
      </form>

      <Card>
        {page.rows.length === 0 ? (
          <p className="text-sm text-slate-700">{page.hasAccount ? "所选期间没有明细。" : "您没有职工医保个人账户。"}</p>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[20rem] text-sm">
              <caption className="sr-only">个人账户明细,按时间由近到远排列,每页50条</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-2 pr-3 font-medium">日期</th>
                  <th scope="col" className="py-2 pr-3 font-medium">类型</th>
                  <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">摘要</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">金额</th>
                  <th scope="col" className="py-2 text-right font-medium">余额</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.id.toString()} className="border-b border-slate-100 align-top" data-testid="statement-row">
                    <td className="tabular py-2 pr-3 whitespace-nowrap">{formatDateCst(r.occurredAt)}</td>
                    <td className="py-2 pr-3">
                      {r.kindText}
                      <span className="block text-xs text-slate-600 sm:hidden">{r.description}</span>
                    </td>
                    <td className="hidden py-2 pr-3 text-slate-700 sm:table-cell">
                      {r.description}
                      {r.counterpartyMaskedName && `(${r.counterpartyMaskedName})`}
                    </td>
                    <td className={`py-2 pr-3 text-right ${r.amountFen < 0n ? "text-red-700" : "text-green-800"}`}>
                      <Money fen={r.amountFen} signed />
                    </td>
                    <td className="py-2 text-right">
                      <Money fen={r.balanceAfterFen} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="翻页" className="mt-3 flex justify-between text-sm no-print">
          {page.newerCursor !== null ? (
            <Link href={pageHref(params.year, "before", page.newerCursor)} className="text-brand-700 underline">
              ← 较新记录
            </Link>
          ) : (
            <span />
          )}
          {page.olderCursor !== null && (
            <Link href={pageHref(params.year, "after", page.olderCursor)} className="text-brand-700 underline">
              较早记录 →
            </Link>
          )}
        </nav>
      </Card>
    </main>
  );
}
