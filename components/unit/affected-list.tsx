import Link from "next/link";
import { Money } from "@/components/ui/money";
import type { AffectedEmployeeRow } from "@/lib/services/list-affected-employees";
import { BenefitBadge } from "./badges";

function coverText(o: NonNullable<AffectedEmployeeRow["outlook"]>) {
  if (!o.coverable) return "已超过3个月:补缴后停保期间的医疗费用不予支付,个人账户按规定补划。";
  const left = o.daysLeft === 0 ? "今天是最后一天" : `还剩 ${o.daysLeft} 天`;
  return `${o.coverDeadline} 前(${left})`;
}

/** Employees affected by arrears: status since when, what restores it, and the 3-month limit. */
export function AffectedList({ rows }: { rows: AffectedEmployeeRow[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((r) => (
        <li
          key={r.personalNumber}
          className="py-3 text-sm"
          data-testid="affected-row"
          data-personal-number={r.personalNumber}
        >
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium">{r.maskedName}</span>
            <Link
              href={`/unit/employees/${r.personalNumber}`}
              className="tabular text-brand-700 underline underline-offset-4"
            >
              {r.personalNumber}
            </Link>
            <BenefitBadge status={r.status} text={r.statusText} testId="benefit-status" />
            <span className="text-slate-700">{r.reason}</span>
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {r.status === "SUSPENDED" && (
              <>
                <dt className="text-slate-600">暂停自</dt>
                <dd className="tabular" data-testid="since">
                  {r.since ?? "—"}
                  {r.until && <span className="text-slate-700"> 至 {r.until}</span>}
                </dd>
              </>
            )}
            {r.status !== "SUSPENDED" && r.outlook && (
              <>
                <dt className="text-slate-600">将暂停</dt>
                <dd data-testid="since">
                  <span className="tabular">{r.outlook.suspendedFrom}</span> 起,除非单位在此之前缴清
                </dd>
              </>
            )}
            {r.unpaidMonthsText && (
              <>
                <dt className="text-slate-600">欠费月份</dt>
                <dd className="tabular" data-testid="unpaid-months">
                  {r.unpaidMonthsText}
                </dd>
              </>
            )}
            {r.outlook && (
              <>
                <dt className="text-slate-600">恢复待遇</dt>
                <dd data-testid="restore">
                  单位缴纳 <Money fen={r.outlook.payToRestoreFen} className="font-semibold" />
                  (按先欠先缴,含更早月份欠费),缴清后次月起恢复
                </dd>
                <dt className="text-slate-600">3个月期限</dt>
                <dd data-testid="cover-deadline">
                  {r.outlook.coverable ? (
                    <>
                      {coverText(r.outlook)}缴纳 <Money fen={r.outlook.payToCoverFen} />
                      ,停保期间的医疗费用可按规定支付
                    </>
                  ) : (
                    coverText(r.outlook)
                  )}
                </dd>
              </>
            )}
            {r.restoreHint && (
              <>
                <dt className="text-slate-600">说明</dt>
                <dd className="text-slate-700" data-testid="restore-hint">
                  {r.restoreHint}
                </dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
