/**
 * Audit rows for office work (DOMAIN §9: every view and change). Rows are append-only (a trigger refuses
 * UPDATE and DELETE, and chains each row to the one before), so this module only ever inserts.
 */
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface StaffActor {
  staffId: number;
  ip?: string | null;
}

export async function recordStaffAudit(
  database: Db | Tx,
  actor: StaffActor,
  entry: {
    action: string;
    subjectPersonId?: number | null;
    reason?: string | null;
    details?: Prisma.InputJsonObject;
  },
): Promise<bigint> {
  const row = await database.auditLog.create({
    data: {
      actorType: "STAFF",
      actorId: String(actor.staffId),
      action: entry.action,
      subjectPersonId: entry.subjectPersonId ?? null,
      reason: entry.reason ?? null,
      ...(entry.details ? { details: entry.details } : {}),
      ip: actor.ip ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

export async function loadStaff(database: Db | Tx, staffId: number) {
  const staff = await database.staff.findUnique({
    where: { id: staffId },
    select: { id: true, staffNumber: true, name: true, agencyId: true, agency: { select: { name: true } } },
  });
  if (!staff) throw new Error(`staff ${staffId} not found`);
  return {
    id: staff.id,
    staffNumber: staff.staffNumber,
    name: staff.name,
    agencyId: staff.agencyId,
    agencyName: staff.agency.name,
  };
}
