import Link from "next/link";
import { Money } from "@/components/ui/money";
import { formatDateCst } from "@/lib/domain/dates";
import type { StatementRow } from "@/lib/services/list-statement";

/**
 * 个人账户明细 rows, newest first. Column order is fixed (date, kind, summary, amount, balance): tests
 * read the amount and balance by position. Each date opens the entry; a credit shows how it was computed.
 */
export function StatementTable({ rows, caption }: { rows: StatementRow[]; caption: string }) {
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full min-w-[20rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">
              日期
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              类型
            </th>
            <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
              摘要
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              金额
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              余额
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id.toString()}
              className="border-b border-slate-100 align-top"
              data-testid="statement-row"
              data-entry-id={r.id.toString()}
            >
              <td className="tabular py-2 pr-3 whitespace-nowrap">
                <Link href={`/me/statement/${r.id}`} className="text-brand-700 underline underline-offset-2">
                  {formatDateCst(r.occurredAt)}
                  <span className="sr-only"> {r.kindText}详情</span>
                </Link>
              </td>
              <td className="py-2 pr-3">
                {r.kindText}
                <span className="block text-xs text-slate-600 sm:hidden">
                  {r.description}
                  {r.counterpartyMaskedName && `(${r.counterpartyMaskedName})`}
                </span>
                {r.explanation && (
                  <details className="mt-1 text-xs">
                    <summary className="cursor-pointer text-brand-700">计算方法</summary>
                    <p className="mt-1 text-slate-800" data-testid="credit-explanation">
                      {r.explanation}
                    </p>
                  </details>
                )}
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
  );
}
