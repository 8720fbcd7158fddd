/**
 * What declaring a month and receiving a payment share: a lock on the unit (so the two never
 * interleave for one unit), FIFO settlement of the open months (lib/domain/arrears.ts), and the
 * personal-account credits a newly paid-up month releases.
 */
import type { Tx } from "@/lib/db/client";
import { applyPaymentToOpenMonths } from "@/lib/domain/arrears";
import { arrearsConsequences } from "@/lib/domain/benefit-status";
import { postJournalsInTransaction } from "./post-journals";
import { creditJournal, inServiceExplanation } from "./run-monthly-credit";
import { fundAccountIds } from "./system-accounts";

export async function lockUnit(tx: Tx, unitId: number): Promise<void> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`;
  if (rows.length === 0) throw new Error(`unit ${unitId} not found`);
}

/**
 * Spends the unit's unallocated payment money (oldest payment first) on its open months (oldest
 * month first). Returns the months that became fully paid, with when.
 */
export async function settleOpenMonths(tx: Tx, unitId: number): Promise<{ unitMonthId: number; month: string; paidUpAt: Date }[]> {
  const payments = await tx.unitPayment.findMany({
    where: { unitId, unallocatedFen: { gt: 0n } },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true, receivedAt: true, unallocatedFen: true },
  });
  if (payments.length === 0) return [];
  const open = await tx.unitMonth.findMany({
    where: { unitId, paidUpAt: null },
    orderBy: { month: "asc" },
    select: { id: true, month: true, dueFen: true, paidFen: true },
  });
  const state = new Map(open.map((m) => [m.month, { ...m }]));
  const paidUp: { unitMonthId: number; month: string; paidUpAt: Date }[] = [];

  for (const payment of payments) {
    const openMonths = [...state.values()].filter((m) => m.paidFen < m.dueFen).map((m) => ({ month: m.month, arrearsFen: m.dueFen - m.paidFen }));
    if (openMonths.length === 0) break;
    const applied = applyPaymentToOpenMonths(openMonths, payment.unallocatedFen);
    for (const a of applied.allocations) {
      const m = state.get(a.month)!;
      m.paidFen += a.amountFen;
      await tx.paymentAllocation.create({ data: { paymentId: payment.id, unitMonthId: m.id, amountFen: a.amountFen } });
    }
    for (const month of applied.paidUp) paidUp.push({ unitMonthId: state.get(month)!.id, month, paidUpAt: payment.receivedAt });
    await tx.unitPayment.update({ where: { id: payment.id }, data: { unallocatedFen: applied.unallocatedFen } });
  }
  const paidUpAt = new Map(paidUp.map((p) => [p.month, p.paidUpAt]));
  for (const m of state.values()) {
    const original = open.find((o) => o.id === m.id)!;
    if (m.paidFen !== original.paidFen) {
      await tx.unitMonth.update({ where: { id: m.id }, data: { paidFen: m.paidFen, paidUpAt: paidUpAt.get(m.month) ?? null } });
    }
  }
  return paidUp;
}

/**
 * Credits released by months paid after their crediting run: paid within the 3-month window they
 * are the ordinary monthly credit, later they are 补划 (DOMAIN §6). Same idempotency key either way.
 */
export async function creditPaidUpMonths(tx: Tx, paidUp: readonly { unitMonthId: number; month: string; paidUpAt: Date }[]): Promise<number> {
  if (paidUp.length === 0) return 0;
  const runs = await tx.creditRun.findMany({ where: { month: { in: paidUp.map((p) => p.month) } }, select: { month: true } });
  const credited = new Set(runs.map((r) => r.month));
  const due = paidUp.filter((p) => credited.has(p.month));
  if (due.length === 0) return 0;
  const funds = await fundAccountIds(tx);
  const lines = await tx.contributionLine.findMany({
    where: { unitMonthId: { in: due.map((d) => d.unitMonthId) }, person: { account: { isNot: null } } },
    select: {
      unitMonthId: true,
      month: true,
      baseFen: true,
      employeeBasicFen: true,
      ltcAccountFen: true,
      person: { select: { personalNumber: true, employmentStatus: true, retiredFrom: true, account: { select: { id: true } } } },
    },
  });
  const byMonth = new Map(due.map((d) => [d.unitMonthId, d]));
  // A line is a worked month even if the person has retired since (retiredFrom after that month).
  const worked = lines.filter(
    (l) => l.person.employmentStatus === "IN_SERVICE" || (l.person.retiredFrom !== null && l.month < l.person.retiredFrom),
  );
  const journals = worked.map((line) => {
    const paid = byMonth.get(line.unitMonthId)!;
    const late = !arrearsConsequences(line.month, paid.paidUpAt).coverable;
    return creditJournal(
      {
        personalNumber: line.person.personalNumber,
        unitMonthId: line.unitMonthId,
        accountId: line.person.account!.id,
        month: line.month,
        creditFen: line.employeeBasicFen,
        mutualAidDeductionFen: 0n,
        ltcDeductionFen: line.ltcAccountFen,
        baseFen: line.baseFen,
        explanation: inServiceExplanation(line.baseFen, line.employeeBasicFen),
      },
      funds,
      { kind: late ? "BACK_CREDIT" : "MONTHLY_CREDIT", at: paid.paidUpAt },
    );
  });
  const results = await postJournalsInTransaction(tx, journals, { onKeyConflict: "keep-first" });
  return results.filter((r) => !r.replayed).length;
}
