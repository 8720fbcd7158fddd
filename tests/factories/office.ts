/** Builders for the office tests: staff members (optionally with a TOTP secret) and a second agency. */
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/services/passwords";

let staffSequence = 0;
let agencySequence = 0;

export const STAFF_PASSWORD = "Office-test-2026";
let passwordHash: string | undefined;

export async function createStaff(
  db: Db,
  options: { agencyId: number; name?: string; totpSecret?: string | null },
) {
  staffSequence += 1;
  passwordHash ??= await hashPassword(STAFF_PASSWORD);
  return db.staff.create({
    data: {
      staffNumber: `S${String(7000 + staffSequence)}`,
      name: options.name ?? `工作人员${staffSequence}`,
      agencyId: options.agencyId,
      passwordHash,
      ...(options.totpSecret
        ? { totpSecret: options.totpSecret, totpEnabledAt: new Date("2026-01-01T00:00:00Z") }
        : {}),
    },
    select: { id: true, staffNumber: true, name: true, agencyId: true },
  });
}

export async function createAgency(db: Db, options: { name?: string } = {}) {
  agencySequence += 1;
  return db.agency.create({
    data: {
      code: `YBT${String(agencySequence).padStart(5, "0")}`,
      name: options.name ?? `测试分中心${agencySequence}`,
      address: "重庆市",
      phones: "023-00000000",
      districtCode: "500103",
    },
  });
}

export const ALL_DOCUMENTS = {
  providerIdCard: true,
  providerIdCopy: true,
  cardOriginal: true,
  cardCopy: true,
  applicationForm: true,
};
