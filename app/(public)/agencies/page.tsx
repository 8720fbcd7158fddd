import type { Metadata } from "next";
import Link from "next/link";
import { SelectField } from "@/components/calculator/select-field";
import { Hotlines } from "@/components/public/hotline";
import { db } from "@/lib/db/client";
import { telHref } from "@/lib/domain/directory";
import { type AgencyRow, listAgencies } from "@/lib/services/list-agencies";

export const metadata: Metadata = { title: "经办机构" };

function AgencyCard({ agency, highlighted = false }: { agency: AgencyRow; highlighted?: boolean }) {
  // The answer for a district repeats a card of the full list: keep their ids apart.
  const titleId = `${highlighted ? "answer" : "agency"}-${agency.code}`;
  return (
    <article
      aria-labelledby={titleId}
      className={`rounded-lg border bg-white p-4 shadow-sm ${highlighted ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}
      data-testid="agency"
    >
      <h3 id={titleId} className="font-semibold text-brand-800">
        {agency.name}
      </h3>
      <p className="text-xs text-slate-600">
        {agency.districtName ? `办理${agency.districtName}参保业务` : "全市(未设分中心的区县由此办理)"}
      </p>
      <dl className="mt-2 space-y-1 text-sm">
        <div className="flex gap-2">
          <dt className="shrink-0 text-slate-600">地址</dt>
          <dd>{agency.address}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="shrink-0 text-slate-600">电话</dt>
          <dd>
            <ul className="flex flex-wrap gap-x-3">
              {agency.phones.map((p) => (
                <li key={p}>
                  <a href={telHref(p)} className="tabular text-brand-700 underline underline-offset-2">
                    {p}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="shrink-0 text-slate-600">邮编</dt>
          <dd className="tabular">{agency.postCode ?? "未公布"}</dd>
        </div>
      </dl>
    </article>
  );
}

export default async function AgenciesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).district;
  const district = (Array.isArray(raw) ? raw[0] : raw) || undefined;
  const directory = await listAgencies(db(), { district });
  const unknownDistrict = district !== undefined && directory.selected === null;

  return (
    <main className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">经办机构</h1>
        <p className="mt-1 text-sm text-slate-700">
          医保参保登记、账户关联、社保卡挂失补办等业务,请到参保地的医保经办机构办理。办理时请携带本人有效身份证件和社保卡。
        </p>
      </div>

      <section aria-labelledby="hotlines" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
        <h2 id="hotlines" className="mb-2 font-semibold">
          电话咨询
        </h2>
        <Hotlines />
        <p className="mt-2 text-xs text-slate-700">
          可查询缴费基数和比例、医保卡余额等。外地拨打 12333 前请加拨区号 023。
        </p>
      </section>

      <section aria-labelledby="by-district" className="space-y-3">
        <h2 id="by-district" className="font-semibold">
          按区县查找
        </h2>
        <search aria-label="按区县查找经办机构">
          <form method="get" action="/agencies" className="flex flex-wrap items-end gap-3">
            <div className="min-w-48 flex-1 sm:max-w-xs">
              <SelectField
                label="我的参保区县"
                name="district"
                defaultValue={directory.selected?.code ?? ""}
                options={[
                  { value: "", label: "请选择区县" },
                  ...directory.districts.map((d) => ({ value: d.code, label: d.name })),
                ]}
                error={unknownDistrict ? "没有这个区县,请从列表中选择" : undefined}
              />
            </div>
            <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 text-white hover:bg-brand-800">
              查找
            </button>
          </form>
        </search>
        {directory.selected?.handledBy && (
          <div className="space-y-2" data-testid="district-answer">
            <p className="text-sm" role="status">
              {directory.selected.ownOffice
                ? `${directory.selected.name}的参保业务由本区经办机构办理:`
                : `${directory.selected.name}的参保业务由市医保中心办理(也可先电话咨询):`}
            </p>
            <AgencyCard agency={directory.selected.handledBy} highlighted />
          </div>
        )}
      </section>

      <section aria-labelledby="all-agencies" className="space-y-3">
        <h2 id="all-agencies" className="font-semibold">
          全部经办机构
        </h2>
        <ul className="grid gap-3 md:grid-cols-2">
          {directory.agencies.map((a) => (
            <li key={a.code}>
              <AgencyCard agency={a} />
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-600">
          地址和电话摘自公开资料,如有变动以医保部门公布为准。就医购药的定点机构请查
          <Link href="/institutions" className="text-brand-700 underline">
            定点医药机构
          </Link>
          。
        </p>
      </section>
    </main>
  );
}
