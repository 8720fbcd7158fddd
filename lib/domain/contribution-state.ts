/** Whether a unit-declared contribution month is paid, as the person sees it (DOMAIN §6, §9). */
import { formatDateCst } from "./dates";
import { addMonths, type Month } from "./month";

export type ContributionState = "PAID" | "PAID_LATE" | "ARREARS";

export const CONTRIBUTION_STATE_LABEL: Record<ContributionState, string> = {
  PAID: "已缴",
  PAID_LATE: "补缴",
  ARREARS: "欠费",
};

/**
 * A month is paid once the unit's whole month is paid (payments settle the oldest month first). Paid by
 * the end of the following month (the collection month) it is on time; later it is 补缴; still unpaid
 * it is 欠费. `paidUpAt` is read as its China calendar day.
 */
export function contributionState(month: Month, paidUpAt: Date | null): ContributionState {
  if (paidUpAt === null) return "ARREARS";
  return formatDateCst(paidUpAt).slice(0, 7) <= addMonths(month, 1) ? "PAID" : "PAID_LATE";
}
