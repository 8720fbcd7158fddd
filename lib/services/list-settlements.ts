/**
 * The person's visits and purchases (就诊/结算记录, DOMAIN §9): date, institution, kind, total, and who
 * paid what (fund, own account, linked account, cash). Newest first, keyset on (service date, id), with
 * the totals of the year shown.
 */
import type { Db } from "@/lib/db/client";
import { yearOfCst } from "@/lib/domain/dates";
import type { PaymentChannel, SettlementKind } from "@/lib/generated/prisma/enums";
import type { SettlementWhereInput } from "@/lib/generated/prisma/models/Settlement";
import type { SettlementCursor, SettlementQuery } from "./statement-query";

export const SETTLEMENTS_PAGE_SIZE = 20;

export const SETTLEMENT_KIND_LABEL: Record<SettlementKind, string> = {
  PHARMACY: "购药",
  OUTPATIENT: "门诊",
  INPATIENT: "住院",
};
export const PAYMENT_CHANNEL_LABEL: Record<PaymentChannel, string> = {
  CARD: "社保卡",
  VOUCHER: "医保电子凭证",
};

export interface SettlementRow {
  id: number;
  /** "YYYY-MM-DD" */
  serviceDate: string;
  institutionName: string;
  kind: SettlementKind;
  kindText: string;
  totalFen: bigint;
  fundPaidFen: bigint;
  ownAccountFen: bigint;
  linkedAccountFen: bigint;
  cashFen: bigint;
}

export interface SettlementTotals {
  year: number;
  count: number;
  totalFen: bigint;
  fundPaidFen: bigint;
  ownAccountFen: bigint;
  linkedAccountFen: bigint;
  cashFen: bigint;
}

export interface SettlementPage {
  rows: SettlementRow[];
  olderCursor: SettlementCursor | null;
  newerCursor: SettlementCursor | null;
  years: number[];
  totals: SettlementTotals;
}

const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

function keyset(c: SettlementCursor, direction: "older" | "newer"): SettlementWhereInput {
  const date = dayDate(c.serviceDate);
  return direction === "older"
    ? { OR: [{ serviceDate: { lt: date } }, { serviceDate: date, id: { lt: c.id } }] }
    : { OR: [{ serviceDate: { gt: date } }, { serviceDate: date, id: { gt: c.id } }] };
}

export async function listSettlements(
  database: Db,
  options: SettlementQuery & { personId: number; now?: Date },
): Promise<SettlementPage> {
  const now = options.now ?? new Date();
  const yearRange = (y: number) => ({
    serviceDate: { gte: dayDate(`${y}-01-01`), lt: dayDate(`${y + 1}-01-01`) },
  });
  const base: SettlementWhereInput = {
    personId: options.personId,
    ...(options.year !== undefined ? yearRange(options.year) : {}),
  };
  const goingBack = options.before !== undefined && options.after === undefined;
  const cursor = goingBack
    ? keyset(options.before!, "newer")
    : options.after !== undefined
      ? keyset(options.after, "older")
      : {};
  const order = goingBack ? "asc" : "desc";
  const totalsYear = options.year ?? yearOfCst(now);

  const [fetched, first, sums] = await Promise.all([
    database.settlement.findMany({
      where: { AND: [base, cursor] },
      orderBy: [{ serviceDate: order }, { id: order }],
      take: SETTLEMENTS_PAGE_SIZE + 1,
      select: {
        id: true,
        serviceDate: true,
        kind: true,
        totalFen: true,
        fundPaidFen: true,
        ownAccountFen: true,
        linkedAccountFen: true,
        cashFen: true,
        institution: { select: { name: true } },
      },
    }),
    database.settlement.findFirst({
      where: { personId: options.personId },
      orderBy: { serviceDate: "asc" },
      select: { serviceDate: true },
    }),
    database.settlement.aggregate({
      where: { personId: options.personId, ...yearRange(totalsYear) },
      _count: { _all: true },
      _sum: { totalFen: true, fundPaidFen: true, ownAccountFen: true, linkedAccountFen: true, cashFen: true },
    }),
  ]);

  const hasMore = fetched.length > SETTLEMENTS_PAGE_SIZE;
  const page = fetched.slice(0, SETTLEMENTS_PAGE_SIZE);
  if (goingBack) page.reverse();
  const rows = page.map(
    (s): SettlementRow => ({
      id: s.id,
      serviceDate: s.serviceDate.toISOString().slice(0, 10),
      institutionName: s.institution.name,
      kind: s.kind,
      kindText: SETTLEMENT_KIND_LABEL[s.kind],
      totalFen: s.totalFen,
      fundPaidFen: s.fundPaidFen,
      ownAccountFen: s.ownAccountFen,
      linkedAccountFen: s.linkedAccountFen,
      cashFen: s.cashFen,
    }),
  );
  const at = (r: SettlementRow | undefined) => (r ? { serviceDate: r.serviceDate, id: r.id } : null);
  const olderCursor = goingBack || hasMore ? at(rows.at(-1)) : null;
  const newerCursor = goingBack
    ? hasMore
      ? at(rows[0])
      : null
    : options.after !== undefined
      ? at(rows[0])
      : null;

  const firstYear = first ? first.serviceDate.getUTCFullYear() : yearOfCst(now);
  const years: number[] = [];
  for (let y = yearOfCst(now); y >= firstYear; y--) years.push(y);

  return {
    rows,
    olderCursor,
    newerCursor,
    years,
    totals: {
      year: totalsYear,
      count: sums._count._all,
      totalFen: sums._sum.totalFen ?? 0n,
      fundPaidFen: sums._sum.fundPaidFen ?? 0n,
      ownAccountFen: sums._sum.ownAccountFen ?? 0n,
      linkedAccountFen: sums._sum.linkedAccountFen ?? 0n,
      cashFen: sums._sum.cashFen ?? 0n,
    },
  };
}
