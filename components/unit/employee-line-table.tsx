import Link from "next/link";
import { Money } from "@/components/ui/money";
import type { EmployeeLineRow } from "@/lib/services/list-unit-month-employees";
import { PaymentBadge } from "./badges";
import { ScrollTable } from "./scroll-table";

const TH = "py-2 pr-3 font-medium whitespace-nowrap";

/** One month's employees: base, each part, paid / arrears. Names arrive masked from the service. */
export function EmployeeLineTable({ rows, caption }: { rows: EmployeeLineRow[]; caption: string }) {
  return (
    <ScrollTable label="职工缴费明细表">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className={TH}>
              职工
            </th>
            <th scope="col" className={`${TH} hidden text-right md:table-cell`}>
              缴费基数
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
              应缴
            </th>
            <th scope="col" className={`${TH} hidden text-right md:table-cell`}>
              已缴
            </th>
            <th scope="col" className={`${TH} hidden text-right md:table-cell`}>
              欠费
            </th>
            <th scope="col" className={TH}>
              状态
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.personalNumber}
              className="border-b border-slate-100 align-top"
              data-testid="employee-row"
              data-personal-number={r.personalNumber}
            >
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <span className="block" data-testid="employee-name">
                  {r.maskedName}
                  {r.employmentStatusText === "退休" && (
                    <span className="text-xs text-slate-600">(退休)</span>
                  )}
                </span>
                <Link
                  href={`/unit/employees/${r.personalNumber}`}
                  className="tabular text-xs text-brand-700 underline underline-offset-4"
                >
                  {r.personalNumber}
                </Link>
              </th>
              <td className="hidden py-2 pr-3 text-right md:table-cell" data-testid="base">
                <Money fen={r.baseFen} />
              </td>
              <td className="hidden py-2 pr-3 text-right lg:table-cell" data-testid="unit-part">
                <Money fen={r.unitPartFen} />
              </td>
              <td className="hidden py-2 pr-3 text-right lg:table-cell" data-testid="employee-part">
                <Money fen={r.employeePartFen} />
              </td>
              <td className="hidden py-2 pr-3 text-right lg:table-cell" data-testid="mutual-aid">
                <Money fen={r.mutualAidFen} />
              </td>
              <td className="py-2 pr-3 text-right">
                <span className="block" data-testid="due">
                  <Money fen={r.dueFen} />
                </span>
                <span className="block text-xs text-slate-600 md:hidden">
                  基数 <Money fen={r.baseFen} />
                </span>
                <span className="block text-xs text-slate-600 lg:hidden">
                  单位 <Money fen={r.unitPartFen} />
                </span>
                <span className="block text-xs text-slate-600 lg:hidden">
                  个人 <Money fen={r.employeePartFen} />
                </span>
              </td>
              <td className="hidden py-2 pr-3 text-right md:table-cell" data-testid="paid">
                <Money fen={r.paidFen} />
              </td>
              <td
                className={`hidden py-2 pr-3 text-right md:table-cell ${r.arrearsFen > 0n ? "text-red-800" : ""}`}
                data-testid="arrears"
              >
                <Money fen={r.arrearsFen} />
              </td>
              <td className="py-2 pr-3">
                <PaymentBadge state={r.state} text={r.stateText} testId="state" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
