/**
 * A page of the person's own account statement, newest first, with keyset pagination on the entry
 * id (no OFFSET: page 500 costs what page 1 costs). The account is found from the person id, which
 * callers take from the session.
 */
import type { Db } from "@/lib/db/client";
import { startOfYearCst, yearOfCst } from "@/lib/domain/dates";
import { ENTRY_KIND_LABEL } from "@/lib/domain/labels";
import { maskName } from "@/lib/domain/masking";
import type { EntryKind } from "@/lib/generated/prisma/enums";

export const STATEMENT_PAGE_SIZE = 50;

export interface StatementRow {
  id: bigint;
  occurredAt: Date;
  kind: EntryKind;
  kindText: string;
  description: string;
  amountFen: bigint;
  balanceAfterFen: bigint;
  counterpartyMaskedName: string | null;
}

export interface StatementPage {
  rows: StatementRow[];
  /** Pass as `after` to get older rows; null on the last page. */
  olderCursor: bigint | null;
  /** Pass as `before` to get newer rows; null on the first page. */
  newerCursor: bigint | null;
  years: number[];
  hasAccount: boolean;
}

export async function listStatement(
  database: Db,
  options: { personId: number; year?: number; after?: bigint; before?: bigint; now?: Date },
): Promise<StatementPage> {
  const account = await database.account.findUnique({ where: { personId: options.personId }, select: { id: true } });
  if (!account) return { rows: [], olderCursor: null, newerCursor: null, years: [], hasAccount: false };

  const range =
    options.year === undefined ? {} : { occurredAt: { gte: startOfYearCst(options.year), lt: startOfYearCst(options.year + 1) } };
  const goingBack = options.before !== undefined && options.after === undefined;
  const idFilter = goingBack ? { id: { gt: options.before } } : options.after !== undefined ? { id: { lt: options.after } } : {};

  const [fetched, first] = await Promise.all([
    database.entry.findMany({
      where: { accountId: account.id, ...range, ...idFilter },
      orderBy: { id: goingBack ? "asc" : "desc" },
      take: STATEMENT_PAGE_SIZE + 1,
      select: {
        id: true,
        occurredAt: true,
        kind: true,
        amountFen: true,
        balanceAfterFen: true,
        counterpartyPersonId: true,
        memo: true,
        posting: { select: { description: true } },
      },
    }),
    database.entry.findFirst({ where: { accountId: account.id }, orderBy: { id: "asc" }, select: { occurredAt: true } }),
  ]);

  const hasMore = fetched.length > STATEMENT_PAGE_SIZE;
  const page = fetched.slice(0, STATEMENT_PAGE_SIZE);
  if (goingBack) page.reverse();

  const counterpartIds = [...new Set(page.map((e) => e.counterpartyPersonId).filter((id): id is number => id !== null))];
  const counterparts = counterpartIds.length
    ? await database.person.findMany({ where: { id: { in: counterpartIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(counterparts.map((p) => [p.id, maskName(p.name)]));

  const rows = page.map((e) => ({
    id: e.id,
    occurredAt: e.occurredAt,
    kind: e.kind,
    kindText: ENTRY_KIND_LABEL[e.kind],
    description: e.memo ?? e.posting.description,
    amountFen: e.amountFen,
    balanceAfterFen: e.balanceAfterFen,
    counterpartyMaskedName: e.counterpartyPersonId === null ? null : (nameOf.get(e.counterpartyPersonId) ?? null),
  }));

  const newest = rows[0]?.id ?? null;
  const oldest = rows.at(-1)?.id ?? null;
  const olderCursor = goingBack ? oldest : hasMore ? oldest : null;
  const newerCursor = goingBack ? (hasMore ? newest : null) : options.after !== undefined ? newest : null;

  const now = options.now ?? new Date();
  const firstYear = first ? yearOfCst(first.occurredAt) : yearOfCst(now);
  const years: number[] = [];
  for (let y = yearOfCst(now); y >= firstYear; y--) years.push(y);

  return { rows, olderCursor, newerCursor, years, hasAccount: true };
}
