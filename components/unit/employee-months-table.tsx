import { Money } from "@/components/ui/money";
import type { UnitEmployeeMonth } from "@/lib/services/get-unit-employee";
import { PaymentBadge } from "./badges";
import { ScrollTable } from "./scroll-table";

const TH = "py-2 pr-3 font-medium whitespace-nowrap";

/** One employee's months at the unit, newest first, with the benefit status each month began with. */
export function EmployeeMonthsTable({ months }: { months: UnitEmployeeMonth[] }) {
  return (
    <ScrollTable label="职工月度缴费表">
      <table className="w-full text-sm">
        <caption className="sr-only">该职工在本单位的月度缴费记录,按月份由近到远排列</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className={TH}>
              月份
            </th>
            <th scope="col" className={`${TH} hidden text-right md:table-cell`}>
              缴费基数
            </th>
            <th scope="col" className={`${TH} hidden text-right md:table-cell`}>
              单位部分
            </th>
            <th scope="col" className={`${TH} hidden text-right md:table-cell`}>
              个人部分
            </th>
            <th scope="col" className={`${TH} hidden text-right lg:table-cell`}>
              其中大额互助
            </th>
            <th scope="col" className={`${TH} text-right`}>
              应缴
            </th>
            <th scope="col" className={TH}>
              缴费
            </th>
            <th scope="col" className={TH}>
              当月待遇
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr
              key={m.month}
              className="border-b border-slate-100 align-top"
              data-testid="employee-month-row"
              data-month={m.month}
            >
              <th scope="row" className="tabular py-2 pr-3 text-left font-normal">
                {m.month}
              </th>
              <td className="hidden py-2 pr-3 text-right md:table-cell">
                <Money fen={m.baseFen} />
              </td>
              <td className="hidden py-2 pr-3 text-right md:table-cell">
                <Money fen={m.unitPartFen} />
              </td>
              <td className="hidden py-2 pr-3 text-right md:table-cell">
                <Money fen={m.employeePartFen} />
              </td>
              <td className="hidden py-2 pr-3 text-right lg:table-cell">
                <Money fen={m.mutualAidFen} />
              </td>
              <td className="py-2 pr-3 text-right">
                <span className="block" data-testid="due">
                  <Money fen={m.dueFen} />
                </span>
                <span className="block text-xs text-slate-600 md:hidden">
                  基数 <Money fen={m.baseFen} />
                </span>
              </td>
              <td className="py-2 pr-3">
                <PaymentBadge state={m.state} text={m.stateText} testId="state" />
              </td>
              <td className="py-2 pr-3 whitespace-nowrap" data-testid="month-benefit">
                {m.benefitStatusText || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
