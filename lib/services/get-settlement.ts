/**
 * One of the person's own settlements in full (DOMAIN §6): what the institution submitted, the benefit
 * status on the day, and how the bill was paid. Another person's settlement id is answered like a
 * missing one, with an audit row (refuse-person-record.ts).
 */
import type { Db } from "@/lib/db/client";
import { BENEFIT_STATUS_LABEL, type BenefitStatusCode } from "@/lib/domain/benefit-status";
import { maskName } from "@/lib/domain/masking";
import type { PaymentChannel, SettlementKind } from "@/lib/generated/prisma/enums";
import { PAYMENT_CHANNEL_LABEL, SETTLEMENT_KIND_LABEL } from "./list-settlements";
import { refusePersonRecord } from "./refuse-person-record";
import { idFromSegment } from "./statement-query";

const INSTITUTION_TYPE_LABEL = {
  HOSPITAL: "医院",
  CLINIC: "基层医疗机构",
  PHARMACY: "定点零售药店",
  FITNESS: "健身场所",
} as const;

export interface SettlementDetail {
  id: number;
  settlementNo: string;
  serviceDate: string;
  institution: { name: string; level: string | null; typeText: string; districtName: string };
  kind: SettlementKind;
  kindText: string;
  channel: PaymentChannel;
  channelText: string;
  totalFen: bigint;
  fundPayableFen: bigint;
  selfPayFen: bigint;
  fundPaidFen: bigint;
  ownAccountFen: bigint;
  linkedAccountFen: bigint;
  cashFen: bigint;
  /** The linked provider whose account paid part of it, masked. */
  linkedProviderMaskedName: string | null;
  benefitStatus: string;
  benefitStatusText: string;
  /** The fund part the person paid because benefits were not normal that day. */
  fundShiftedToSelfFen: bigint;
  /** The entry on the person's own account, for the link to the statement line. */
  ownEntryId: bigint | null;
  settledAt: Date;
}

export async function getSettlement(
  database: Db,
  options: { personId: number; settlementId: string },
): Promise<SettlementDetail> {
  const id = idFromSegment(options.settlementId, 9);
  const s =
    id === null
      ? null
      : await database.settlement.findFirst({
          where: { id: Number(id), personId: options.personId },
          include: {
            institution: {
              select: { name: true, level: true, type: true, district: { select: { name: true } } },
            },
            linkage: { select: { provider: { select: { name: true } } } },
          },
        });
  if (!s) {
    const other =
      id === null
        ? null
        : await database.settlement.findUnique({ where: { id: Number(id) }, select: { personId: true } });
    return refusePersonRecord(database, {
      personId: options.personId,
      kind: "settlement",
      id: options.settlementId,
      ownerPersonId: other?.personId ?? null,
    });
  }
  const ownEntry = await database.entry.findFirst({
    where: { postingId: s.postingId, account: { personId: options.personId } },
    select: { id: true },
  });
  const statusText = BENEFIT_STATUS_LABEL[s.benefitStatus as BenefitStatusCode] ?? s.benefitStatus;
  return {
    id: s.id,
    settlementNo: s.settlementNo,
    serviceDate: s.serviceDate.toISOString().slice(0, 10),
    institution: {
      name: s.institution.name,
      level: s.institution.level,
      typeText: INSTITUTION_TYPE_LABEL[s.institution.type],
      districtName: s.institution.district.name,
    },
    kind: s.kind,
    kindText: SETTLEMENT_KIND_LABEL[s.kind],
    channel: s.channel,
    channelText: PAYMENT_CHANNEL_LABEL[s.channel],
    totalFen: s.totalFen,
    fundPayableFen: s.fundPayableFen,
    selfPayFen: s.selfPayFen,
    fundPaidFen: s.fundPaidFen,
    ownAccountFen: s.ownAccountFen,
    linkedAccountFen: s.linkedAccountFen,
    cashFen: s.cashFen,
    linkedProviderMaskedName: s.linkage && s.linkedAccountFen > 0n ? maskName(s.linkage.provider.name) : null,
    benefitStatus: s.benefitStatus,
    benefitStatusText: statusText,
    fundShiftedToSelfFen: s.fundPayableFen - s.fundPaidFen,
    ownEntryId: ownEntry?.id ?? null,
    settledAt: s.createdAt,
  };
}
