import { Money } from "@/components/ui/money";
import { formatDateCst } from "@/lib/domain/dates";
import type { UnitPaymentRow } from "@/lib/services/list-unit-months";
import { ScrollTable } from "./scroll-table";

/** 到账记录: each payment and the months it settled, oldest month first (先欠先缴). */
export function PaymentTable({ payments }: { payments: UnitPaymentRow[] }) {
  if (payments.length === 0) return <p className="text-sm text-slate-700">暂无到账记录。</p>;
  return (
    <ScrollTable label="到账记录表">
      <table className="w-full text-sm">
        <caption className="sr-only">单位缴费到账记录及每笔抵扣的月份,按到账时间由近到远排列</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium whitespace-nowrap">
              到账日期
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              金额
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              抵扣月份
            </th>
            <th scope="col" className="hidden py-2 font-medium md:table-cell">
              到账流水号
            </th>
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => (
            <tr
              key={p.reference}
              className="border-b border-slate-100 align-top"
              data-testid="payment-row"
              data-reference={p.reference}
            >
              <td className="tabular py-2 pr-3 whitespace-nowrap">
                {formatDateCst(p.receivedAt)}
                <span className="block break-all text-xs text-slate-600 md:hidden">{p.reference}</span>
              </td>
              <td className="py-2 pr-3 text-right" data-testid="payment-amount">
                <Money fen={p.amountFen} />
              </td>
              <td className="py-2 pr-3" data-testid="payment-settled">
                {p.settled.length === 0 && p.unallocatedFen === 0n && (
                  <span className="text-slate-600">—</span>
                )}
                <ul>
                  {p.settled.map((s) => (
                    <li key={s.month} className="flex flex-wrap gap-x-1">
                      <span className="tabular whitespace-nowrap">{s.month}</span>
                      <Money fen={s.amountFen} />
                    </li>
                  ))}
                  {p.unallocatedFen > 0n && (
                    <li className="flex flex-wrap gap-x-1 text-slate-700">
                      <span className="whitespace-nowrap">预缴待抵</span>
                      <Money fen={p.unallocatedFen} />
                    </li>
                  )}
                </ul>
              </td>
              <td className="hidden py-2 break-all md:table-cell">{p.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
