/**
 * 月度缴费 (DOMAIN §9): every declared month with its due split into parts, what was paid, its arrears
 * and the running arrears after FIFO settlement; and every payment with the months it settled.
 */
import type { Db } from "@/lib/db/client";
import { resolveClerkUnit } from "./unit-access";
import { loadUnitMonthStates, toMonthRows, type UnitMonthRow } from "./unit-month-rows";

export interface UnitPaymentRow {
  reference: string;
  receivedAt: Date;
  amountFen: bigint;
  /** Months this payment settled, oldest first (FIFO). */
  settled: { month: string; amountFen: bigint }[];
  /** Money not needed yet, held for months still to be declared. */
  unallocatedFen: bigint;
}

export interface UnitMonthsList {
  unitNumber: string;
  unitName: string;
  /** Newest first. */
  months: UnitMonthRow[];
  /** Newest first. */
  payments: UnitPaymentRow[];
  totals: { dueFen: bigint; paidFen: bigint; arrearsFen: bigint; creditFen: bigint };
}

export async function listUnitMonths(
  database: Db,
  options: { clerkId: number; unitNumber?: string | null },
): Promise<UnitMonthsList> {
  const unit = await resolveClerkUnit(database, options);
  const [states, payments] = await Promise.all([
    loadUnitMonthStates(database, unit.unitId),
    database.unitPayment.findMany({
      where: { unitId: unit.unitId },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      select: {
        reference: true,
        receivedAt: true,
        amountFen: true,
        unallocatedFen: true,
        allocations: {
          orderBy: { id: "asc" },
          select: { amountFen: true, unitMonth: { select: { month: true } } },
        },
      },
    }),
  ]);
  const rows = await toMonthRows(database, states.months);
  const sum = (pick: (r: UnitMonthRow) => bigint) => rows.reduce((s, r) => s + pick(r), 0n);
  const creditFen = payments.reduce((s, p) => s + p.unallocatedFen, 0n);
  return {
    unitNumber: unit.unitNumber,
    unitName: unit.unitName,
    months: rows.reverse(),
    payments: payments.map((p) => ({
      reference: p.reference,
      receivedAt: p.receivedAt,
      amountFen: p.amountFen,
      settled: p.allocations
        .map((a) => ({ month: a.unitMonth.month, amountFen: a.amountFen }))
        .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)),
      unallocatedFen: p.unallocatedFen,
    })),
    totals: {
      dueFen: sum((r) => r.dueFen),
      paidFen: sum((r) => r.paidFen),
      arrearsFen: states.arrearsFen,
      creditFen,
    },
  };
}
