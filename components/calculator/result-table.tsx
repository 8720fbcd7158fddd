import { Money } from "@/components/ui/money";
import type { PolicyBasis } from "@/lib/domain/policy";

export interface ResultRow {
  label: string;
  /** How the amount was reached, or who pays it. */
  note?: string;
  fen?: bigint;
  text?: string;
  total?: boolean;
}

/** Two columns so it fits 375 px: the item (with how it was computed beneath it) and the amount. */
export function ResultTable({ caption, rows, provisional }: { caption: string; rows: ResultRow[]; provisional: boolean }) {
  return (
    <table className="w-full text-sm">
      <caption className="mb-2 text-left text-base font-semibold text-slate-900">
        {caption}
        {provisional && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">暂定</span>}
      </caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">项目</th>
          <th scope="col">金额</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className={`border-t border-slate-200 align-top ${r.total ? "font-semibold" : ""}`}>
            <th scope="row" className="py-2 pr-3 text-left font-normal">
              <span className={r.total ? "font-semibold" : ""}>{r.label}</span>
              {r.note && <span className="block text-xs text-slate-600">{r.note}</span>}
            </th>
            <td className="py-2 text-right">
              {r.fen !== undefined ? <Money fen={r.fen} /> : <span className="tabular">{r.text}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Says which figures are carried forward, so nobody mistakes a provisional amount for a published one. */
export function ProvisionalNote({ basis }: { basis: PolicyBasis[] }) {
  const carried = basis.filter((b) => b.provisional);
  if (carried.length === 0) return null;
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>
        <strong>暂定</strong>:以下参数尚未正式公布,暂沿用上一年度标准计算,正式公布后以公布标准为准。
      </p>
      <ul className="mt-1 list-disc pl-5">
        {carried.map((b) => (
          <li key={b.label}>{b.label}</li>
        ))}
      </ul>
    </div>
  );
}

export function PolicyBasisList({ basis }: { basis: PolicyBasis[] }) {
  return (
    <details className="text-sm text-slate-700">
      <summary className="cursor-pointer text-brand-700">政策依据</summary>
      <ul className="mt-2 space-y-1 pl-1">
        {basis.map((b) => (
          <li key={b.label}>
            {b.label}:{b.source}
            {b.provisional && <span className="ml-1 text-amber-900">(暂定)</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
