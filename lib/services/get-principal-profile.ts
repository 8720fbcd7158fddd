import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { maskCreditCode } from "@/lib/domain/masking";

export async function getClerkProfile(database: Db, clerkId: number) {
  const clerk = await database.unitClerk.findUnique({
    where: { id: clerkId },
    select: {
      name: true,
      username: true,
      unit: { select: { unitNumber: true, name: true, creditCode: true, district: { select: { name: true } } } },
    },
  });
  if (!clerk) throw new DomainError("NOT_FOUND", "未找到经办人");
  return {
    name: clerk.name,
    username: clerk.username,
    unitNumber: clerk.unit.unitNumber,
    unitName: clerk.unit.name,
    maskedCreditCode: maskCreditCode(clerk.unit.creditCode),
    districtName: clerk.unit.district.name,
  };
}

export async function getStaffProfile(database: Db, staffId: number) {
  const staff = await database.staff.findUnique({
    where: { id: staffId },
    select: { name: true, staffNumber: true, agency: { select: { name: true } } },
  });
  if (!staff) throw new DomainError("NOT_FOUND", "未找到工作人员");
  return { name: staff.name, staffNumber: staff.staffNumber, agencyName: staff.agency.name };
}
