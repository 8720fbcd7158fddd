/**
 * Staff look up a person by ID number or card number, with a reason (DOMAIN §9). Every look-up writes an
 * audit row (who, whom, when, why), a miss included. Viewing the person afterwards needs a look-up by the
 * same staff member within LOOKUP_VALID_MINUTES, and each view writes its own row with the same reason.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { maskCardNumber, maskIdNumber } from "@/lib/domain/masking";
import { findPersonId, parsePersonIdentifier } from "./find-person";
import { recordStaffAudit } from "./office-audit";
import { requireReason } from "./refuse-linkage-request";

export const LOOKUP_VALID_MINUTES = 30;

export type PersonSection = "overview" | "statement" | "contributions" | "settlements";

export async function lookUpPerson(
  database: Db,
  options: { staffId: number; query: string; reason: string; ip?: string | null },
): Promise<{ personId: number; lookupId: bigint }> {
  const identifier = parsePersonIdentifier(options.query, "query");
  const reason = requireReason(options.reason);
  const personId = await findPersonId(database, identifier);
  const searched =
    identifier.kind === "idNumber" ? maskIdNumber(identifier.value) : maskCardNumber(identifier.value);
  const actor = { staffId: options.staffId, ip: options.ip };
  if (personId === null) {
    await recordStaffAudit(database, actor, {
      action: "PERSON_LOOKUP_MISS",
      reason,
      details: { by: identifier.kind, searched },
    });
    throw new DomainError("NOT_FOUND", "未找到该参保人,请核对证件号码或社会保障卡号", { field: "query" });
  }
  const lookupId = await recordStaffAudit(database, actor, {
    action: "PERSON_LOOKUP",
    subjectPersonId: personId,
    reason,
    details: { by: identifier.kind, searched },
  });
  return { personId, lookupId };
}

/**
 * Opens one section of a looked-up person's file: refused without a recent look-up by this staff member,
 * audited otherwise (the row carries the look-up's reason).
 */
export async function openPersonFile(
  database: Db,
  options: { staffId: number; personId: number; section: PersonSection; ip?: string | null; now?: Date },
): Promise<{ reason: string; lookedUpAt: Date }> {
  const now = options.now ?? new Date();
  const lookup = await database.auditLog.findFirst({
    where: {
      actorType: "STAFF",
      actorId: String(options.staffId),
      action: "PERSON_LOOKUP",
      subjectPersonId: options.personId,
      at: { gte: new Date(now.getTime() - LOOKUP_VALID_MINUTES * 60_000) },
    },
    orderBy: { id: "desc" },
    select: { id: true, at: true, reason: true },
  });
  if (!lookup) {
    throw new DomainError(
      "LOOKUP_REQUIRED",
      `查看参保人信息须先通过“人员查询”并填写原因(${LOOKUP_VALID_MINUTES}分钟内有效)`,
    );
  }
  await recordStaffAudit(
    database,
    { staffId: options.staffId, ip: options.ip },
    {
      action: "PERSON_VIEW",
      subjectPersonId: options.personId,
      reason: lookup.reason,
      details: { section: options.section, lookupId: Number(lookup.id) },
    },
  );
  return { reason: lookup.reason ?? "", lookedUpAt: lookup.at };
}
