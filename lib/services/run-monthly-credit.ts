/**
 * The monthly crediting batch (DOMAIN §5): every eligible person's personal-account credit and
 * deductions for one month, posted through the ledger in batches. Idempotency keys make a second
 * run post nothing and let a run killed half-way be rerun to completion.
 *
 * In service: the employee's own 2% and the 0.1% long-term-care share, from the month's declared
 * contribution line, once the unit has paid that month (an unpaid month is credited later, when the
 * payment arrives: see receive-unit-payment.ts). Retirees: the fixed credit less mutual aid and LTC.
 */
import type { Db } from "@/lib/db/client";
import { retireeMonthlyMovement } from "@/lib/domain/credits";
import { cstNoon } from "@/lib/domain/dates";
import { formatYuanPlain } from "@/lib/domain/money";
import { addMonths, type Month, monthParts, parseMonth } from "@/lib/domain/month";
import { employeeRates, retireeCredits } from "@/lib/domain/policy";
import type { EntryKind } from "@/lib/generated/prisma/enums";
import { type JournalInput, type JournalLine, postJournals } from "./post-journals";
import { type FundAccountIds, fundAccountIds } from "./system-accounts";

export interface CreditMovement {
  personalNumber: string;
  /** The declaring unit-month for in-service credits (a job change can bring two), null for retirees. */
  unitMonthId: number | null;
  accountId: number;
  month: Month;
  creditFen: bigint;
  mutualAidDeductionFen: bigint;
  ltcDeductionFen: bigint;
  explanation: string;
  baseFen: bigint | null;
}

/** Credits for month M are posted on the first day of M+1 (noon, China time). */
export function creditDate(month: Month): Date {
  return cstNoon(`${addMonths(month, 1)}-01`);
}

export function creditJournal(m: CreditMovement, funds: FundAccountIds, options: { kind?: EntryKind; at?: Date } = {}): JournalInput {
  const kind = options.kind ?? "MONTHLY_CREDIT";
  const lines: JournalLine[] = [
    { accountId: m.accountId, amountFen: m.creditFen, kind },
    { accountId: funds["FUND-POOLED"], amountFen: -m.creditFen, kind },
  ];
  if (m.mutualAidDeductionFen > 0n) {
    lines.push(
      { accountId: m.accountId, amountFen: -m.mutualAidDeductionFen, kind: "MUTUAL_AID_DEDUCTION", memo: "大额医疗互助个人缴费" },
      { accountId: funds["FUND-MUTUAL-AID"], amountFen: m.mutualAidDeductionFen, kind: "MUTUAL_AID_DEDUCTION" },
    );
  }
  if (m.ltcDeductionFen > 0n) {
    lines.push(
      { accountId: m.accountId, amountFen: -m.ltcDeductionFen, kind: "LTC_DEDUCTION", memo: "长期护理保险个人缴费" },
      { accountId: funds["FUND-LTC"], amountFen: m.ltcDeductionFen, kind: "LTC_DEDUCTION" },
    );
  }
  const { year, month } = monthParts(m.month);
  return {
    // One key per person, month and declaring unit, whatever path posts it (batch or late payment).
    idempotencyKey: `credit:${m.personalNumber}:${m.month}:${m.unitMonthId === null ? "retiree" : `u${m.unitMonthId}`}`,
    description: `${year}年${month}月 ${kind === "BACK_CREDIT" ? "补划" : "月度划入"}`,
    occurredAt: options.at ?? creditDate(m.month),
    lines,
    meta: { month: m.month, explanation: m.explanation, baseFen: m.baseFen === null ? null : Number(m.baseFen) },
  };
}

export function inServiceExplanation(baseFen: bigint, creditFen: bigint): string {
  return `缴费基数 ${formatYuanPlain(baseFen)} × 2% = ${formatYuanPlain(creditFen)}`;
}

const monthStart = (month: Month) => new Date(`${month}-01T00:00:00Z`);

