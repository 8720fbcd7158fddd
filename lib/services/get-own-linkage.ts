/**
 * The signed-in person's account linkage (DOMAIN §7, §9): the active linkage in either role with the
 * other party masked, the payments the provider's account made for the user under it (date,
 * institution, amount), and the person's applications in either role. Everything is found from the
 * person id, which callers take from the session.
 */
import type { Db } from "@/lib/db/client";
import { maskIdNumber, maskName } from "@/lib/domain/masking";
import type { LinkageRequestStatus } from "@/lib/generated/prisma/enums";

export const LINKAGE_REQUEST_STATUS_LABEL: Record<LinkageRequestStatus, string> = {
  PENDING: "待审核",
  APPROVED: "已通过",
  REFUSED: "已拒绝",
  CANCELLED: "已撤销",
};

const SETTLEMENT_KIND_LABEL = { PHARMACY: "购药", OUTPATIENT: "门诊", INPATIENT: "住院" } as const;

/** Payments listed on the page; the totals always cover all of them. */
export const LINKED_PAYMENTS_SHOWN = 100;

export interface MaskedParty {
  maskedName: string;
  maskedIdNumber: string;
}

export interface OwnLinkage {
  active: {
    id: number;
    role: "USER" | "PROVIDER";
    other: MaskedParty;
    approvedAt: Date;
    agencyName: string;
  } | null;
  payments: {
    settlementId: number;
    serviceDate: string;
    institutionName: string;
    kindText: string;
    amountFen: bigint;
  }[];
  paymentsTotal: { count: number; amountFen: bigint };
  requests: {
    id: number;
    role: "USER" | "PROVIDER";
    other: MaskedParty;
    status: LinkageRequestStatus;
    statusText: string;
    source: "ONLINE" | "COUNTER";
    createdAt: Date;
    decidedAt: Date | null;
    decisionReason: string | null;
    agencyName: string;
    /** The user may withdraw their own online application while it waits. */
    canWithdraw: boolean;
  }[];
}

const mask = (p: { name: string; idNumber: string }): MaskedParty => ({
  maskedName: maskName(p.name),
  maskedIdNumber: maskIdNumber(p.idNumber),
});
const party = { select: { name: true, idNumber: true } } as const;

export async function getOwnLinkage(database: Db, options: { personId: number }): Promise<OwnLinkage> {
  const me = options.personId;
  const linkage = await database.linkage.findFirst({
    where: { status: "ACTIVE", OR: [{ userPersonId: me }, { providerPersonId: me }] },
    orderBy: { id: "desc" },
    select: {
      id: true,
      userPersonId: true,
      approvedAt: true,
      agency: { select: { name: true } },
      user: party,
      provider: party,
    },
  });

  let payments: OwnLinkage["payments"] = [];
  let paymentsTotal = { count: 0, amountFen: 0n };
  if (linkage) {
    const where = { linkageId: linkage.id, linkedAccountFen: { gt: 0n } };
    const [rows, total] = await Promise.all([
      database.settlement.findMany({
        where,
        orderBy: [{ serviceDate: "desc" }, { id: "desc" }],
        take: LINKED_PAYMENTS_SHOWN,
        select: {
          id: true,
          serviceDate: true,
          kind: true,
          linkedAccountFen: true,
          institution: { select: { name: true } },
        },
      }),
      database.settlement.aggregate({ where, _count: { _all: true }, _sum: { linkedAccountFen: true } }),
    ]);
    payments = rows.map((s) => ({
      settlementId: s.id,
      serviceDate: s.serviceDate.toISOString().slice(0, 10),
      institutionName: s.institution.name,
      kindText: SETTLEMENT_KIND_LABEL[s.kind],
      amountFen: s.linkedAccountFen,
    }));
    paymentsTotal = { count: total._count._all, amountFen: total._sum.linkedAccountFen ?? 0n };
  }

  const requests = await database.linkageRequest.findMany({
    where: { OR: [{ userPersonId: me }, { providerPersonId: me }] },
    orderBy: { id: "desc" },
    take: 20,
    select: {
      id: true,
      userPersonId: true,
      status: true,
      source: true,
      createdAt: true,
      decidedAt: true,
      decisionReason: true,
      createdByPersonId: true,
      agency: { select: { name: true } },
      user: party,
      provider: party,
    },
  });

  return {
    active: linkage && {
      id: linkage.id,
      role: linkage.userPersonId === me ? "USER" : "PROVIDER",
      other: mask(linkage.userPersonId === me ? linkage.provider : linkage.user),
      approvedAt: linkage.approvedAt,
      agencyName: linkage.agency.name,
    },
    payments,
    paymentsTotal,
    requests: requests.map((r) => ({
      id: r.id,
      role: r.userPersonId === me ? "USER" : "PROVIDER",
      other: mask(r.userPersonId === me ? r.provider : r.user),
      status: r.status,
      statusText: LINKAGE_REQUEST_STATUS_LABEL[r.status],
      source: r.source === "COUNTER" ? "COUNTER" : "ONLINE",
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      decisionReason: r.decisionReason,
      agencyName: r.agency.name,
      canWithdraw:
        r.status === "PENDING" &&
        r.source === "ONLINE" &&
        r.createdByPersonId === me &&
        r.userPersonId === me,
    })),
  };
}
