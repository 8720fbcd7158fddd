/**
 * The person's benefit status today (DOMAIN §3, §6) and, while contributions for them are unpaid, the
 * arrears warning: which months, when benefits stop or stopped, the deadline for the gap's medical
 * costs and what restores them. Computed from the records by lib/domain/benefit-status.ts.
 */
import type { Db } from "@/lib/db/client";
import { arrearsConsequences, type BenefitStatus, benefitStatus } from "@/lib/domain/benefit-status";
import {
  type ArrearsNotice,
  arrearsNotice,
  benefitHeadline,
  benefitPeriodText,
} from "@/lib/domain/benefit-text";
import { formatDateCst } from "@/lib/domain/dates";
import type { Month } from "@/lib/domain/month";
import { loadBenefitInputs } from "./benefit";

export interface PersonBenefit {
  status: BenefitStatus;
  headline: string;
  period: string;
  arrears:
    | (ArrearsNotice & {
        unpaidMonths: Month[];
        suspendedFrom: string;
        coverDeadline: string;
        daysLeft: number;
        coverable: boolean;
      })
    | null;
  today: string;
}

export async function getPersonBenefit(
  database: Db,
  options: { personId: number; now?: Date },
): Promise<PersonBenefit> {
  const today = formatDateCst(options.now ?? new Date());
  const inputs = await loadBenefitInputs(database, [options.personId]);
  const input = inputs.get(options.personId) ?? { enrolments: [], contributions: [] };
  const status = benefitStatus(input, today);
  const current = input.enrolments.find((e) => e.endMonth === null) ?? input.enrolments.at(-1);
  // Months owed under the current enrolment, before retirement: the ones that suspend (benefit-status.ts).
  const unpaidMonths = input.contributions
    .filter((c) => c.paidUpAt === null)
    .map((c) => c.month)
    .filter(
      (m) =>
        current !== undefined &&
        m >= current.startMonth &&
        (current.endMonth === null || m <= current.endMonth),
    )
    .filter((m) => !input.retiredFrom || m < input.retiredFrom)
    .sort();
  const oldest = unpaidMonths[0];
  let arrears: PersonBenefit["arrears"] = null;
  if (oldest !== undefined) {
    const c = arrearsConsequences(oldest, today);
    const byUnit = current?.category === "EMPLOYEE_UNIT";
    arrears = {
      ...arrearsNotice({ unpaidMonths, consequences: c, today, byUnit }),
      unpaidMonths,
      suspendedFrom: c.suspendedFrom,
      coverDeadline: c.coverDeadline,
      daysLeft: c.daysLeft,
      coverable: c.coverable,
    };
  }
  return { status, headline: benefitHeadline(status), period: benefitPeriodText(status), arrears, today };
}
