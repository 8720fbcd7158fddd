import Link from "next/link";
import { Money } from "@/components/ui/money";
import type { SettlementRow } from "@/lib/services/list-settlements";

const AMOUNTS = [
  { key: "totalFen", field: "total", label: "总金额" },
  { key: "fundPaidFen", field: "fund", label: "统筹支付" },
  { key: "ownAccountFen", field: "own", label: "个人账户" },
  { key: "linkedAccountFen", field: "linked", label: "关联账户" },
  { key: "cashFen", field: "cash", label: "现金" },
] as const;

/** Visits and purchases: cards on narrow screens, a table from `sm` up (one of them is displayed). */
export function SettlementsTable({ rows }: { rows: SettlementRow[] }) {
  return (
    <>
      <ul className="space-y-3 sm:hidden" aria-label="就诊结算记录">
        {rows.map((r) => (
          <li
            key={r.id}
            className="rounded-md border border-slate-200 p-3"
            data-testid="settlement-item"
            data-settlement-id={r.id}
          >
            <div className="flex items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                <Link
                  href={`/me/settlements/${r.id}`}
                  className="text-brand-700 underline underline-offset-2"
                >
                  {r.institutionName}
                </Link>
              </h3>
              <span className="shrink-0 text-sm text-slate-700">{r.kindText}</span>
            </div>
            <p className="tabular text-xs text-slate-600">{r.serviceDate}</p>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              {AMOUNTS.map((a) => (
                <div key={a.key} className="contents">
                  <dt className="text-slate-600">{a.label}</dt>
                  <dd
                    className={`text-right ${a.field === "total" ? "font-medium" : ""}`}
                    data-field={a.field}
                  >
                    <Money fen={r[a.key]} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <table className="w-full text-sm">
          <caption className="sr-only">就诊结算记录,按日期由近到远排列</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                日期
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                机构
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                类型
              </th>
              {AMOUNTS.map((a) => (
                <th key={a.key} scope="col" className="py-2 pr-3 text-right font-medium">
                  {a.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.id}
                className="border-b border-slate-100 align-top"
                data-testid="settlement-row"
                data-settlement-id={r.id}
              >
                <td className="tabular py-2 pr-3 whitespace-nowrap">{r.serviceDate}</td>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <Link
                    href={`/me/settlements/${r.id}`}
                    className="text-brand-700 underline underline-offset-2"
                  >
                    {r.institutionName}
                  </Link>
                </th>
                <td className="py-2 pr-3 whitespace-nowrap">{r.kindText}</td>
                {AMOUNTS.map((a) => (
                  <td
                    key={a.key}
                    className={`py-2 pr-3 text-right ${a.field === "total" ? "font-medium" : ""}`}
                    data-field={a.field}
                  >
                    <Money fen={r[a.key]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
