import { Money } from "@/components/ui/money";
import { formatMonthZh } from "@/lib/domain/benefit-text";
import type { ContributionRow } from "@/lib/services/list-contributions";

const STATE_TONE = {
  PAID: "text-green-800",
  PAID_LATE: "text-amber-900",
  ARREARS: "font-semibold text-red-700",
} as const;

function State({ row }: { row: ContributionRow }) {
  return (
    <span className={STATE_TONE[row.state]}>
      {row.stateText}
      {row.paidOn && <span className="block text-xs font-normal text-slate-600">{row.paidOn}到账</span>}
    </span>
  );
}

/**
 * Contribution months: a list of cards on narrow screens, a table from `sm` up (only one is displayed,
 * so assistive technology meets each figure once).
 */
export function ContributionsTable({ rows, showUnit }: { rows: ContributionRow[]; showUnit: boolean }) {
  return (
    <>
      <ul className="space-y-3 sm:hidden" aria-label="缴费记录">
        {rows.map((r) => (
          <li
            key={`${r.month}-${r.unitName}`}
            className="rounded-md border border-slate-200 p-3"
            data-testid="contribution-item"
            data-month={r.month}
          >
            <div className="flex items-baseline justify-between gap-2">
              <h3 className="font-semibold">{formatMonthZh(r.month)}</h3>
              <State row={r} />
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">缴费基数</dt>
              <dd className="text-right" data-field="base">
                <Money fen={r.baseFen} />
              </dd>
              <dt className="text-slate-600">单位缴纳</dt>
              <dd className="text-right" data-field="unit">
                <Money fen={r.unitBasicFen} />
              </dd>
              <dt className="text-slate-600">个人缴纳</dt>
              <dd className="text-right" data-field="own">
                <Money fen={r.employeeBasicFen} />
              </dd>
              <dt className="text-slate-600">大额互助</dt>
              <dd className="text-right" data-field="mutual-aid">
                <Money fen={r.mutualAidFen} />
              </dd>
              <dt className="text-slate-600">应缴合计</dt>
              <dd className="text-right font-medium" data-field="due">
                <Money fen={r.dueFen} />
              </dd>
            </dl>
            {showUnit && <p className="mt-1 text-xs text-slate-600">{r.unitName}</p>}
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <table className="w-full text-sm">
          <caption className="sr-only">缴费记录,按月份由近到远排列,金额单位元</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                月份
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                缴费基数
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                单位缴纳
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                个人缴纳
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                大额互助
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                应缴合计
              </th>
              <th scope="col" className="py-2 font-medium">
                状态
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={`${r.month}-${r.unitName}`}
                className="border-b border-slate-100 align-top"
                data-testid="contribution-row"
                data-month={r.month}
              >
                <th scope="row" className="py-2 pr-3 text-left font-normal whitespace-nowrap">
                  {formatMonthZh(r.month)}
                  {showUnit && <span className="block text-xs text-slate-600">{r.unitName}</span>}
                </th>
                <td className="py-2 pr-3 text-right" data-field="base">
                  <Money fen={r.baseFen} />
                </td>
                <td className="py-2 pr-3 text-right" data-field="unit">
                  <Money fen={r.unitBasicFen} />
                </td>
                <td className="py-2 pr-3 text-right" data-field="own">
                  <Money fen={r.employeeBasicFen} />
                </td>
                <td className="py-2 pr-3 text-right" data-field="mutual-aid">
                  <Money fen={r.mutualAidFen} />
                  <span className="block text-xs text-slate-600">
                    单位 <Money fen={r.unitMutualAidFen} /> + 个人 <Money fen={r.employeeMutualAidFen} />
                  </span>
                </td>
                <td className="py-2 pr-3 text-right font-medium" data-field="due">
                  <Money fen={r.dueFen} />
                </td>
                <td className="py-2">
                  <State row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
