/**
 * A unit's monthly declaration (DOMAIN §6): one contribution line per employee, computed by the
 * policy rules, with the month's totals kept on the unit-month row so no page sums employees.
 * Money the unit has already paid in advance settles the new month at once (FIFO).
 */
import type { Db } from "@/lib/db/client";
import { unitEmployeeContribution } from "@/lib/domain/contributions";
import { parseMonth } from "@/lib/domain/month";
import { creditPaidUpMonths, lockUnit, settleOpenMonths } from "./unit-contributions";

export interface DeclaredEmployee {
  personId: number;
  wageFen: bigint;
}

export async function declareUnitMonth(
  database: Db,
  options: { unitId: number; month: string; employees: readonly DeclaredEmployee[]; declaredAt?: Date },
): Promise<{ unitMonthId: number; created: boolean; dueFen: bigint }> {
  const month = parseMonth(options.month);
  const lines = options.employees.map((e) => ({ personId: e.personId, month, ...unitEmployeeContribution(e.wageFen, month) }));
  const dueFen = lines.reduce((sum, l) => sum + l.dueFen, 0n);

  return database.$transaction(
    async (tx) => {
      await lockUnit(tx, options.unitId);
      const existing = await tx.unitMonth.findUnique({
        where: { unitId_month: { unitId: options.unitId, month } },
        select: { id: true, dueFen: true },
      });
      if (existing) return { unitMonthId: existing.id, created: false, dueFen: existing.dueFen };
      const unitMonth = await tx.unitMonth.create({
        data: { unitId: options.unitId, month, employees: lines.length, dueFen, declaredAt: options.declaredAt ?? new Date() },
        select: { id: true },
      });
      await tx.contributionLine.createMany({
        data: lines.map((l) => ({
          unitMonthId: unitMonth.id,
          personId: l.personId,
          month,
          baseFen: l.baseFen,
          unitBasicFen: l.unitBasicFen,
          employeeBasicFen: l.employeeBasicFen,
          unitMutualAidFen: l.unitMutualAidFen,
          employeeMutualAidFen: l.employeeMutualAidFen,
          ltcFundFen: l.ltcFundFen,
          ltcAccountFen: l.ltcAccountFen,
          dueFen: l.dueFen,
        })),
      });
      await creditPaidUpMonths(tx, await settleOpenMonths(tx, options.unitId));
      return { unitMonthId: unitMonth.id, created: true, dueFen };
    },
    { maxWait: 20_000, timeout: 120_000 },
  );
}
