/**
 * Loads what the benefit-status rule needs (enrolments, contribution months with their paid-up
 * time, retirement) for a set of persons, and answers their status on given dates. The rule itself
 * is lib/domain/benefit-status.ts; nothing here decides anything.
 */
import type { Db, Tx } from "@/lib/db/client";
import { type BenefitInput, type BenefitStatus, benefitStatus, type EndReason } from "@/lib/domain/benefit-status";

const monthOf = (date: Date) => date.toISOString().slice(0, 7);
const END_REASONS: ReadonlySet<string> = new Set(["TRANSFERRED_OUT", "DECEASED", "SWITCHED", "STOPPED"]);

/** Two units declaring the same month (a job change mid-month): the month is paid when both are. */
function mergeMonths(months: { month: string; paidUpAt: Date | null }[]) {
  const merged = new Map<string, Date | null>();
  for (const m of months) {
    if (!merged.has(m.month)) merged.set(m.month, m.paidUpAt);
    else {
      const earlier = merged.get(m.month) ?? null;
      merged.set(m.month, earlier === null || m.paidUpAt === null ? null : new Date(Math.max(earlier.getTime(), m.paidUpAt.getTime())));
    }
  }
  return [...merged].map(([month, paidUpAt]) => ({ month, paidUpAt }));
}

export async function loadBenefitInputs(database: Db | Tx, personIds: readonly number[]): Promise<Map<number, BenefitInput>> {
  const ids = [...new Set(personIds)];
  const persons = await database.person.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      employmentStatus: true,
      retiredFrom: true,
      enrolments: {
        orderBy: { startMonth: "asc" },
        select: { category: true, startMonth: true, endMonth: true, endReason: true, gapPaid: true },
      },
      contributionLines: {
        orderBy: { month: "asc" },
        select: { month: true, unitMonth: { select: { paidUpAt: true } } },
      },
    },
  });
  return new Map(
    persons.map((p) => [
      p.id,
      {
        enrolments: p.enrolments.map((e) => ({
          category: e.category,
          startMonth: monthOf(e.startMonth),
          endMonth: e.endMonth ? monthOf(e.endMonth) : null,
          ...(e.endReason && END_REASONS.has(e.endReason) ? { endReason: e.endReason as EndReason } : {}),
          gapPaid: e.gapPaid,
        })),
        contributions: mergeMonths(p.contributionLines.map((c) => ({ month: c.month, paidUpAt: c.unitMonth.paidUpAt }))),
        retiredFrom: p.employmentStatus === "RETIRED" ? p.retiredFrom : null,
      } satisfies BenefitInput,
    ]),
  );
}

/** Status of each (person, date) pair, in the order given. A person with no record is ENDED (未参保). */
export async function loadBenefitStatuses(
  database: Db | Tx,
  queries: readonly { personId: number; date: string | Date }[],
): Promise<BenefitStatus[]> {
  const inputs = await loadBenefitInputs(
    database,
    queries.map((q) => q.personId),
  );
  return queries.map((q) => benefitStatus(inputs.get(q.personId) ?? { enrolments: [], contributions: [] }, q.date));
}
