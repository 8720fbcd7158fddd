import Link from "next/link";
import { Money } from "@/components/ui/money";
import { formatDateCst } from "@/lib/domain/dates";
import type { UnitMonthRow } from "@/lib/services/unit-month-rows";
import { PaymentBadge } from "./badges";
import { ScrollTable } from "./scroll-table";

const TH = "py-2 pr-3 font-medium whitespace-nowrap";

/** 月度缴费: one row per declared month, newest first; the parts fold under the due on narrow screens. */
export function MonthTable({ months }: { months: UnitMonthRow[] }) {
  return (
    <ScrollTable label="各月缴费表">
      <table className="w-full text-sm">
        <caption className="sr-only">
          月度缴费记录,按月份由近到远排列;累计欠费为按先欠先缴抵扣后,截至该月的欠费合计
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className={TH}>
              月份
            </th>
            <th scope="col" className={`${TH} hidden text-right md:table-cell`}>
              人数
            </th>
            <th scope="col" className={`${TH} text-right`}>
              应缴
            </th>
            <th scope="col" className={`${TH} hidden text-right lg:table-cell`}>
              单位部分
            </th>
            <th scope="col" className={`${TH} hidden text-right lg:table-cell`}>
              个人部分
            </th>
            <th scope="col" className={`${TH} hidden text-right lg:table-cell`}>
              其中大额互助
            </th>
            <th scope="col" className={`${TH} text-right`}>
              已缴
            </th>
            <th scope="col" className={`${TH} hidden text-right md:table-cell`}>
              当月欠费
            </th>
            <th scope="col" className={`${TH} text-right`}>
              累计欠费
            </th>
            <th scope="col" className={`${TH} hidden md:table-cell`}>
              缴清
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr
              key={m.month}
              className="border-b border-slate-100 align-top"
              data-testid="month-row"
              data-month={m.month}
            >
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <Link
                  href={`/unit/months/${m.month}`}
                  className="tabular whitespace-nowrap text-brand-700 underline underline-offset-4"
                >
                  {m.month}
                </Link>
                <span className="block text-xs text-slate-600 md:hidden">{m.employees} 人</span>
              </th>
              <td className="hidden py-2 pr-3 text-right tabular md:table-cell" data-testid="employees">
                {m.employees}
              </td>
              <td className="py-2 pr-3 text-right">
                <span className="block" data-testid="due">
                  <Money fen={m.dueFen} />
                </span>
                <span className="block text-xs text-slate-600 lg:hidden">
                  单位 <Money fen={m.unitPartFen} />
                </span>
                <span className="block text-xs text-slate-600 lg:hidden">
                  个人 <Money fen={m.employeePartFen} />
                </span>
              </td>
              <td className="hidden py-2 pr-3 text-right lg:table-cell" data-testid="unit-part">
                <Money fen={m.unitPartFen} />
              </td>
              <td className="hidden py-2 pr-3 text-right lg:table-cell" data-testid="employee-part">
                <Money fen={m.employeePartFen} />
              </td>
              <td className="hidden py-2 pr-3 text-right lg:table-cell" data-testid="mutual-aid">
                <Money fen={m.mutualAidFen} />
              </td>
              <td className="py-2 pr-3 text-right" data-testid="paid">
                <Money fen={m.paidFen} />
              </td>
              <td
                className={`hidden py-2 pr-3 text-right md:table-cell ${m.arrearsFen > 0n ? "text-red-800" : ""}`}
                data-testid="arrears"
              >
                <Money fen={m.arrearsFen} />
              </td>
              <td
                className={`py-2 pr-3 text-right ${m.runningArrearsFen > 0n ? "font-semibold text-red-800" : ""}`}
                data-testid="running"
              >
                <Money fen={m.runningArrearsFen} />
              </td>
              <td className="hidden py-2 pr-3 md:table-cell">
                {m.paidUpAt ? (
                  <span className="tabular whitespace-nowrap">{formatDateCst(m.paidUpAt)}</span>
                ) : m.dueFen > 0n ? (
                  <PaymentBadge
                    state={m.paidFen > 0n ? "MONTH_PART_PAID" : "OPEN"}
                    text={m.paidFen > 0n ? "部分缴纳" : "未缴"}
                  />
                ) : (
                  <span className="text-slate-600">无应缴</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