/** Movements of one batch of persons (keyset on person id) for the month. */
async function movementsAfter(database: Db, month: Month, afterPersonId: number, limit: number) {
  const persons = await database.person.findMany({
    where: {
      id: { gt: afterPersonId },
      category: "EMPLOYEE_UNIT",
      // The keyset bound repeated inside the relation filters lets their subqueries start at the same
      // person instead of scanning every account and enrolment for each batch (EXPLAIN at 100k persons:
      // the unbounded EXISTS made later batches slower than early ones).
      account: { is: { personId: { gt: afterPersonId } } },
      enrolments: {
        some: {
          personId: { gt: afterPersonId },
          startMonth: { lte: monthStart(month) },
          OR: [{ endMonth: null }, { endMonth: { gte: monthStart(month) } }],
        },
      },
    },
    orderBy: { id: "asc" },
    take: limit,
    select: {
      id: true,
      personalNumber: true,
      birthDate: true,
      employmentStatus: true,
      retiredFrom: true,
      account: { select: { id: true } },
      contributionLines: {
        where: { month, unitMonth: { paidUpAt: { not: null } } },
        select: { unitMonthId: true, baseFen: true, employeeBasicFen: true, ltcAccountFen: true },
      },
    },
  });
  const movements: CreditMovement[] = [];
  for (const p of persons) {
    const accountId = p.account!.id;
    // Retired from retiredFrom on; the months before it were worked and are credited from their lines.
    if (p.employmentStatus === "RETIRED" && (p.retiredFrom === null || month >= p.retiredFrom)) {
      const m = retireeMonthlyMovement(p.birthDate.toISOString().slice(0, 10), month);
      movements.push({ personalNumber: p.personalNumber, unitMonthId: null, accountId, month, ...m });
      continue;
    }
    for (const line of p.contributionLines) {
      movements.push({
        personalNumber: p.personalNumber,
        unitMonthId: line.unitMonthId,
        accountId,
        month,
        creditFen: line.employeeBasicFen,
        mutualAidDeductionFen: 0n,
        ltcDeductionFen: line.ltcAccountFen,
        baseFen: line.baseFen,
        explanation: inServiceExplanation(line.baseFen, line.employeeBasicFen),
      });
    }
  }
  return { movements, lastPersonId: persons.at(-1)?.id ?? null, scanned: persons.length };
}

export interface CreditRunReport {
  month: Month;
  scanned: number;
  posted: number;
  alreadyPosted: number;
  batches: number;
}

export async function runMonthlyCredit(
  database: Db,
  options: { month: string; batchSize?: number; onProgress?: (r: CreditRunReport) => void },
): Promise<CreditRunReport> {
  const month = parseMonth(options.month);
  // Refuse a month without policy up front, whoever happens to be enrolled.
  employeeRates(month);
  retireeCredits(month);
  const batchSize = options.batchSize ?? 1000;
  const funds = await fundAccountIds(database);
  // Two runs may start at once: ON CONFLICT instead of Prisma's read-then-insert upsert.
  await database.$executeRaw`INSERT INTO credit_runs (month) VALUES (${month}) ON CONFLICT (month) DO NOTHING`;

  const report: CreditRunReport = { month, scanned: 0, posted: 0, alreadyPosted: 0, batches: 0 };
  // The next batch is read while this one is posted (reads only; its own connection from the pool).
  let next = movementsAfter(database, month, 0, batchSize);
  for (;;) {
    const { movements, lastPersonId, scanned } = await next;
    if (lastPersonId === null) break;
    next = movementsAfter(database, month, lastPersonId, batchSize);
    // Handled when awaited at the top of the loop; this keeps an early failure from going unobserved.
    next.catch(() => {});
    report.scanned += scanned;
    // A credit a late payment already released stands as posted: keep-first, never a conflict.
    const results = await postJournals(
      database,
      movements.map((m) => creditJournal(m, funds)),
      { onKeyConflict: "keep-first" },
    );
    for (const r of results) {
      if (r.replayed) report.alreadyPosted += 1;
      else report.posted += 1;
    }
    report.batches += 1;
    options.onProgress?.(report);
  }
  await database.creditRun.update({ where: { month }, data: { completedAt: new Date(), credited: report.posted + report.alreadyPosted } });
  return report;
}
