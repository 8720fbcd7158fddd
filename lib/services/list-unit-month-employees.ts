/**
 * One month of the unit (DOMAIN §9): the month's totals and its employees with their base and each
 * part, paid / arrears, searchable by name or personal number, a page at a time with keyset
 * pagination on the person id (the unique index on (unit_month_id, person_id) serves every page, so the
 * 200th page of a 10,000-employee month costs what the first does). The month's totals come from its
 * unit_months row; nothing here adds up employees.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { normalizeInput } from "@/lib/domain/input";
import { EMPLOYMENT_STATUS_LABEL } from "@/lib/domain/labels";
import { maskName } from "@/lib/domain/masking";
import { type Month, parseMonth } from "@/lib/domain/month";
import {
  contributionParts,
  EMPLOYEE_MONTH_STATE_LABEL,
  type EmployeeMonthState,
  employeeMonthPayment,
} from "@/lib/domain/unit-arrears";
import { MAX_SIZE } from "@/lib/domain/unit-query";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type ClerkUnit, refuseForgedId, resolveClerkUnit } from "./unit-access";
import { loadUnitMonthStates, toMonthRows, type UnitMonthRow, type UnitMonthState } from "./unit-month-rows";

export const MONTH_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = MAX_SIZE;

export interface EmployeeLineRow {
  /** Keyset cursor; opaque to the reader. */
  cursor: number;
  personalNumber: string;
  maskedName: string;
  employmentStatusText: string;
  baseFen: bigint;
  unitBasicFen: bigint;
  employeeBasicFen: bigint;
  unitMutualAidFen: bigint;
  employeeMutualAidFen: bigint;
  unitPartFen: bigint;
  employeePartFen: bigint;
  mutualAidFen: bigint;
  dueFen: bigint;
  paidFen: bigint;
  arrearsFen: bigint;
  state: EmployeeMonthState;
  stateText: string;
}

export interface UnitMonthPage {
  unitNumber: string;
  unitName: string;
  month: UnitMonthRow;
  employees: EmployeeLineRow[];
  /** Employees declared for the month (from its unit_months row); null while searching. */
  total: number | null;
  q: string | null;
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: number | null;
  /** Pass as `before` for the previous page; null on the first one. */
  prevCursor: number | null;
  pageSize: number;
}

/** The clerk's unit and one of its declared months; any other month is refused and audited. */
export async function resolveUnitMonth(
  database: Db,
  options: { clerkId: number; unitNumber?: string | null; month: string },
): Promise<{ unit: ClerkUnit; state: UnitMonthState; states: UnitMonthState[] }> {
  const unit = await resolveClerkUnit(database, options);
  let month: Month;
  try {
    month = parseMonth(options.month);
  } catch {
    return refuseForgedId(database, { unit, kind: "month", value: options.month });
  }
  const { months: states } = await loadUnitMonthStates(database, unit.unitId);
  const state = states.find((m) => m.month === month);
  if (!state) return refuseForgedId(database, { unit, kind: "month", value: month });
  return { unit, state, states };
}

/** Name fragment or personal-number prefix; LIKE wildcards are taken out rather than interpreted. */
export function searchFilter(q: string | null | undefined): {
  q: string | null;
  where: Prisma.ContributionLineWhereInput;
} {
  const text = normalizeInput(q ?? "")
    .replace(/[%_\\]/g, "")
    .slice(0, 20);
  if (text === "") return { q: null, where: {} };
  if (/^\d+$/.test(text))
    return { q: text, where: { person: { is: { personalNumber: { startsWith: text } } } } };
  return { q: text, where: { person: { is: { name: { contains: text } } } } };
}

export const LINE_SELECT = {
  personId: true,
  baseFen: true,
  unitBasicFen: true,
  employeeBasicFen: true,
  unitMutualAidFen: true,
  employeeMutualAidFen: true,
  dueFen: true,
  person: { select: { personalNumber: true, name: true, employmentStatus: true } },
} as const satisfies Prisma.ContributionLineSelect;

type LineRecord = Prisma.ContributionLineGetPayload<{ select: typeof LINE_SELECT }>;

export function toEmployeeLineRow(
  line: LineRecord,
  month: { dueFen: bigint; paidFen: bigint; paidUpAt: Date | null },
): EmployeeLineRow {
  const split = contributionParts(line);
  const paid = employeeMonthPayment(line.dueFen, month);
  return {
    cursor: line.personId,
    personalNumber: line.person.personalNumber,
    maskedName: maskName(line.person.name),
    employmentStatusText: EMPLOYMENT_STATUS_LABEL[line.person.employmentStatus],
    baseFen: line.baseFen,
    unitBasicFen: line.unitBasicFen,
    employeeBasicFen: line.employeeBasicFen,
    unitMutualAidFen: line.unitMutualAidFen,
    employeeMutualAidFen: line.employeeMutualAidFen,
    unitPartFen: split.unitPartFen,
    employeePartFen: split.employeePartFen,
    mutualAidFen: split.mutualAidFen,
    dueFen: line.dueFen,
    paidFen: paid.paidFen,
    arrearsFen: paid.arrearsFen,
    state: paid.state,
    stateText: EMPLOYEE_MONTH_STATE_LABEL[paid.state],
  };
}

export async function listUnitMonthEmployees(
  database: Db,
  options: {
    clerkId: number;
    unitNumber?: string | null;
    month: string;
    q?: string | null;
    after?: number;
    before?: number;
    pageSize?: number;
  },
): Promise<UnitMonthPage> {
  const pageSize = options.pageSize ?? MONTH_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new DomainError("INVALID_QUERY", `每页条数应为1到${MAX_PAGE_SIZE}`, { field: "size" });
  }
  const { unit, state } = await resolveUnitMonth(database, options);
  const search = searchFilter(options.q);
  const goingBack = options.before !== undefined && options.after === undefined;
  const cursor = goingBack
    ? { personId: { lt: options.before } }
    : options.after !== undefined
      ? { personId: { gt: options.after } }
      : {};

  const [[month], fetched] = await Promise.all([
    toMonthRows(database, [state]),
    database.contributionLine.findMany({
      where: { unitMonthId: state.id, ...cursor, ...search.where },
      orderBy: { personId: goingBack ? "desc" : "asc" },
      take: pageSize + 1,
      select: LINE_SELECT,
    }),
  ]);
  const hasMore = fetched.length > pageSize;
  const page = fetched.slice(0, pageSize);
  if (goingBack) page.reverse();
  const first = page[0]?.personId ?? null;
  const last = page.at(-1)?.personId ?? null;
  return {
    unitNumber: unit.unitNumber,
    unitName: unit.unitName,
    month: month!,
    employees: page.map((line) => toEmployeeLineRow(line, state)),
    total: search.q === null ? state.employees : null,
    q: search.q,
    nextCursor: goingBack ? last : hasMore ? last : null,
    prevCursor: goingBack ? (hasMore ? first : null) : options.after !== undefined ? first : null,
    pageSize,
  };
}
