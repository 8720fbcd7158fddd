import Link from "next/link";
import { SelectField } from "@/components/calculator/select-field";
import { CATALOGUE_CLASSES } from "@/lib/domain/catalogue-query";

/** The GET search form of a catalogue page: works without JavaScript, keeps what was typed. */
export function CatalogueSearchForm({
  action,
  label,
  placeholder,
  q,
  cls,
  invalid,
}: {
  action: string;
  label: string;
  placeholder: string;
  q: string;
  cls: string;
  invalid: string[];
}) {
  return (
    <search aria-label={label}>
      <form
        method="get"
        action={action}
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
          <div className="space-y-1">
            <label htmlFor="q" className="block text-sm font-medium text-slate-800">
              名称或编码
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder={placeholder}
              aria-describedby="q-hint"
              maxLength={40}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600"
            />
          </div>
          <SelectField
            label="类别"
            name="class"
            defaultValue={cls}
            options={[
              { value: "", label: "全部类别" },
              ...CATALOGUE_CLASSES.map((c) => ({ value: c, label: `${c}类` })),
            ]}
            error={invalid.includes("class") ? "类别无效,已按全部类别查询" : undefined}
          />
          <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 text-white hover:bg-brand-800">
            搜索
          </button>
        </div>
        <p id="q-hint" className="mt-2 text-xs text-slate-600">
          可输入名称的任意片段(如“莫西林”)或编码开头(如“XJ01”);多个词用空格分开。
          {(q || cls) && (
            <>
              {" "}
              <Link href={action} className="text-brand-700 underline">
                清除条件
              </Link>
            </>
          )}
        </p>
      </form>
    </search>
  );
}

/** "共 N 条" / "超过 1000 条" above a result list, announced to screen readers when it changes. */
export function ResultCount({
  total,
  capped,
  searched,
}: {
  total: number;
  capped: boolean;
  searched: boolean;
}) {
  return (
    <p className="text-sm text-slate-700" role="status" data-testid="result-count">
      {total === 0
        ? searched
          ? "没有找到符合条件的记录。"
          : "目录为空。"
        : capped
          ? `找到超过 ${total} 条记录。`
          : `共 ${total} 条记录。`}
    </p>
  );
}

export function ClassLegend() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">甲类、乙类、丙类是什么意思?</summary>
      <dl className="mt-2 space-y-1 text-slate-700">
        <div>
          <dt className="inline font-medium">甲类:</dt>
          <dd className="inline">在医保支付范围内,按规定由统筹基金支付,不需个人先行自付。</dd>
        </div>
        <div>
          <dt className="inline font-medium">乙类:</dt>
          <dd className="inline">在医保支付范围内,个人先按本市规定比例自付一部分,其余按规定支付。</dd>
        </div>
        <div>
          <dt className="inline font-medium">丙类:</dt>
          <dd className="inline">不在医保目录支付范围内,统筹基金不予支付,费用由个人负担。</dd>
        </div>
        <p className="pt-1 text-xs text-slate-600">
          “支付说明”中的“限……”为医保支付限定条件,不符合条件时由个人负担。
        </p>
      </dl>
    </details>
  );
}
