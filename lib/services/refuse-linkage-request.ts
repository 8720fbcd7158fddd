/** Refuses a pending linkage request with a reason the applicant will see (DOMAIN §7, §9). */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { ActionDenied, auditDenied } from "./approve-linkage-request";
import { loadStaff, recordStaffAudit } from "./office-audit";

export const REASON_MIN = 2;
export const REASON_MAX = 200;

export function requireReason(reason: string, field = "reason"): string {
  const text = reason.trim();
  if (text.length < REASON_MIN) throw new DomainError("REASON_REQUIRED", "请填写原因(至少2个字)", { field });
  if (text.length > REASON_MAX)
    throw new DomainError("REASON_TOO_LONG", `原因不超过${REASON_MAX}个字`, { field });
  return text;
}

export async function refuseLinkageRequest(
  database: Db,
  options: { staffId: number; requestId: number; reason: string; ip?: string | null; now?: Date },
): Promise<void> {
  const now = options.now ?? new Date();
  const reason = requireReason(options.reason);
  const staff = await loadStaff(database, options.staffId);
  let subjectPersonId: number | null = null;
  try {
    await database.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<
        { id: number }[]
      >`SELECT id FROM linkage_requests WHERE id = ${options.requestId} FOR UPDATE`;
      if (!locked) throw new DomainError("NOT_FOUND", "未找到该关联申请");
      const request = await tx.linkageRequest.findUniqueOrThrow({
        where: { id: options.requestId },
        select: {
          status: true,
          userPersonId: true,
          providerPersonId: true,
          agencyId: true,
          agency: { select: { name: true } },
        },
      });
      subjectPersonId = request.userPersonId;
      if (request.status !== "PENDING") throw new DomainError("NOT_PENDING", "该申请已处理,不能再拒绝");
      if (request.agencyId !== staff.agencyId) {
        throw new ActionDenied(
          "WRONG_AGENCY",
          `【受理机构办理规则】该申请由${request.agency.name}受理,只能由该机构工作人员处理`,
        );
      }
      await tx.linkageRequest.update({
        where: { id: options.requestId },
        data: { status: "REFUSED", decidedByStaffId: staff.id, decidedAt: now, decisionReason: reason },
      });
      await recordStaffAudit(
        tx,
        { staffId: staff.id, ip: options.ip },
        {
          action: "LINKAGE_REQUEST_REFUSE",
          subjectPersonId: request.userPersonId,
          reason,
          details: { requestId: options.requestId, otherPersonId: request.providerPersonId },
        },
      );
    });
  } catch (error) {
    await auditDenied(database, { staffId: staff.id, ip: options.ip, subjectPersonId }, error, {
      requestId: options.requestId,
      attempted: "REFUSE",
    });
    throw error;
  }
}
