import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { CARD_STATUS_LABEL, categoryText, EMPLOYMENT_STATUS_LABEL } from "@/lib/domain/labels";
import { maskCardNumber, maskIdNumber } from "@/lib/domain/masking";

export interface PersonOverview {
  name: string;
  maskedIdNumber: string;
  personalNumber: string;
  categoryText: string;
  employmentStatusText: string;
  districtName: string;
  unitName: string | null;
  card: { maskedNumber: string; statusText: string } | null;
  account: { balanceFen: bigint; lastEntryAt: Date | null } | null;
  readAt: Date;
}

/** What the person sees first (DOMAIN §9). Only masked identifiers leave this function. */
export async function getPersonOverview(database: Db, options: { personId: number; now?: Date }): Promise<PersonOverview> {
  const person = await database.person.findUnique({
    where: { id: options.personId },
    select: {
      name: true,
      idNumber: true,
      personalNumber: true,
      category: true,
      tier: true,
      employmentStatus: true,
      district: { select: { name: true } },
      unit: { select: { name: true } },
      account: {
        select: {
          balanceFen: true,
          entries: { orderBy: { id: "desc" }, take: 1, select: { occurredAt: true } },
        },
      },
      cards: { where: { status: { not: "REPLACED" } }, orderBy: { issuedAt: "desc" }, take: 1, select: { cardNumber: true, status: true } },
    },
  });
  if (!person) throw new DomainError("NOT_FOUND", "未找到参保信息");
  const card = person.cards[0];
  return {
    name: person.name,
    maskedIdNumber: maskIdNumber(person.idNumber),
    personalNumber: person.personalNumber,
    categoryText: categoryText(person.category, person.tier),
    employmentStatusText: EMPLOYMENT_STATUS_LABEL[person.employmentStatus],
    districtName: person.district.name,
    unitName: person.unit?.name ?? null,
    card: card ? { maskedNumber: maskCardNumber(card.cardNumber), statusText: CARD_STATUS_LABEL[card.status] } : null,
    account: person.account
      ? { balanceFen: person.account.balanceFen, lastEntryAt: person.account.entries[0]?.occurredAt ?? null }
      : null,
    readAt: options.now ?? new Date(),
  };
}
