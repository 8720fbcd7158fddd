/**
 * A unit month's due split into its four line items (unit / employee basic medical, unit / employee
 * mutual aid). unit_months keeps the month's employees, due and paid up to date, but not this split,
 * so it is summed from the month's contribution lines here, once per month and process: a declared
 * month's lines are written together with its unit_months row and never change afterwards (nothing
 * updates or deletes contribution_lines), so the sums cannot go stale. A sum is kept only when it
 * agrees with the row's own employees and due, which also guards against an id reused by a test
 * database that was truncated and filled again.
 *
 * This is a stopgap: with four columns on unit_months filled by declare-unit-month (as employees and
 * due_fen already are), this file becomes a plain read and no page ever sums lines, even once.
 */
import type { Db } from "@/lib/db/client";
import type { ContributionPartsInput } from "@/lib/domain/unit-arrears";

export interface MonthPartsKey {
  id: number;
  declaredAt: Date;
  employees: number;
  dueFen: bigint;
}

const MAX_KEPT = 20_000;
const kept = new Map<string, ContributionPartsInput>();

const keyOf = (m: MonthPartsKey) => `${m.id}:${m.declaredAt.getTime()}`;

export async function loadUnitMonthParts(
  database: Db,
  months: readonly MonthPartsKey[],
): Promise<Map<number, ContributionPartsInput>> {
  const out = new Map<number, ContributionPartsInput>();
  const missing: MonthPartsKey[] = [];
  for (const m of months) {
    const hit = kept.get(keyOf(m));
    if (hit) out.set(m.id, hit);
    else missing.push(m);
  }
  if (missing.length === 0) return out;

  const rows = await database.contributionLine.groupBy({
    by: ["unitMonthId"],
    where: { unitMonthId: { in: missing.map((m) => m.id) } },
    _count: { _all: true },
    _sum: { unitBasicFen: true, employeeBasicFen: true, unitMutualAidFen: true, employeeMutualAidFen: true },
  });
  const summed = new Map(rows.map((r) => [r.unitMonthId, r]));
  for (const m of missing) {
    const r = summed.get(m.id);
    const parts: ContributionPartsInput = {
      unitBasicFen: r?._sum.unitBasicFen ?? 0n,
      employeeBasicFen: r?._sum.employeeBasicFen ?? 0n,
      unitMutualAidFen: r?._sum.unitMutualAidFen ?? 0n,
      employeeMutualAidFen: r?._sum.employeeMutualAidFen ?? 0n,
    };
    out.set(m.id, parts);
    const total =
      parts.unitBasicFen + parts.employeeBasicFen + parts.unitMutualAidFen + parts.employeeMutualAidFen;
    if (total === m.dueFen && (r?._count._all ?? 0) === m.employees) {
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(keyOf(m), parts);
    }
  }
  return out;
}

/** For the benchmark's cold rounds. */
export function forgetUnitMonthParts(): void {
  kept.clear();
}
