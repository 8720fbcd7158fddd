import Link from "next/link";
import type { BenefitStatusCode } from "@/lib/domain/benefit-status";
import { BENEFIT_STATUS_LABEL } from "@/lib/domain/benefit-status";
import type { PersonBenefit } from "@/lib/services/get-person-benefit";

const TONE: Record<BenefitStatusCode, string> = {
  NORMAL: "bg-green-50 text-green-800 ring-green-700/30",
  SUSPENDED: "bg-red-50 text-red-800 ring-red-700/30",
  WAITING: "bg-amber-50 text-amber-900 ring-amber-700/30",
  ENDED: "bg-slate-100 text-slate-800 ring-slate-600/30",
};

/** 待遇状态 with its reason, dates and what restores it (DOMAIN §3, §9). */
export function BenefitStatusPanel({ benefit }: { benefit: PersonBenefit }) {
  const { status } = benefit;
  return (
    <div>
      <p className="flex flex-wrap items-center gap-2">
        <span
          className={`inline-flex items-center rounded-full px-3 py-1 text-sm font-semibold ring-1 ring-inset ${TONE[status.status]}`}
          data-testid="benefit-status"
        >
          {BENEFIT_STATUS_LABEL[status.status]}
        </span>
        <span className="text-base font-medium" data-testid="benefit-reason">
          {status.reason}
        </span>
      </p>
      <p className="mt-2 text-sm text-slate-800" data-testid="benefit-period">
        {benefit.period}
      </p>
      {status.restoreHint && (
        <p className="mt-1 text-sm text-slate-700" data-testid="benefit-restore">
          {status.restoreHint}
        </p>
      )}
      {benefit.arrears && (
        <div className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-950" data-testid="benefit-arrears">
          <p>{benefit.arrears.owed}</p>
          <Link
            href="/me/contributions"
            className="mt-1 inline-block font-medium text-red-800 underline underline-offset-4"
          >
            查看缴费记录与欠费提醒
          </Link>
        </div>
      )}
    </div>
  );
}
