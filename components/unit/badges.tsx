import type { BenefitStatusCode } from "@/lib/domain/benefit-status";
import type { EmployeeMonthState } from "@/lib/domain/unit-arrears";

const BENEFIT_TONE: Record<BenefitStatusCode, string> = {
  NORMAL: "bg-green-50 text-green-800 ring-green-700/30",
  SUSPENDED: "bg-red-50 text-red-800 ring-red-700/30",
  WAITING: "bg-amber-50 text-amber-900 ring-amber-700/30",
  ENDED: "bg-slate-100 text-slate-800 ring-slate-600/30",
};

const PAYMENT_TONE: Record<EmployeeMonthState | "OPEN", string> = {
  PAID: "bg-green-50 text-green-800 ring-green-700/30",
  UNPAID: "bg-red-50 text-red-800 ring-red-700/30",
  MONTH_PART_PAID: "bg-amber-50 text-amber-900 ring-amber-700/30",
  OPEN: "bg-red-50 text-red-800 ring-red-700/30",
};

const BADGE =
  "inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset";

export function BenefitBadge({
  status,
  text,
  testId,
}: {
  status: BenefitStatusCode;
  text: string;
  testId?: string;
}) {
  return (
    <span className={`${BADGE} ${BENEFIT_TONE[status]}`} data-testid={testId}>
      {text}
    </span>
  );
}

export function PaymentBadge({
  state,
  text,
  testId,
}: {
  state: EmployeeMonthState | "OPEN";
  text: string;
  testId?: string;
}) {
  return (
    <span className={`${BADGE} ${PAYMENT_TONE[state]}`} data-testid={testId}>
      {text}
    </span>
  );
}
