import type { Metadata } from "next";
import Link from "next/link";
import { SelectField } from "@/components/calculator/select-field";
import { Highlighted } from "@/components/public/highlighted";
import { hrefWith, Pager } from "@/components/public/pager";
import { ThrottledNotice } from "@/components/throttle/throttled-notice";
import { pageWaitByAddress } from "@/lib/auth/throttle";
import { db, readDb } from "@/lib/db/client";
import {
  INSTITUTION_LEVELS,
  INSTITUTION_TYPES,
  institutionParamsSchema,
  readParams,
} from "@/lib/domain/catalogue-query";
import { INSTITUTION_TYPE_LABEL } from "@/lib/domain/labels";
import { listInstitutionDistricts, searchInstitutions } from "@/lib/services/search-institutions";

export const metadata: Metadata = { title: "定点医药机构查询" };

const INVALID_TEXT: Record<string, string> = {
  district: "区县无效,已按全部区县查询",
  level: "等级无效,已按全部等级查询",
  type: "类型无效,已按全部类型查询",
};

export default async function InstitutionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const wait = await pageWaitByAddress("catalogue");
  if (wait !== null) return <ThrottledNotice title="定点医药机构查询" retryAfterSeconds={wait} />;
  const { params, invalid } = readParams(institutionParamsSchema, await searchParams);
  const [page, districts] = await Promise.all([
    searchInstitutions(readDb(), params),
    listInstitutionDistricts(db()),
  ]);
  const keep = { q: params.q, district: params.district, level: params.level, type: params.type };
  const filtered = Object.values(keep).some(Boolean);

  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">定点医药机构查询</h1>
        <p className="mt-1 text-sm text-slate-700">
          可使用医保结算的定点医院、基层医疗机构、零售药店,以及职工医保个人账户可支付服务费的健身场所。无需登录。
        </p>
      </div>

      <search aria-label="定点医药机构查询">
        <form
          method="get"
          action="/institutions"
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_9rem_8rem_9rem_auto] lg:items-end">
            <div className="space-y-1">
              <label htmlFor="q" className="block text-sm font-medium text-slate-800">
                机构名称或编码
              </label>
              <input
                id="q"
                name="q"
                type="search"
                defaultValue={params.q ?? ""}
                placeholder="例如:人民医院、和平药房"
                maxLength={40}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600"
              />
            </div>
            <SelectField
              label="区县"
              name="district"
              defaultValue={params.district ?? ""}
              options={[
                { value: "", label: "全部区县" },
                ...districts.map((d) => ({ value: d.code, label: d.name })),
              ]}
              error={invalid.includes("district") ? INVALID_TEXT.district : undefined}
            />
            <SelectField
              label="医院等级"
              name="level"
              defaultValue={params.level ?? ""}
              options={[
                { value: "", label: "全部等级" },
                ...INSTITUTION_LEVELS.map((l) => ({ value: l, label: l })),
              ]}
              error={invalid.includes("level") ? INVALID_TEXT.level : undefined}
            />
            <SelectField
              label="机构类型"
              name="type"
              defaultValue={params.type ?? ""}
              options={[
                { value: "", label: "全部类型" },
                ...INSTITUTION_TYPES.map((t) => ({ value: t, label: INSTITUTION_TYPE_LABEL[t] })),
              ]}
              error={invalid.includes("type") ? INVALID_TEXT.type : undefined}
            />
            <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 text-white hover:bg-brand-800">
              搜索
            </button>
          </div>
          {filtered && (
            <p className="mt-2 text-xs">
              <Link href="/institutions" className="text-brand-700 underline">
                清除条件
              </Link>
            </p>
          )}
        </form>
      </search>

      <section
        aria-labelledby="institution-results"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h2 id="institution-results" className="sr-only">
          查询结果
        </h2>
        <p className="text-sm text-slate-700" role="status" data-testid="result-count">
          {page.total === 0
            ? "没有找到符合条件的机构。"
            : `共 ${page.total} 家机构${page.pages > 1 ? `,第 ${page.page} / ${page.pages} 页` : ""}。`}
        </p>
        {page.rows.length > 0 && (
          <div className="-mx-4 mt-2 overflow-x-auto px-4">
            <table className="w-full text-sm">
              <caption className="sr-only">定点医药机构,按区县排列,每页20家</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                    机构编码
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    机构名称
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    类型 / 等级
                  </th>
                  <th scope="col" className="hidden py-2 font-medium sm:table-cell">
                    所在区县
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((i) => (
                  <tr
                    key={i.code}
                    className="border-b border-slate-100 align-top"
                    data-testid="institution-row"
                  >
                    <td className="hidden py-2 pr-3 font-mono text-xs sm:table-cell">{i.code}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium">
                        <Highlighted text={i.name} terms={page.terms} />
                      </span>
                      <span className="block text-xs text-slate-600 sm:hidden">
                        {i.districtName} · <span className="font-mono">{i.code}</span>
                      </span>
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {INSTITUTION_TYPE_LABEL[i.type]}
                      {i.level && <span className="block text-xs text-slate-600">{i.level}</span>}
                    </td>
                    <td className="hidden py-2 sm:table-cell">{i.districtName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          previous={page.page > 1 ? hrefWith("/institutions", { ...keep, page: page.page - 1 }) : null}
          next={page.page < page.pages ? hrefWith("/institutions", { ...keep, page: page.page + 1 }) : null}
        />
      </section>
      <p className="text-xs text-slate-600">
        机构名单为本演示系统的示例数据。就医前请以医保部门公布的定点名单为准;经办机构地址电话见
        <Link href="/agencies" className="text-brand-700 underline">
          经办机构
        </Link>
        。
      </p>
    </main>
  );
}
