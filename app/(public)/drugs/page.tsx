import type { Metadata } from "next";
import { CatalogueSearchForm, ClassLegend, ResultCount } from "@/components/public/catalogue-search-form";
import { ClassBadge } from "@/components/public/class-badge";
import { Highlighted } from "@/components/public/highlighted";
import { hrefWith, Pager } from "@/components/public/pager";
import { ThrottledNotice } from "@/components/throttle/throttled-notice";
import { pageWaitByAddress } from "@/lib/auth/throttle";
import { readDb } from "@/lib/db/client";
import { catalogueParamsSchema, readParams } from "@/lib/domain/catalogue-query";
import { searchDrugs } from "@/lib/services/search-catalogue";

export const metadata: Metadata = { title: "药品目录查询" };

export default async function DrugsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const wait = await pageWaitByAddress("catalogue");
  if (wait !== null) return <ThrottledNotice title="药品目录查询" retryAfterSeconds={wait} />;
  const { params, invalid } = readParams(catalogueParamsSchema, await searchParams);
  const page = await searchDrugs(readDb(), params);
  const keep = { q: params.q, class: params.class };

  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">药品目录查询</h1>
        <p className="mt-1 text-sm text-slate-700">查询药品的医保类别(甲类、乙类)和支付限定。无需登录。</p>
      </div>
      <CatalogueSearchForm
        action="/drugs"
        label="药品查询"
        placeholder="例如:阿莫西林、XJ01CA"
        q={params.q ?? ""}
        cls={params.class ?? ""}
        invalid={invalid}
      />
      <ClassLegend />
      <section
        aria-labelledby="drug-results"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h2 id="drug-results" className="sr-only">
          查询结果
        </h2>
        <ResultCount
          total={page.total}
          capped={page.totalCapped}
          searched={Boolean(params.q || params.class)}
        />
        {page.rows.length > 0 && (
          <div className="-mx-4 mt-2 overflow-x-auto px-4">
            <table className="w-full text-sm">
              <caption className="sr-only">药品目录,按编码排序,每页20条</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                    编码
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    药品名称
                  </th>
                  <th scope="col" className="hidden py-2 pr-3 font-medium md:table-cell">
                    剂型 / 规格
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    类别
                  </th>
                  <th scope="col" className="hidden py-2 font-medium sm:table-cell">
                    支付说明
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((d) => (
                  <tr key={d.code} className="border-b border-slate-100 align-top" data-testid="drug-row">
                    <td className="hidden py-2 pr-3 font-mono text-xs sm:table-cell">{d.code}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium">
                        <Highlighted text={d.name} terms={page.terms} />
                      </span>
                      <span className="block text-xs text-slate-600 md:hidden">
                        {d.dosageForm}
                        {d.specification && ` · ${d.specification}`}
                      </span>
                      <span className="block font-mono text-xs text-slate-600 sm:hidden">{d.code}</span>
                      {d.paymentNotes && (
                        <span className="mt-1 block text-xs text-slate-700 sm:hidden">{d.paymentNotes}</span>
                      )}
                    </td>
                    <td className="hidden py-2 pr-3 text-slate-700 md:table-cell">
                      {d.dosageForm}
                      {d.specification && (
                        <span className="block text-xs text-slate-600">{d.specification}</span>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      <ClassBadge value={d.class} />
                    </td>
                    <td className="hidden py-2 text-slate-700 sm:table-cell">{d.paymentNotes ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          previous={page.previousCursor && hrefWith("/drugs", { ...keep, before: page.previousCursor })}
          next={page.nextCursor && hrefWith("/drugs", { ...keep, after: page.nextCursor })}
        />
      </section>
    </main>
  );
}
