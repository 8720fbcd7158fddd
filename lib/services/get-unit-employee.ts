/**
 * One employee as the unit's clerk may see them: their benefit status today (DOMAIN §6) and every month
 * the unit declared for them, with each part, paid / arrears and the benefit status of that month. Only
 * someone the unit declared, or who is on its books, is shown; anyone else's personal number is refused
 * and audited like a missing one.
 */
import type { Db } from "@/lib/db/client";
import {
  BENEFIT_STATUS_LABEL,
  type BenefitStatus,
  benefitStatus,
  benefitTimeline,
} from "@/lib/domain/benefit-status";
import { formatDateCst } from "@/lib/domain/dates";
import { isPersonalNumber } from "@/lib/domain/identifiers";
import { EMPLOYMENT_STATUS_LABEL } from "@/lib/domain/labels";
import { maskName } from "@/lib/domain/masking";
import {
  contributionParts,
  describeMonths,
  EMPLOYEE_MONTH_STATE_LABEL,
  type EmployeeArrearsOutlook,
  type EmployeeMonthState,
  employeeArrearsOutlook,
  employeeMonthPayment,
} from "@/lib/domain/unit-arrears";
import { loadBenefitInputs } from "./benefit";
import { refuseForgedId, resolveClerkUnit } from "./unit-access";
import { loadUnitMonthStates } from "./unit-month-rows";

const TIMELINE_MONTHS = 24;

export interface UnitEmployeeMonth {
  month: string;
  baseFen: bigint;
  unitPartFen: bigint;
  employeePartFen: bigint;
  mutualAidFen: bigint;
  dueFen: bigint;
  paidFen: bigint;
  arrearsFen: bigint;
  state: EmployeeMonthState;
  stateText: string;
  /** Benefit status on the first day of the month ("" for months before the latest 24). */
  benefitStatusText: string;
}

export interface UnitEmployee {
  unitNumber: string;
  personalNumber: string;
  maskedName: string;
  employmentStatusText: string;
  onUnitBooks: boolean;
  today: string;
  status: BenefitStatus & { statusText: string };
  unpaidMonthsText: string;
  outlook: EmployeeArrearsOutlook | null;
  /** Newest first. */
  months: UnitEmployeeMonth[];
}

export async function getUnitEmployee(
  database: Db,
  options: { clerkId: number; unitNumber?: string | null; personalNumber: string; now?: Date },
): Promise<UnitEmployee> {
  const unit = await resolveClerkUnit(database, options);
  if (!isPersonalNumber(options.personalNumber)) {
    return refuseForgedId(database, { unit, kind: "employee", value: options.personalNumber });
  }
  const person = await database.person.findUnique({
    where: { personalNumber: options.personalNumber },
    select: { id: true, name: true, personalNumber: true, employmentStatus: true, unitId: true },
  });
  if (!person) return refuseForgedId(database, { unit, kind: "employee", value: options.personalNumber });
  const lines = await database.contributionLine.findMany({
    where: { personId: person.id, unitMonth: { unitId: unit.unitId } },
    orderBy: { month: "asc" },
    select: {
      month: true,
      baseFen: true,
      unitBasicFen: true,
      employeeBasicFen: true,
      unitMutualAidFen: true,
      employeeMutualAidFen: true,
      dueFen: true,
    },
  });
  const onUnitBooks = person.unitId === unit.unitId;
  if (!onUnitBooks && lines.length === 0) {
    return refuseForgedId(database, {
      unit,
      kind: "employee",
      value: options.personalNumber,
      subjectPersonId: person.id,
    });
  }

  const now = options.now ?? new Date();
  const today = formatDateCst(now);
  const [states, inputs] = await Promise.all([
    loadUnitMonthStates(database, unit.unitId),
    loadBenefitInputs(database, [person.id]),
  ]);
  const input = inputs.get(person.id) ?? { enrolments: [], contributions: [] };
  const status = benefitStatus(input, today);
  const stateOf = new Map(states.months.map((m) => [m.month, m]));
  // The timeline rule costs grow quickly with its span; the latest two years are what a clerk asks about.
  const shown = lines.slice(-TIMELINE_MONTHS);
  const timeline = shown.length > 0 ? benefitTimeline(input, shown[0]!.month, shown.at(-1)!.month) : [];
  const benefitOf = new Map(timeline.map((t) => [t.month, BENEFIT_STATUS_LABEL[t.status]]));
  const outlook = employeeArrearsOutlook(
    lines.map((l) => l.month),
    states.months,
    today,
  );

  return {
    unitNumber: unit.unitNumber,
    personalNumber: person.personalNumber,
    maskedName: maskName(person.name),
    employmentStatusText: EMPLOYMENT_STATUS_LABEL[person.employmentStatus],
    onUnitBooks,
    today,
    status: { ...status, statusText: BENEFIT_STATUS_LABEL[status.status] },
    unpaidMonthsText: outlook ? describeMonths(outlook.unpaidMonths) : "",
    outlook,
    months: lines
      .map((l) => {
        const split = contributionParts(l);
        const paid = employeeMonthPayment(l.dueFen, stateOf.get(l.month)!);
        return {
          month: l.month,
          baseFen: l.baseFen,
          unitPartFen: split.unitPartFen,
          employeePartFen: split.employeePartFen,
          mutualAidFen: split.mutualAidFen,
          dueFen: l.dueFen,
          paidFen: paid.paidFen,
          arrearsFen: paid.arrearsFen,
          state: paid.state,
          stateText: EMPLOYEE_MONTH_STATE_LABEL[paid.state],
          benefitStatusText: benefitOf.get(l.month) ?? "",
        };
      })
      .reverse(),
  };
}
