/**
 * The office's linkage request queue (DOMAIN §9): by status, searchable by the user's or provider's ID
 * number, card number or name, newest first with keyset pagination. Names and ID numbers leave masked.
 */
import type { Db } from "@/lib/db/client";
import { classifyLoginId } from "@/lib/domain/identifiers";
import { maskIdNumber, maskName } from "@/lib/domain/masking";
import type { LinkageRequestStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findPersonId } from "./find-person";

export const QUEUE_PAGE_SIZE = 30;

export const REQUEST_STATUS_LABEL: Record<LinkageRequestStatus, string> = {
  PENDING: "待审核",
  APPROVED: "已通过",
  REFUSED: "已拒绝",
  CANCELLED: "已撤销",
};

export const REQUEST_SOURCE_LABEL: Record<string, string> = { ONLINE: "网上申请", COUNTER: "窗口受理" };

export interface QueueRow {
  id: number;
  status: LinkageRequestStatus;
  statusText: string;
  sourceText: string;
  createdAt: Date;
  user: { maskedName: string; maskedIdNumber: string };
  provider: { maskedName: string; maskedIdNumber: string };
  agencyName: string;
  mine: boolean;
}

export async function listLinkageRequests(
  database: Db,
  options: {
    staffAgencyId: number;
    status?: LinkageRequestStatus;
    q?: string;
    /** A person already resolved from an ID or card number (pages keep this, not the number, in the URL). */
    subjectPersonId?: number;
    allAgencies?: boolean;
    after?: number;
  },
): Promise<{ rows: QueueRow[]; olderCursor: number | null; counts: Record<LinkageRequestStatus, number> }> {
  const where: Prisma.LinkageRequestWhereInput[] = [];
  if (!options.allAgencies) where.push({ agencyId: options.staffAgencyId });
  if (options.subjectPersonId !== undefined) {
    where.push({
      OR: [{ userPersonId: options.subjectPersonId }, { providerPersonId: options.subjectPersonId }],
    });
  }
  const q = options.q?.trim();
  if (q) {
    const identifier = classifyLoginId(q);
    if (identifier.kind !== "invalid") {
      const personId = (await findPersonId(database, identifier)) ?? -1;
      where.push({ OR: [{ userPersonId: personId }, { providerPersonId: personId }] });
    } else {
      where.push({ OR: [{ user: { name: { contains: q } } }, { provider: { name: { contains: q } } }] });
    }
  }
  const scoped = { AND: where };
  const grouped = await database.linkageRequest.groupBy({
    by: ["status"],
    where: scoped,
    _count: { _all: true },
  });
  const counts = { PENDING: 0, APPROVED: 0, REFUSED: 0, CANCELLED: 0 } as Record<
    LinkageRequestStatus,
    number
  >;
  for (const g of grouped) counts[g.status] = g._count._all;

  const page = await database.linkageRequest.findMany({
    where: {
      AND: [
        ...where,
        ...(options.status ? [{ status: options.status }] : []),
        ...(options.after ? [{ id: { lt: options.after } }] : []),
      ],
    },
    orderBy: { id: "desc" },
    take: QUEUE_PAGE_SIZE + 1,
    select: {
      id: true,
      status: true,
      source: true,
      createdAt: true,
      agencyId: true,
      agency: { select: { name: true } },
      user: { select: { name: true, idNumber: true } },
      provider: { select: { name: true, idNumber: true } },
    },
  });
  const rows = page.slice(0, QUEUE_PAGE_SIZE).map((r) => ({
    id: r.id,
    status: r.status,
    statusText: REQUEST_STATUS_LABEL[r.status],
    sourceText: REQUEST_SOURCE_LABEL[r.source] ?? r.source,
    createdAt: r.createdAt,
    user: { maskedName: maskName(r.user.name), maskedIdNumber: maskIdNumber(r.user.idNumber) },
    provider: { maskedName: maskName(r.provider.name), maskedIdNumber: maskIdNumber(r.provider.idNumber) },
    agencyName: r.agency.name,
    mine: r.agencyId === options.staffAgencyId,
  }));
  return { rows, olderCursor: page.length > QUEUE_PAGE_SIZE ? rows[rows.length - 1]!.id : null, counts };
}
