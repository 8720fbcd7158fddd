/**
 * The entries a printed statement lists: the person's own account, the statement's year, and no entry
 * newer than the statement (entries are append-only, so the list is the same whenever it is printed).
 */
import type { Db } from "@/lib/db/client";
import { startOfYearCst } from "@/lib/domain/dates";
import type { StatementFacts } from "@/lib/domain/document-facts";
import { ENTRY_KIND_LABEL } from "@/lib/domain/labels";
import { maskName } from "@/lib/domain/masking";

/** A year of a personal account holds a few dozen entries; the cap only guards the page. */
export const PRINTED_ENTRIES_LIMIT = 2_000;

export interface PrintedEntry {
  id: bigint;
  occurredAt: Date;
  kindText: string;
  description: string;
  counterpartyMaskedName: string | null;
  amountFen: bigint;
  balanceAfterFen: bigint;
}

export async function listDocumentEntries(
  database: Db,
  options: { personId: number; facts: StatementFacts },
): Promise<PrintedEntry[]> {
  if (options.facts.lastEntryId === null) return [];
  const account = await database.account.findUnique({
    where: { personId: options.personId },
    select: { id: true },
  });
  if (!account) return [];
  const entries = await database.entry.findMany({
    where: {
      accountId: account.id,
      id: { lte: BigInt(options.facts.lastEntryId) },
      occurredAt: { gte: startOfYearCst(options.facts.year), lt: startOfYearCst(options.facts.year + 1) },
    },
    orderBy: { id: "asc" },
    take: PRINTED_ENTRIES_LIMIT,
    select: {
      id: true,
      occurredAt: true,
      kind: true,
      amountFen: true,
      balanceAfterFen: true,
      memo: true,
      counterpartyPersonId: true,
      posting: { select: { description: true } },
    },
  });
  const counterpartIds = [
    ...new Set(entries.map((e) => e.counterpartyPersonId).filter((id): id is number => id !== null)),
  ];
  const names = counterpartIds.length
    ? new Map(
        (
          await database.person.findMany({
            where: { id: { in: counterpartIds } },
            select: { id: true, name: true },
          })
        ).map((p) => [p.id, maskName(p.name)]),
      )
    : new Map<number, string>();
  return entries.map((e) => ({
    id: e.id,
    occurredAt: e.occurredAt,
    kindText: ENTRY_KIND_LABEL[e.kind],
    description: e.memo ?? e.posting.description,
    counterpartyMaskedName:
      e.counterpartyPersonId === null ? null : (names.get(e.counterpartyPersonId) ?? null),
    amountFen: e.amountFen,
    balanceAfterFen: e.balanceAfterFen,
  }));
}
