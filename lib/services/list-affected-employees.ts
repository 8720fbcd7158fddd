/**
 * Employees affected by the unit's arrears (DOMAIN §6, §9): everyone declared in a month that still
 * owes, or in a month paid up only this month (their suspension lasts until the month is over), with
 * their benefit status today as lib/domain/benefit-status.ts decides it (since when, what restores
 * it), and how long the unit has until the 3-month limit after which the suspension's medical costs are
 * no longer covered. Keyset pages on the person id; the benefit rule runs for one page of persons.
 */
import type { Db } from "@/lib/db/client";
import { BENEFIT_STATUS_LABEL, type BenefitStatusCode, benefitStatus } from "@/lib/domain/benefit-status";
import { formatDateCst } from "@/lib/domain/dates";
import { DomainError } from "@/lib/domain/errors";
import { EMPLOYMENT_STATUS_LABEL } from "@/lib/domain/labels";
import { maskName } from "@/lib/domain/masking";
import {
  describeMonths,
  type EmployeeArrearsOutlook,
  employeeArrearsOutlook,
  type UnitArrearsOutlook,
  unitArrearsOutlook,
} from "@/lib/domain/unit-arrears";
import { loadBenefitInputs } from "./benefit";
import { MAX_PAGE_SIZE, MONTH_PAGE_SIZE } from "./list-unit-month-employees";
import { resolveClerkUnit } from "./unit-access";
import { loadUnitMonthStates } from "./unit-month-rows";

export interface AffectedEmployeeRow {
  cursor: number;
  personalNumber: string;
  maskedName: string;
  employmentStatusText: string;
  status: BenefitStatusCode;
  statusText: string;
  reason: string;
  /** First day of the current status ("YYYY-MM-DD"), null when it goes back beyond the records. */
  since: string | null;
  /** Last day of the current status when already known. */
  until: string | null;
  restoreHint: string | null;
  /** This employee's months at the unit that still owe. */
  unpaidMonthsText: string;
  outlook: EmployeeArrearsOutlook | null;
}

export interface AffectedEmployeesPage {
  unitNumber: string;
  unitName: string;
  today: string;
  arrearsFen: bigint;
  unitOutlook: UnitArrearsOutlook;
  /** Months whose employees are listed, oldest first. */
  months: { month: string; arrearsFen: bigint; paidUpAt: Date | null; employees: number }[];
  /** Distinct employees across those months. */
  total: number;
  employees: AffectedEmployeeRow[];
  nextCursor: number | null;
  prevCursor: number | null;
  pageSize: number;
}

/** Midnight at the start of `today`'s month in Chongqing. */
const monthStartCst = (today: string) => new Date(`${today.slice(0, 7)}-01T00:00:00+08:00`);

export async function listAffectedEmployees(
  database: Db,
  options: {
    clerkId: number;
    unitNumber?: string | null;
    after?: number;
    before?: number;
    pageSize?: number;
    now?: Date;
  },
): Promise<AffectedEmployeesPage> {
  const pageSize = options.pageSize ?? MONTH_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new DomainError("INVALID_QUERY", `每页条数应为1到${MAX_PAGE_SIZE}`, { field: "size" });
  }
  const now = options.now ?? new Date();
  const today = formatDateCst(now);
  const unit = await resolveClerkUnit(database, options);
  const states = await loadUnitMonthStates(database, unit.unitId);
  const thisMonthStart = monthStartCst(today);
  const listed = states.months.filter(
    (m) => m.arrearsFen > 0n || (m.paidUpAt !== null && m.paidUpAt >= thisMonthStart),
  );
  const base = {
    unitNumber: unit.unitNumber,
    unitName: unit.unitName,
    today,
    arrearsFen: states.arrearsFen,
    unitOutlook: unitArrearsOutlook(states.months, today),
    months: listed.map((m) => ({
      month: m.month,
      arrearsFen: m.arrearsFen,
      paidUpAt: m.paidUpAt,
      employees: m.employees,
    })),
    pageSize,
  };
  if (listed.length === 0) return { ...base, total: 0, employees: [], nextCursor: null, prevCursor: null };

  const monthIds = listed.map((m) => m.id);
  const goingBack = options.before !== undefined && options.after === undefined;
  // Per month, the unique (unit_month_id, person_id) index hands over the next page in order; merging
  // at most pageSize + 1 ids from each month keeps a page's cost independent of the unit's size.
  const [ids, [count]] = await Promise.all([
    goingBack
      ? database.$queryRaw<{ person_id: number }[]>`
          SELECT DISTINCT x.person_id FROM unnest(${monthIds}::int[]) AS m(id)
          CROSS JOIN LATERAL (SELECT person_id FROM contribution_lines
                              WHERE unit_month_id = m.id AND person_id < ${options.before!}
                              ORDER BY person_id DESC LIMIT ${pageSize + 1}) AS x
          ORDER BY 1 DESC LIMIT ${pageSize + 1}`
      : database.$queryRaw<{ person_id: number }[]>`
          SELECT DISTINCT x.person_id FROM unnest(${monthIds}::int[]) AS m(id)
          CROSS JOIN LATERAL (SELECT person_id FROM contribution_lines
                              WHERE unit_month_id = m.id AND person_id > ${options.after ?? 0}
                              ORDER BY person_id LIMIT ${pageSize + 1}) AS x
          ORDER BY 1 LIMIT ${pageSize + 1}`,
    database.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT person_id FROM contribution_lines WHERE unit_month_id = ANY(${monthIds}::int[]) GROUP BY person_id) AS s`,
  ]);
  const hasMore = ids.length > pageSize;
  const pageIds = ids.slice(0, pageSize).map((r) => r.person_id);
  if (goingBack) pageIds.reverse();

  const [persons, lines, inputs] = await Promise.all([
    database.person.findMany({
      where: { id: { in: pageIds } },
      select: { id: true, personalNumber: true, name: true, employmentStatus: true },
    }),
    database.contributionLine.findMany({
      where: { unitMonthId: { in: monthIds }, personId: { in: pageIds } },
      select: { personId: true, month: true },
    }),
    loadBenefitInputs(database, pageIds),
  ]);
  const byId = new Map(persons.map((p) => [p.id, p]));
  const monthsOf = new Map<number, string[]>();
  for (const l of lines) monthsOf.set(l.personId, [...(monthsOf.get(l.personId) ?? []), l.month]);

  const employees = pageIds.map((id): AffectedEmployeeRow => {
    const person = byId.get(id)!;
    const status = benefitStatus(inputs.get(id) ?? { enrolments: [], contributions: [] }, today);
    const outlook = employeeArrearsOutlook(monthsOf.get(id) ?? [], states.months, today);
    return {
      cursor: id,
      personalNumber: person.personalNumber,
      maskedName: maskName(person.name),
      employmentStatusText: EMPLOYMENT_STATUS_LABEL[person.employmentStatus],
      status: status.status,
      statusText: BENEFIT_STATUS_LABEL[status.status],
      reason: status.reason,
      since: status.since,
      until: status.until,
      restoreHint: status.restoreHint,
      unpaidMonthsText: outlook ? describeMonths(outlook.unpaidMonths) : "",
      outlook,
    };
  });
  const first = pageIds[0] ?? null;
  const last = pageIds.at(-1) ?? null;
  return {
    ...base,
    total: Number(count?.n ?? 0n),
    employees,
    nextCursor: goingBack ? last : hasMore ? last : null,
    prevCursor: goingBack ? (hasMore ? first : null) : options.after !== undefined ? first : null,
  };
}
