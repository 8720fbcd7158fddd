/**
 * Settling a unit's arrears (DOMAIN §6 "Contributions and arrears", seed 002): "如果前面月份有欠费,
 * 后面月份缴纳的会优先抵扣之前的欠费,不可选择性抵扣". Money always goes to the oldest month that
 * still owes; a payment cannot be aimed at a month of the payer's choice, so nothing here takes one.
 *
 * Money left over after every open month is settled is the unit's credit. It is not refunded here: it
 * settles later months as they are declared, oldest first, exactly as a new payment would. The batch
 * `allocatePayments` gets every declared month at once, so a payment's leftover has already flowed into
 * the later months in its answer; only what exceeds all of them stays `unallocatedFen`. The incremental
 * path is `applyPaymentToOpenMonths`: a service calls it under a lock with the open months for a new
 * payment, stores the leftover as credit, and calls it again with that credit when a month is declared.
 */
import { DomainError } from "./errors";
import type { Fen } from "./money";
import { type Month, monthParts } from "./month";

export interface DueMonth {
  month: Month;
  dueFen: Fen;
}

export interface Payment {
  id: string;
  receivedAt: Date;
  amountFen: Fen;
}

export interface OpenMonth {
  month: Month;
  /** What the month still owes. */
  arrearsFen: Fen;
}

export interface Allocation {
  month: Month;
  amountFen: Fen;
}

export interface PaymentApplication {
  allocations: Allocation[];
  /** Months this amount finished paying, oldest first: the service stamps their paid-up time. */
  paidUp: Month[];
  /** Credit held for months not declared yet. */
  unallocatedFen: Fen;
}

export interface MonthSettlement {
  month: Month;
  dueFen: Fen;
  paidFen: Fen;
  arrearsFen: Fen;
  /**
   * `receivedAt` of the payment that completed the month, or null while it owes anything. When a
   * month is settled from an earlier payment's credit this is that payment's time, which can precede
   * the month itself: the money was there first, and benefit status only asks whether the month was
   * paid up before the first day of the next one.
   */
  paidUpAt: Date | null;
  /** Arrears of this month and every earlier one (累计欠费), after all the payments. */
  runningArrearsFen: Fen;
}

export interface PaymentSettlement {
  id: string;
  receivedAt: Date;
  amountFen: Fen;
  allocations: Allocation[];
  unallocatedFen: Fen;
}

export interface ArrearsSettlement {
  months: MonthSettlement[];
  payments: PaymentSettlement[];
  /** Everything still owed. */
  arrearsFen: Fen;
  /** Everything paid beyond the declared months, held for later ones. */
  creditFen: Fen;
}

/** Spends `amountFen` on the open months, oldest month first. */
export function applyPaymentToOpenMonths(
  openMonths: readonly OpenMonth[],
  amountFen: Fen,
): PaymentApplication {
  requirePositive(amountFen, "付款金额必须大于0");
  assertDistinctMonths(openMonths.map((m) => m.month));
  for (const open of openMonths) {
    if (open.arrearsFen < 0n) throw new DomainError("INVALID_AMOUNT", `${open.month} 的欠费金额不能为负`);
  }

  const allocations: Allocation[] = [];
  const paidUp: Month[] = [];
  let leftFen = amountFen;
  for (const open of byMonth(openMonths)) {
    if (leftFen === 0n) break;
    if (open.arrearsFen === 0n) continue;
    const takeFen = smaller(open.arrearsFen, leftFen);
    allocations.push({ month: open.month, amountFen: takeFen });
    if (takeFen === open.arrearsFen) paidUp.push(open.month);
    leftFen -= takeFen;
  }
  return { allocations, paidUp, unallocatedFen: leftFen };
}

/**
 * Replays every payment, in the order the money arrived (ties by id, so the answer never depends on
 * the order rows came out of the database), against the declared months.
 */
export function allocatePayments(
  months: readonly DueMonth[],
  payments: readonly Payment[],
): ArrearsSettlement {
  validateMonths(months);
  validatePayments(payments);

  const state = new Map(
    byMonth(months).map((m) => [m.month, { ...m, paidFen: 0n, paidUpAt: null as Date | null }]),
  );
  const settled: PaymentSettlement[] = [];
  for (const payment of byArrival(payments)) {
    const open = [...state.values()].map((m) => ({ month: m.month, arrearsFen: m.dueFen - m.paidFen }));
    const applied = applyPaymentToOpenMonths(open, payment.amountFen);
    for (const a of applied.allocations) state.get(a.month)!.paidFen += a.amountFen;
    for (const month of applied.paidUp) state.get(month)!.paidUpAt = payment.receivedAt;
    settled.push({ ...payment, allocations: applied.allocations, unallocatedFen: applied.unallocatedFen });
  }

  let runningFen = 0n;
  const result = [...state.values()].map((m): MonthSettlement => {
    const arrearsFen = m.dueFen - m.paidFen;
    runningFen += arrearsFen;
    return { ...m, arrearsFen, runningArrearsFen: runningFen };
  });
  return {
    months: result,
    payments: settled,
    arrearsFen: runningFen,
    creditFen: settled.reduce((sum, p) => sum + p.unallocatedFen, 0n),
  };
}

function validateMonths(months: readonly DueMonth[]): void {
  assertDistinctMonths(months.map((m) => m.month));
  // A month with nothing due has nothing to settle and no paid-up moment; the caller leaves it out.
  for (const m of months) requirePositive(m.dueFen, `${m.month} 的应缴金额必须大于0`);
}

function validatePayments(payments: readonly Payment[]): void {
  const ids = new Set<string>();
  for (const p of payments) {
    if (ids.has(p.id)) throw new DomainError("DUPLICATE_PAYMENT", `缴款记录重复:${p.id.slice(0, 40)}`);
    ids.add(p.id);
    if (Number.isNaN(p.receivedAt.getTime()))
      throw new DomainError("INVALID_DATE", `缴款 ${p.id} 的到账时间无效`);
    requirePositive(p.amountFen, `缴款 ${p.id} 的金额必须大于0`);
  }
}

function assertDistinctMonths(months: readonly Month[]): void {
  const seen = new Set<Month>();
  for (const month of months) {
    monthParts(month);
    if (seen.has(month)) throw new DomainError("DUPLICATE_MONTH", `月份 ${month} 重复`);
    seen.add(month);
  }
}

function smaller(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

function requirePositive(amountFen: Fen, message: string): void {
  if (amountFen <= 0n) throw new DomainError("INVALID_AMOUNT", message);
}

function byMonth<T extends { month: Month }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

function byArrival(payments: readonly Payment[]): Payment[] {
  return [...payments].sort(
    (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
