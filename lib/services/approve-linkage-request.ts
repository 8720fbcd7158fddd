/**
 * Approves a linkage request (DOMAIN §7) in one transaction: the request and both persons are locked,
 * every rule is checked again on what is committed now, and the linkage is written together with one
 * linkage_members row per person. The members' primary key is the backstop: whatever path tries to put a
 * person into a second active linkage, the database refuses it.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import {
  checkLinkage,
  LINKAGE_RULE_LABEL,
  type LinkageDocuments,
  missingLinkageDocuments,
  readLinkageDocuments,
} from "@/lib/domain/linkage";
import { Prisma } from "@/lib/generated/prisma/client";
import { linkageRefusedError } from "./create-linkage-request";
import { loadLinkageParties } from "./linkage-parties";
import { loadStaff, recordStaffAudit } from "./office-audit";

export class ActionDenied extends DomainError {}

/** Refusals of who-may-do-this are audited too, outside the (rolled back) transaction. */
export async function auditDenied(
  database: Db,
  options: { staffId: number; ip?: string | null; subjectPersonId?: number | null },
  error: unknown,
  details: Record<string, string | number>,
): Promise<void> {
  if (!(error instanceof ActionDenied)) return;
  await recordStaffAudit(
    database,
    { staffId: options.staffId, ip: options.ip },
    {
      action: "ACTION_DENIED",
      subjectPersonId: options.subjectPersonId ?? null,
      reason: error.message,
      details: { ...details, code: error.code },
    },
  );
}

export async function approveLinkageRequest(
  database: Db,
  options: {
    staffId: number;
    requestId: number;
    documents?: LinkageDocuments;
    ip?: string | null;
    now?: Date;
  },
): Promise<{ linkageId: number }> {
  const now = options.now ?? new Date();
  const staff = await loadStaff(database, options.staffId);
  let subjectPersonId: number | null = null;
  try {
    return await database.$transaction(
      async (tx) => {
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
            createdByStaffId: true,
            documents: true,
            agency: { select: { name: true } },
          },
        });
        subjectPersonId = request.userPersonId;
        if (request.status !== "PENDING") throw new DomainError("NOT_PENDING", "该申请已处理,不能再审批");
        if (request.agencyId !== staff.agencyId) {
          throw new ActionDenied(
            "WRONG_AGENCY",
            `【受理机构办理规则】该申请由${request.agency.name}受理,只能由该机构工作人员审批`,
          );
        }
        if (request.createdByStaffId === staff.id) {
          throw new ActionDenied(
            "SEPARATION_OF_DUTIES",
            "【岗位分离规则】受理该申请的工作人员不能审批同一申请,请由另一名工作人员审批",
          );
        }
        const documents = options.documents ?? readLinkageDocuments(request.documents);
        const missing = missingLinkageDocuments(documents);
        if (missing.length > 0) {
          throw new DomainError(
            "DOCUMENTS_MISSING",
            `【材料齐全规则】以下材料尚未核验:${missing.join("、")}`,
          );
        }

        // Both persons locked in id order: two approvals touching the same person queue up here, and the
        // second one sees the first one's linkage when it re-checks the rules.
        const [a, b] = [request.userPersonId, request.providerPersonId].sort((x, y) => x - y);
        await tx.$queryRaw`SELECT id FROM persons WHERE id IN (${a}, ${b}) ORDER BY id FOR UPDATE`;
        const parties = await loadLinkageParties(tx, [request.userPersonId, request.providerPersonId], now);
        const check = checkLinkage(
          parties.get(request.userPersonId)!,
          parties.get(request.providerPersonId)!,
        );
        if (!check.ok) throw linkageRefusedError(check.refusals);

        const linkage = await tx.linkage.create({
          data: {
            userPersonId: request.userPersonId,
            providerPersonId: request.providerPersonId,
            agencyId: request.agencyId,
            approvedAt: now,
            approvedByStaffId: staff.id,
          },
          select: { id: true },
        });
        await tx.linkageMember.createMany({
          data: [
            { personId: request.userPersonId, linkageId: linkage.id, role: "USER" },
            { personId: request.providerPersonId, linkageId: linkage.id, role: "PROVIDER" },
          ],
        });
        await tx.linkageRequest.update({
          where: { id: options.requestId },
          data: {
            status: "APPROVED",
            decidedByStaffId: staff.id,
            decidedAt: now,
            documents,
            linkageId: linkage.id,
          },
        });
        await recordStaffAudit(
          tx,
          { staffId: staff.id, ip: options.ip },
          {
            action: "LINKAGE_REQUEST_APPROVE",
            subjectPersonId: request.userPersonId,
            details: {
              requestId: options.requestId,
              linkageId: linkage.id,
              otherPersonId: request.providerPersonId,
            },
          },
        );
        return { linkageId: linkage.id };
      },
      { maxWait: 15_000, timeout: 30_000 },
    );
  } catch (error) {
    await auditDenied(database, { staffId: staff.id, ip: options.ip, subjectPersonId }, error, {
      requestId: options.requestId,
      attempted: "APPROVE",
    });
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(
        "LINKAGE_REFUSED",
        `【${LINKAGE_RULE_LABEL.ONE_TO_ONE}】其中一人已在另一项有效关联中,不能再关联`,
        {
          details: { refusals: [{ rule: "ONE_TO_ONE" }] },
        },
      );
    }
    throw error;
  }
}
