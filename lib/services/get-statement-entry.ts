/**
 * One line of the person's own statement, opened: what it was, and for a monthly credit how it was
 * computed (the crediting batch stores the month, the base and the explanation on the posting) with the
 * deductions posted with it. Ownership is in the where clause: an entry of another account is
 * answered like a missing one, with an audit row (refuse-person-record.ts).
 */
import type { Db } from "@/lib/db/client";
import { ENTRY_KIND_LABEL } from "@/lib/domain/labels";
import { type Month, monthParts } from "@/lib/domain/month";
import type { EntryKind, SettlementKind } from "@/lib/generated/prisma/enums";
import { statementSelect, type StatementRow, toStatementRows } from "./list-statement";
import { refusePersonRecord } from "./refuse-person-record";
import { idFromSegment } from "./statement-query";

export interface CreditDetail {
  month: Month;
  monthText: string;
  /** null for retirees, who have a fixed credit. */
  baseFen: bigint | null;
  explanation: string;
  /** The credit and the deductions posted with it on this account, in posting order. */
  lines: { id: bigint; kind: EntryKind; kindText: string; amountFen: bigint }[];
  netFen: bigint;
}

export interface StatementEntryDetail {
  row: StatementRow;
  postedAt: Date;
  credit: CreditDetail | null;
  /** The person's own settlement this entry paid, if any (a linked payment from a provider's account is not theirs). */
  settlement: { id: number; institutionName: string; kind: SettlementKind; serviceDate: Date } | null;
}

function readMeta(meta: unknown): { month: Month; explanation: string; baseFen: bigint | null } | null {
  const m = meta as { month?: unknown; explanation?: unknown; baseFen?: unknown } | null;
  if (!m || typeof m.month !== "string" || typeof m.explanation !== "string") return null;
  try {
    monthParts(m.month);
  } catch {
    return null;
  }
  const baseFen = typeof m.baseFen === "number" && Number.isSafeInteger(m.baseFen) ? BigInt(m.baseFen) : null;
  return { month: m.month, explanation: m.explanation, baseFen };
}

export async function getStatementEntry(
  database: Db,
  options: { personId: number; entryId: string },
): Promise<StatementEntryDetail> {
  const id = idFromSegment(options.entryId);
  const entry =
    id === null
      ? null
      : await database.entry.findFirst({
          where: { id, account: { personId: options.personId } },
          select: {
            ...statementSelect,
            postingId: true,
            accountId: true,
            posting: { select: { description: true, meta: true, postedAt: true } },
          },
        });
  if (!entry) {
    const other =
      id === null
        ? null
        : await database.entry.findUnique({
            where: { id },
            select: { account: { select: { personId: true } } },
          });
    return refusePersonRecord(database, {
      personId: options.personId,
      kind: "entry",
      id: options.entryId,
      ownerPersonId: other?.account.personId ?? null,
    });
  }

  const [row] = await toStatementRows(database, [entry]);
  let credit: CreditDetail | null = null;
  const meta =
    entry.kind === "MONTHLY_CREDIT" || entry.kind === "BACK_CREDIT" ? readMeta(entry.posting.meta) : null;
  if (meta) {
    const lines = await database.entry.findMany({
      where: { postingId: entry.postingId, accountId: entry.accountId },
      orderBy: { id: "asc" },
      select: { id: true, kind: true, amountFen: true },
    });
    const { year, month } = monthParts(meta.month);
    credit = {
      month: meta.month,
      monthText: `${year}年${month}月`,
      baseFen: meta.baseFen,
      explanation: meta.explanation,
      lines: lines.map((l) => ({
        id: l.id,
        kind: l.kind,
        kindText: ENTRY_KIND_LABEL[l.kind],
        amountFen: l.amountFen,
      })),
      netFen: lines.reduce((sum, l) => sum + l.amountFen, 0n),
    };
  }
  const settlement = await database.settlement.findFirst({
    where: { postingId: entry.postingId, personId: options.personId },
    select: { id: true, kind: true, serviceDate: true, institution: { select: { name: true } } },
  });
  return {
    row: row!,
    postedAt: entry.posting.postedAt,
    credit,
    settlement: settlement
      ? {
          id: settlement.id,
          institutionName: settlement.institution.name,
          kind: settlement.kind,
          serviceDate: settlement.serviceDate,
        }
      : null,
  };
}
