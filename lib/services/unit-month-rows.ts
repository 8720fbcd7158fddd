/**
 * The unit's months as the clerk's pages read them: one unit_months row per declared month (totals kept
 * up to date by declare-unit-month and receive-unit-payment), with arrears and running arrears after
 * FIFO (lib/domain/unit-arrears.ts). A unit has one row a month, so this never touches employees.
 */
import type { Db } from "@/lib/db/client";
import { contributionParts, runningArrears, type UnitMonthArrears } from "@/lib/domain/unit-arrears";
import { loadUnitMonthParts } from "./unit-month-parts";

export interface UnitMonthState extends UnitMonthArrears {
  id: number;
  employees: number;
  paidUpAt: Date | null;
  declaredAt: Date;
}

/** Oldest first. */
export async function loadUnitMonthStates(
  database: Db,
  unitId: number,
): Promise<{ months: UnitMonthState[]; arrearsFen: bigint }> {
  const rows = await database.unitMonth.findMany({
    where: { unitId },
    orderBy: { month: "asc" },
    select: {
      id: true,
      month: true,
      employees: true,
      dueFen: true,
      paidFen: true,
      paidUpAt: true,
      declaredAt: true,
    },
  });
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const settled = runningArrears(rows);
  return {
    months: settled.months.map((m) => {
      const r = byMonth.get(m.month)!;
      return { ...m, id: r.id, employees: r.employees, paidUpAt: r.paidUpAt, declaredAt: r.declaredAt };
    }),
    arrearsFen: settled.arrearsFen,
  };
}

export interface SettledBy {
  reference: string;
  receivedAt: Date;
  amountFen: bigint;
}

export interface UnitMonthRow {
  month: string;
  employees: number;
  dueFen: bigint;
  /** Unit basic medical 8.5% + unit mutual aid 1.5%. */
  unitPartFen: bigint;
  /** Employee basic medical 2% + employee mutual aid 5.00 元 (withheld from wages). */
  employeePartFen: bigint;
  /** Mutual aid, both shares (inside the two parts above). */
  mutualAidFen: bigint;
  unitBasicFen: bigint;
  employeeBasicFen: bigint;
  unitMutualAidFen: bigint;
  employeeMutualAidFen: bigint;
  paidFen: bigint;
  arrearsFen: bigint;
  runningArrearsFen: bigint;
  paidUpAt: Date | null;
  declaredAt: Date;
  /** The payments whose money settled this month (FIFO), in the order they arrived. */
  settledBy: SettledBy[];
}

/** Adds the due's split and the payments that settled each month. */
export async function toMonthRows(database: Db, months: readonly UnitMonthState[]): Promise<UnitMonthRow[]> {
  if (months.length === 0) return [];
  const [parts, allocations] = await Promise.all([
    loadUnitMonthParts(database, months),
    database.paymentAllocation.findMany({
      where: { unitMonthId: { in: months.map((m) => m.id) } },
      orderBy: [{ payment: { receivedAt: "asc" } }, { id: "asc" }],
      select: {
        unitMonthId: true,
        amountFen: true,
        payment: { select: { reference: true, receivedAt: true } },
      },
    }),
  ]);
  const settledBy = new Map<number, SettledBy[]>();
  for (const a of allocations) {
    const list = settledBy.get(a.unitMonthId) ?? [];
    list.push({ reference: a.payment.reference, receivedAt: a.payment.receivedAt, amountFen: a.amountFen });
    settledBy.set(a.unitMonthId, list);
  }
  return months.map((m) => {
    const p = parts.get(m.id)!;
    const split = contributionParts(p);
    return {
      month: m.month,
      employees: m.employees,
      dueFen: m.dueFen,
      unitPartFen: split.unitPartFen,
      employeePartFen: split.employeePartFen,
      mutualAidFen: split.mutualAidFen,
      ...p,
      paidFen: m.paidFen,
      arrearsFen: m.arrearsFen,
      runningArrearsFen: m.runningArrearsFen,
      paidUpAt: m.paidUpAt,
      declaredAt: m.declaredAt,
      settledBy: settledBy.get(m.id) ?? [],
    };
  });
}
