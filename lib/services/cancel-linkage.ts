/**
 * Cancels an active linkage (DOMAIN §7.5): only staff of the agency that handled it may, with a reason.
 * The members' rows go in the same transaction, so both persons are free to link again at once.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { ActionDenied, auditDenied } from "./approve-linkage-request";
import { loadStaff, recordStaffAudit } from "./office-audit";
import { requireReason } from "./refuse-linkage-request";

export async function cancelLinkage(
  database: Db,
  options: { staffId: number; linkageId: number; reason: string; ip?: string | null; now?: Date },
): Promise<void> {
  const now = options.now ?? new Date();
  const reason = requireReason(options.reason);
  const staff = await loadStaff(database, options.staffId);
  let subjectPersonId: number | null = null;
  try {
    await database.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<
        { id: number }[]
      >`SELECT id FROM linkages WHERE id = ${options.linkageId} FOR UPDATE`;
      if (!locked) throw new DomainError("NOT_FOUND", "未找到该账户关联");
      const linkage = await tx.linkage.findUniqueOrThrow({
        where: { id: options.linkageId },
        select: {
          status: true,
          userPersonId: true,
          providerPersonId: true,
          agencyId: true,
          agency: { select: { name: true } },
        },
      });
      subjectPersonId = linkage.userPersonId;
      if (linkage.status !== "ACTIVE") throw new DomainError("NOT_ACTIVE", "该关联已取消");
      if (linkage.agencyId !== staff.agencyId) {
        throw new ActionDenied(
          "WRONG_AGENCY",
          `【原经办机构取消规则】该关联由${linkage.agency.name}办理,只能由该机构取消;本机构(${staff.agencyName})不能取消,请告知参保人到${linkage.agency.name}办理`,
        );
      }
      await tx.linkage.update({
        where: { id: options.linkageId },
        data: { status: "CANCELLED", cancelledAt: now, cancelledByStaffId: staff.id, cancelReason: reason },
      });
      await tx.linkageMember.deleteMany({ where: { linkageId: options.linkageId } });
      await tx.linkageRequest.updateMany({
        where: { linkageId: options.linkageId },
        data: { status: "CANCELLED" },
      });
      await recordStaffAudit(
        tx,
        { staffId: staff.id, ip: options.ip },
        {
          action: "LINKAGE_CANCEL",
          subjectPersonId: linkage.userPersonId,
          reason,
          details: { linkageId: options.linkageId, otherPersonId: linkage.providerPersonId },
        },
      );
    });
  } catch (error) {
    await auditDenied(database, { staffId: staff.id, ip: options.ip, subjectPersonId }, error, {
      linkageId: options.linkageId,
      attempted: "CANCEL",
    });
    throw error;
  }
}
