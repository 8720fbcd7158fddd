/**
 * What office staff see of a looked-up person (DOMAIN §9): the same facts the person sees — overview,
 * statement, contributions, settlements — plus the card and linkage they handle at the counter.
 * Callers open the file through look-up-person.ts openPersonFile first (that is what audits the view).
 */
import type { Db } from "@/lib/db/client";
import { BENEFIT_REASON_LABEL, BENEFIT_STATUS_LABEL } from "@/lib/domain/benefit-status";
import { effectiveCardStatus } from "@/lib/domain/card";
import { formatDateCst } from "@/lib/domain/dates";
import { CARD_STATUS_LABEL } from "@/lib/domain/labels";
import { maskCardNumber, maskName } from "@/lib/domain/masking";
import type { CardStatus } from "@/lib/generated/prisma/enums";
import { loadBenefitStatuses } from "./benefit";
import { getPersonOverview } from "./get-person-overview";

const dateOnly = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function getPersonFileOverview(database: Db, options: { personId: number; now?: Date }) {
  const now = options.now ?? new Date();
  const overview = await getPersonOverview(database, { personId: options.personId, now });
  const [status] = await loadBenefitStatuses(database, [
    { personId: options.personId, date: formatDateCst(now) },
  ]);
  const cards = await database.card.findMany({
    where: { personId: options.personId },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      cardNumber: true,
      status: true,
      issuedAt: true,
      preLossExpiresAt: true,
      lostAt: true,
      reissueReadyOn: true,
    },
  });
  const linkage = await database.linkage.findFirst({
    where: {
      status: "ACTIVE",
      OR: [{ userPersonId: options.personId }, { providerPersonId: options.personId }],
    },
    select: {
      id: true,
      userPersonId: true,
      approvedAt: true,
      agency: { select: { name: true } },
      user: { select: { name: true } },
      provider: { select: { name: true } },
    },
  });
  const person = await database.person.findUniqueOrThrow({
    where: { id: options.personId },
    select: { agency: { select: { name: true } } },
  });
  return {
    ...overview,
    agencyName: person.agency.name,
    benefit: {
      statusText: BENEFIT_STATUS_LABEL[status!.status],
      status: status!.status,
      reasonText: BENEFIT_REASON_LABEL[status!.reasonCode] ?? status!.reason,
      since: status!.since,
      until: status!.until,
    },
    cards: cards.map((c) => {
      const effective: CardStatus = effectiveCardStatus(c, now);
      return {
        id: c.id,
        maskedNumber: maskCardNumber(c.cardNumber),
        status: effective,
        statusText: CARD_STATUS_LABEL[effective],
        issuedOn: dateOnly(c.issuedAt),
        preLossExpiresAt: c.status === "PRE_LOST" ? c.preLossExpiresAt : null,
        lostAt: c.lostAt,
        reissueReadyOn: dateOnly(c.reissueReadyOn),
      };
    }),
    linkage: linkage && {
      id: linkage.id,
      role: linkage.userPersonId === options.personId ? ("USER" as const) : ("PROVIDER" as const),
      otherMaskedName: maskName(
        linkage.userPersonId === options.personId ? linkage.provider.name : linkage.user.name,
      ),
      agencyName: linkage.agency.name,
      approvedAt: linkage.approvedAt,
    },
  };
}

export type PersonFileOverview = Awaited<ReturnType<typeof getPersonFileOverview>>;

/** Contribution months, newest first, with each part and whether the month is paid (DOMAIN §9). */
export async function listPersonContributions(database: Db, options: { personId: number; limit?: number }) {
  const lines = await database.contributionLine.findMany({
    where: { personId: options.personId },
    orderBy: [{ month: "desc" }, { id: "desc" }],
    take: options.limit ?? 36,
    select: {
      id: true,
      month: true,
      baseFen: true,
      unitBasicFen: true,
      employeeBasicFen: true,
      unitMutualAidFen: true,
      employeeMutualAidFen: true,
      dueFen: true,
      unitMonth: { select: { paidUpAt: true, unit: { select: { name: true } } } },
    },
  });
  return lines.map((l) => ({
    id: l.id,
    month: l.month,
    unitName: l.unitMonth.unit.name,
    baseFen: l.baseFen,
    unitPartFen: l.unitBasicFen,
    ownPartFen: l.employeeBasicFen,
    mutualAidFen: l.unitMutualAidFen + l.employeeMutualAidFen,
    dueFen: l.dueFen,
    paidUpAt: l.unitMonth.paidUpAt,
  }));
}

/** Visits and purchases, newest first, with how each was paid (DOMAIN §9). */
export async function listPersonSettlements(database: Db, options: { personId: number; limit?: number }) {
  const rows = await database.settlement.findMany({
    where: { personId: options.personId },
    orderBy: [{ serviceDate: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
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
  });
  return rows.map((r) => ({
    ...r,
    serviceDate: dateOnly(r.serviceDate)!,
    institutionName: r.institution.name,
  }));
}
