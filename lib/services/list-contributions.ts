/**
 * The person's contribution history by month (DOMAIN §9): base, the unit's part, their own part, mutual
 * aid, and whether the unit has paid the month. A month is paid when the unit's whole month is paid
 * (payments settle the oldest month first, DOMAIN §6), so the status comes from unit_months.paid_up_at.
 */
import type { Db } from "@/lib/db/client";
import {
  CONTRIBUTION_STATE_LABEL,
  type ContributionState,
  contributionState,
} from "@/lib/domain/contribution-state";
import { formatDateCst } from "@/lib/domain/dates";
import type { Month } from "@/lib/domain/month";

export interface ContributionRow {
  month: Month;
  unitName: string;
  baseFen: bigint;
  unitBasicFen: bigint;
  employeeBasicFen: bigint;
  unitMutualAidFen: bigint;
  employeeMutualAidFen: bigint;
  /** Unit 1.5% plus the employee's 5.00. */
  mutualAidFen: bigint;
  /** Unit part + own part + mutual aid (long-term care is not billed to the unit, see contributions.ts). */
  dueFen: bigint;
  /** Deducted from the personal account for long-term care; shown for completeness. */
  ltcAccountFen: bigint;
  state: ContributionState;
  stateText: string;
  /** China calendar day the month became fully paid. */
  paidOn: string | null;
}

export interface ContributionHistory {
  rows: ContributionRow[];
  years: number[];
  totals: { dueFen: bigint; employeeBasicFen: bigint; arrearsMonths: number };
}

export async function listContributions(
  database: Db,
  options: { personId: number; year?: number },
): Promise<ContributionHistory> {
  const yearFilter =
    options.year === undefined ? {} : { month: { gte: `${options.year}-01`, lte: `${options.year}-12` } };
  const [lines, allMonths] = await Promise.all([
    database.contributionLine.findMany({
      where: { personId: options.personId, ...yearFilter },
      orderBy: [{ month: "desc" }, { id: "desc" }],
      select: {
        month: true,
        baseFen: true,
        unitBasicFen: true,
        employeeBasicFen: true,
        unitMutualAidFen: true,
        employeeMutualAidFen: true,
        ltcAccountFen: true,
        dueFen: true,
        unitMonth: { select: { paidUpAt: true, unit: { select: { name: true } } } },
      },
    }),
    database.contributionLine.findMany({
      where: { personId: options.personId },
      select: { month: true },
      distinct: ["month"],
    }),
  ]);
  const rows = lines.map((l): ContributionRow => {
    const state = contributionState(l.month, l.unitMonth.paidUpAt);
    return {
      month: l.month,
      unitName: l.unitMonth.unit.name,
      baseFen: l.baseFen,
      unitBasicFen: l.unitBasicFen,
      employeeBasicFen: l.employeeBasicFen,
      unitMutualAidFen: l.unitMutualAidFen,
      employeeMutualAidFen: l.employeeMutualAidFen,
      mutualAidFen: l.unitMutualAidFen + l.employeeMutualAidFen,
      dueFen: l.dueFen,
      ltcAccountFen: l.ltcAccountFen,
      state,
      stateText: CONTRIBUTION_STATE_LABEL[state],
      paidOn: l.unitMonth.paidUpAt === null ? null : formatDateCst(l.unitMonth.paidUpAt),
    };
  });
  const years = [...new Set(allMonths.map((m) => Number(m.month.slice(0, 4))))].sort((a, b) => b - a);
  return {
    rows,
    years,
    totals: {
      dueFen: rows.reduce((s, r) => s + r.dueFen, 0n),
      employeeBasicFen: rows.reduce((s, r) => s + r.employeeBasicFen, 0n),
      arrearsMonths: rows.filter((r) => r.state === "ARREARS").length,
    },
  };
}
