/** One account linkage for office staff, with whether this staff member's agency may cancel it. Audited. */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { maskIdNumber, maskName } from "@/lib/domain/masking";
import { loadStaff, recordStaffAudit } from "./office-audit";

export async function getLinkage(
  database: Db,
  options: { staffId: number; linkageId: number; ip?: string | null },
) {
  const staff = await loadStaff(database, options.staffId);
  const l = await database.linkage.findUnique({
    where: { id: options.linkageId },
    select: {
      id: true,
      status: true,
      approvedAt: true,
      cancelledAt: true,
      cancelReason: true,
      agencyId: true,
      agency: { select: { name: true } },
      userPersonId: true,
      providerPersonId: true,
      approvedByStaffId: true,
      cancelledByStaffId: true,
      user: { select: { name: true, idNumber: true } },
      provider: { select: { name: true, idNumber: true } },
      request: { select: { id: true } },
      _count: { select: { settlements: true } },
    },
  });
  if (!l) throw new DomainError("NOT_FOUND", "未找到该账户关联");
  const ids = [l.approvedByStaffId, l.cancelledByStaffId].filter((x): x is number => x !== null);
  const staffRows = new Map(
    (
      await database.staff.findMany({
        where: { id: { in: ids } },
        select: { id: true, staffNumber: true, name: true },
      })
    ).map((s) => [s.id, `${s.staffNumber} ${s.name}`]),
  );
  const linkedPaid = await database.settlement.aggregate({
    where: { linkageId: l.id },
    _sum: { linkedAccountFen: true },
  });
  await recordStaffAudit(
    database,
    { staffId: staff.id, ip: options.ip },
    {
      action: "LINKAGE_VIEW",
      subjectPersonId: l.userPersonId,
      details: { linkageId: l.id, otherPersonId: l.providerPersonId },
    },
  );
  const sameAgency = l.agencyId === staff.agencyId;
  return {
    id: l.id,
    status: l.status,
    statusText: l.status === "ACTIVE" ? "有效" : "已取消",
    approvedAt: l.approvedAt,
    approvedByText: l.approvedByStaffId ? (staffRows.get(l.approvedByStaffId) ?? null) : null,
    cancelledAt: l.cancelledAt,
    cancelledByText: l.cancelledByStaffId ? (staffRows.get(l.cancelledByStaffId) ?? null) : null,
    cancelReason: l.cancelReason,
    agencyName: l.agency.name,
    requestId: l.request?.id ?? null,
    user: { maskedName: maskName(l.user.name), maskedIdNumber: maskIdNumber(l.user.idNumber) },
    provider: { maskedName: maskName(l.provider.name), maskedIdNumber: maskIdNumber(l.provider.idNumber) },
    settlementCount: l._count.settlements,
    linkedPaidFen: linkedPaid._sum.linkedAccountFen ?? 0n,
    canCancel: l.status === "ACTIVE" && sameAgency,
    whyNot:
      l.status === "ACTIVE" && !sameAgency
        ? `【原经办机构取消规则】该关联由${l.agency.name}办理,只能由该机构取消;本机构(${staff.agencyName})不能取消,请告知参保人到${l.agency.name}办理`
        : null,
  };
}

export type LinkageDetail = Awaited<ReturnType<typeof getLinkage>>;
