/**
 * A page of the person's own account statement, newest first, with keyset pagination on the entry
 * id (no OFFSET: page 500 costs what page 1 costs), filtered by year, kind and a date range. The
 * account is found from the person id, which callers take from the session.
 */
import type { Db } from "@/lib/db/client";
import { startOfYearCst, yearOfCst } from "@/lib/domain/dates";
import { ENTRY_KIND_LABEL } from "@/lib/domain/labels";
import { maskName } from "@/lib/domain/masking";
import type { EntryKind } from "@/lib/generated/prisma/enums";
import type { EntryWhereInput } from "@/lib/generated/prisma/models/Entry";
import type { StatementQuery } from "./statement-query";

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
  /** How a monthly credit or back-credit was computed ("缴费基数 6,000.00 × 2% = 120.00"); null otherwise. */
  explanation: string | null;
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

const DAY_MS = 86_400_000;

/** The instant a China calendar day ("YYYY-MM-DD") starts. */
function startOfDayCst(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The filters as a where clause on one account's entries (year and date range intersect). */
export function statementWhere(
  accountId: number,
  q: Omit<StatementQuery, "after" | "before">,
): EntryWhereInput {
  const lower: Date[] = [];
  const upper: Date[] = [];
  if (q.year !== undefined) {
    lower.push(startOfYearCst(q.year));
    upper.push(startOfYearCst(q.year + 1));
  }
  if (q.from !== undefined) lower.push(startOfDayCst(q.from));
  if (q.to !== undefined) upper.push(new Date(startOfDayCst(q.to).getTime() + DAY_MS));
  const gte = lower.length ? new Date(Math.max(...lower.map((d) => d.getTime()))) : undefined;
  const lt = upper.length ? new Date(Math.min(...upper.map((d) => d.getTime()))) : undefined;
  return {
    accountId,
    ...(q.kind !== undefined ? { kind: q.kind } : {}),
    ...(gte || lt ? { occurredAt: { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } } : {}),
  };
}

export const statementSelect = {
  id: true,
  occurredAt: true,
  kind: true,
  amountFen: true,
  balanceAfterFen: true,
  counterpartyPersonId: true,
  memo: true,
  posting: { select: { description: true, meta: true } },
} as const;

type SelectedEntry = {
  id: bigint;
  occurredAt: Date;
  kind: EntryKind;
  amountFen: bigint;
  balanceAfterFen: bigint;
  counterpartyPersonId: number | null;
  memo: string | null;
  posting: { description: string; meta: unknown };
};

/** The credit explanation the crediting batch stored on the posting (run-monthly-credit.ts creditJournal). */
export function creditExplanation(kind: EntryKind, meta: unknown): string | null {
  if (kind !== "MONTHLY_CREDIT" && kind !== "BACK_CREDIT") return null;
  const explanation = (meta as { explanation?: unknown } | null)?.explanation;
  return typeof explanation === "string" ? explanation : null;
}

/** Entries as statement rows, with the other party of a linked payment named, masked. */
export async function toStatementRows(
  database: Db,
  entries: readonly SelectedEntry[],
): Promise<StatementRow[]> {
  const counterpartIds = [
    ...new Set(entries.map((e) => e.counterpartyPersonId).filter((id): id is number => id !== null)),
  ];
  const counterparts = counterpartIds.length
    ? await database.person.findMany({
        where: { id: { in: counterpartIds } },
        select: { id: true, name: true },
      })
    : [];
  const nameOf = new Map(counterparts.map((p) => [p.id, maskName(p.name)]));
  return entries.map((e) => ({
    id: e.id,
    occurredAt: e.occurredAt,
    kind: e.kind,
    kindText: ENTRY_KIND_LABEL[e.kind],
    description: e.memo ?? e.posting.description,
    amountFen: e.amountFen,
    balanceAfterFen: e.balanceAfterFen,
    counterpartyMaskedName:
      e.counterpartyPersonId === null ? null : (nameOf.get(e.counterpartyPersonId) ?? null),
    explanation: creditExplanation(e.kind, e.posting.meta),
  }));
}

export async function listStatement(
  database: Db,
  options: StatementQuery & { personId: number; now?: Date },
): Promise<StatementPage> {
  const account = await database.account.findUnique({
    where: { personId: options.personId },
    select: { id: true },
  });
  if (!account) return { rows: [], olderCursor: null, newerCursor: null, years: [], hasAccount: false };

  const where = statementWhere(account.id, options);
  const goingBack = options.before !== undefined && options.after === undefined;
  const idFilter = goingBack
    ? { id: { gt: options.before } }
    : options.after !== undefined
      ? { id: { lt: options.after } }
      : {};

  const [fetched, first] = await Promise.all([
    database.entry.findMany({
      where: { ...where, ...idFilter },
      orderBy: { id: goingBack ? "asc" : "desc" },
      take: STATEMENT_PAGE_SIZE + 1,
      select: statementSelect,
    }),
    database.entry.findFirst({
      where: { accountId: account.id },
      orderBy: { id: "asc" },
      select: { occurredAt: true },
    }),
  ]);

  const hasMore = fetched.length > STATEMENT_PAGE_SIZE;
  const page = fetched.slice(0, STATEMENT_PAGE_SIZE);
  if (goingBack) page.reverse();
  const rows = await toStatementRows(database, page);

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
