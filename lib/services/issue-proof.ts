/**
 * Issues a proof of insurance 参保证明 (DOMAIN §9) for the signed-in person: a snapshot of category,
 * enrolment periods and benefit status, with a signed verification code that /verify can check.
 */
import type { Db } from "@/lib/db/client";
import { formatDateCst } from "@/lib/domain/dates";
import type { ProofFacts } from "@/lib/domain/document-facts";
import { DomainError } from "@/lib/domain/errors";
import { maskIdNumber } from "@/lib/domain/masking";
import { loadBenefitStatuses } from "./benefit";
import { storeDocument } from "./store-document";

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

export async function issueProof(
  database: Db,
  options: { personId: number; key: Uint8Array; now?: Date },
): Promise<{ id: number; code: string }> {
  const now = options.now ?? new Date();
  const person = await database.person.findUnique({
    where: { id: options.personId },
    select: {
      name: true,
      idNumber: true,
      personalNumber: true,
      category: true,
      tier: true,
      employmentStatus: true,
      agency: { select: { name: true } },
      enrolments: {
        orderBy: { startMonth: "asc" },
        select: {
          category: true,
          tier: true,
          startMonth: true,
          endMonth: true,
          unit: { select: { name: true } },
        },
      },
    },
  });
  if (!person) throw new DomainError("NOT_FOUND", "未找到参保信息");
  if (person.enrolments.length === 0) throw new DomainError("NOT_ENROLLED", "没有参保记录,无法开具参保证明");
  const [benefit] = await loadBenefitStatuses(database, [{ personId: options.personId, date: now }]);

  const facts: ProofFacts = {
    name: person.name,
    maskedIdNumber: maskIdNumber(person.idNumber),
    personalNumber: person.personalNumber,
    category: person.category,
    tier: person.tier,
    employmentStatus: person.employmentStatus,
    benefitStatus: benefit!.status,
    benefitReason: benefit!.reason,
    benefitSince: benefit!.since,
    enrolments: person.enrolments.map((e) => ({
      category: e.category,
      tier: e.tier,
      from: monthOf(e.startMonth),
      to: e.endMonth ? monthOf(e.endMonth) : null,
      unitName: e.unit?.name ?? null,
    })),
    agencyName: person.agency.name,
    asOf: formatDateCst(now),
  };
  return storeDocument(database, { personId: options.personId, kind: "PROOF", facts, key: options.key, now });
}
