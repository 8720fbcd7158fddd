import type { Metadata } from "next";
import { CatalogueSearchForm, ClassLegend, ResultCount } from "@/components/public/catalogue-search-form";
import { ClassBadge } from "@/components/public/class-badge";
import { Highlighted } from "@/components/public/highlighted";
import { hrefWith, Pager } from "@/components/public/pager";
import { ThrottledNotice } from "@/components/throttle/throttled-notice";
import { pageWaitByAddress } from "@/lib/auth/throttle";
import { readDb } from "@/lib/db/client";
import { catalogueParamsSchema, readParams } from "@/lib/domain/catalogue-query";
import { searchTreatmentItems } from "@/lib/services/search-catalogue";

export const metadata: Metadata = { title: "诊疗项目查询" };

export default async function TreatmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const wait = await pageWaitByAddress("catalogue");
  if (wait !== null) return <ThrottledNotice title="诊疗项目查询" retryAfterSeconds={wait} />;
  const { params, invalid } = readParams(catalogueParamsSchema, await searchParams);
  const page = await searchTreatmentItems(readDb(), params);
  const keep = { q: params.q, class: params.class };

  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">诊疗项目查询</h1>
        <p className="mt-1 text-sm text-slate-700">
          查询检查、检验、治疗、手术等诊疗项目的医保类别和支付说明。无需登录。
        </p>
      </div>
      <CatalogueSearchForm
        action="/treatments"
        label="诊疗项目查询"
        placeholder="例如:胃镜、110200"
        q={params.q ?? ""}
        cls={params.class ?? ""}
        invalid={invalid}
      />
      <ClassLegend />
      <section
        aria-labelledby="treatment-results"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h2 id="treatment-results" className="sr-only">
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
              <caption className="sr-only">诊疗项目,按编码排序,每页20条</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                    编码
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    项目名称
                  </th>
                  <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                    计价单位
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
                {page.rows.map((t) => (
                  <tr
                    key={t.code}
                    className="border-b border-slate-100 align-top"
                    data-testid="treatment-row"
                  >
                    <td className="hidden py-2 pr-3 font-mono text-xs sm:table-cell">{t.code}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium">
                        <Highlighted text={t.name} terms={page.terms} />
                      </span>
                      {t.category && <span className="block text-xs text-slate-600">{t.category}</span>}
                      <span className="block text-xs text-slate-600 sm:hidden">
                        <span className="font-mono">{t.code}</span> · 按{t.unit}计
                      </span>
                      {t.paymentNotes && (
                        <span className="mt-1 block text-xs text-slate-700 sm:hidden">{t.paymentNotes}</span>
                      )}
                    </td>
                    <td className="hidden py-2 pr-3 whitespace-nowrap text-slate-700 sm:table-cell">
                      {t.unit}
                    </td>
                    <td className="py-2 pr-3">
                      <ClassBadge value={t.class} />
                    </td>
                    <td className="hidden py-2 text-slate-700 sm:table-cell">{t.paymentNotes ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          previous={page.previousCursor && hrefWith("/treatments", { ...keep, before: page.previousCursor })}
          next={page.nextCursor && hrefWith("/treatments", { ...keep, after: page.nextCursor })}
        />
      </section>
    </main>
  );
}
