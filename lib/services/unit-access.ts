/**
 * Which unit a clerk may see: always the unit of the clerk's own row (the session's principal id),
 * never one named in a URL. A unit number, month or employee id that is not the clerk's to see is
 * answered exactly like one that does not exist (NOT_FOUND, so nothing is learnt by probing) and
 * leaves an audit row, since nobody reaches one by following the portal's own links.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";

export interface ClerkUnit {
  clerkId: number;
  clerkName: string;
  clerkUsername: string;
  unitId: number;
  unitNumber: string;
  unitName: string;
  creditCode: string;
  districtName: string;
  agencyName: string;
}

export type ForgedKind = "unit" | "month" | "employee";

const NOT_FOUND_MESSAGE: Record<ForgedKind, string> = {
  unit: "未找到该单位",
  month: "未找到该月份的缴费记录",
  employee: "未找到该职工",
};

/**
 * The clerk's unit. `unitNumber`, when a caller passes one (the `unit` query parameter of the pages
 * and the API), must be that unit's number; anything else is refused and audited.
 */
export async function resolveClerkUnit(
  database: Db,
  options: { clerkId: number; unitNumber?: string | null },
): Promise<ClerkUnit> {
  const clerk = await database.unitClerk.findUnique({
    where: { id: options.clerkId },
    select: {
      name: true,
      username: true,
      unit: {
        select: {
          id: true,
          unitNumber: true,
          name: true,
          creditCode: true,
          district: { select: { name: true } },
          agency: { select: { name: true } },
        },
      },
    },
  });
  if (!clerk) throw new DomainError("NOT_FOUND", "未找到经办人");
  const unit: ClerkUnit = {
    clerkId: options.clerkId,
    clerkName: clerk.name,
    clerkUsername: clerk.username,
    unitId: clerk.unit.id,
    unitNumber: clerk.unit.unitNumber,
    unitName: clerk.unit.name,
    creditCode: clerk.unit.creditCode,
    districtName: clerk.unit.district.name,
    agencyName: clerk.unit.agency.name,
  };
  const asked = options.unitNumber ?? "";
  if (asked !== "" && asked !== unit.unitNumber)
    await refuseForgedId(database, { unit, kind: "unit", value: asked });
  return unit;
}

/** Writes the audit row, then refuses with the same 404 a missing record gets. */
export async function refuseForgedId(
  database: Db,
  options: { unit: ClerkUnit; kind: ForgedKind; value: string; subjectPersonId?: number | null },
): Promise<never> {
  await database.auditLog.create({
    data: {
      actorType: "CLERK",
      actorId: String(options.unit.clerkId),
      action: "UNIT_ACCESS_REFUSED",
      subjectPersonId: options.subjectPersonId ?? null,
      reason: `${options.kind} not in the clerk's unit`,
      // Cut short: the value is whatever was typed into a URL.
      details: { kind: options.kind, value: options.value.slice(0, 64), unitNumber: options.unit.unitNumber },
    },
  });
  throw new DomainError("NOT_FOUND", NOT_FOUND_MESSAGE[options.kind], { details: { kind: options.kind } });
}
