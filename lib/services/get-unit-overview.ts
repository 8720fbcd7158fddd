/**
 * What the clerk sees first after signing in (DOMAIN §9): the unit, its employees, what it owes now and
 * the next date on which unpaid months start to cost the employees something. Reads one row per month
 * and two counts, whatever the size of the unit.
 */
import type { Db } from "@/lib/db/client";
import { formatDateCst } from "@/lib/domain/dates";
import { maskCreditCode } from "@/lib/domain/masking";
import { type UnitArrearsOutlook, unitArrearsOutlook } from "@/lib/domain/unit-arrears";
import { resolveClerkUnit } from "./unit-access";
import { loadUnitMonthStates } from "./unit-month-rows";

export interface UnitOverview {
  unit: {
    unitNumber: string;
    name: string;
    maskedCreditCode: string;
    districtName: string;
    agencyName: string;
  };
  clerk: { name: string; username: string };
  employees: { inService: number; retired: number };
  latestMonth: {
    month: string;
    employees: number;
    dueFen: bigint;
    paidFen: bigint;
    paidUpAt: Date | null;
  } | null;
  arrears: {
    totalFen: bigint;
    /** Months that still owe, oldest first. */
    months: { month: string; arrearsFen: bigint; employees: number }[];
    /** Money received beyond every declared month, waiting for the next declaration. */
    creditFen: bigint;
  };
  outlook: UnitArrearsOutlook;
  today: string;
  readAt: Date;
}

export async function getUnitOverview(
  database: Db,
  options: { clerkId: number; unitNumber?: string | null; now?: Date },
): Promise<UnitOverview> {
  const now = options.now ?? new Date();
  const unit = await resolveClerkUnit(database, options);
  const [states, counts, credit] = await Promise.all([
    loadUnitMonthStates(database, unit.unitId),
    database.person.groupBy({
      by: ["employmentStatus"],
      where: { unitId: unit.unitId },
      _count: { _all: true },
    }),
    database.unitPayment.aggregate({
      where: { unitId: unit.unitId, unallocatedFen: { gt: 0n } },
      _sum: { unallocatedFen: true },
    }),
  ]);
  const count = (status: "IN_SERVICE" | "RETIRED") =>
    counts.find((c) => c.employmentStatus === status)?._count._all ?? 0;
  const latest = states.months.at(-1);
  const today = formatDateCst(now);
  return {
    unit: {
      unitNumber: unit.unitNumber,
      name: unit.unitName,
      maskedCreditCode: maskCreditCode(unit.creditCode),
      districtName: unit.districtName,
      agencyName: unit.agencyName,
    },
    clerk: { name: unit.clerkName, username: unit.clerkUsername },
    employees: { inService: count("IN_SERVICE"), retired: count("RETIRED") },
    latestMonth: latest
      ? {
          month: latest.month,
          employees: latest.employees,
          dueFen: latest.dueFen,
          paidFen: latest.paidFen,
          paidUpAt: latest.paidUpAt,
        }
      : null,
    arrears: {
      totalFen: states.arrearsFen,
      months: states.months
        .filter((m) => m.arrearsFen > 0n)
        .map((m) => ({ month: m.month, arrearsFen: m.arrearsFen, employees: m.employees })),
      creditFen: credit._sum.unallocatedFen ?? 0n,
    },
    outlook: unitArrearsOutlook(states.months, today),
    today,
    readAt: now,
  };
}
