/**
 * The user withdraws their own online linkage application while it still waits for staff. The request
 * is found by id AND the user from the session; any other id is NOT_FOUND and leaves an audit row.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";

export async function withdrawLinkageRequest(
  database: Db,
  options: { personId: number; requestId: number; ip?: string | null; now?: Date },
): Promise<void> {
  const now = options.now ?? new Date();
  const own = Number.isSafeInteger(options.requestId)
    ? await database.linkageRequest.findFirst({
        where: {
          id: options.requestId,
          userPersonId: options.personId,
          createdByPersonId: options.personId,
          source: "ONLINE",
        },
        select: { id: true, status: true },
      })
    : null;
  if (!own) {
    const other = Number.isSafeInteger(options.requestId)
      ? await database.linkageRequest.findUnique({
          where: { id: options.requestId },
          select: { userPersonId: true },
        })
      : null;
    await database.auditLog.create({
      data: {
        actorType: "PERSON",
        actorId: String(options.personId),
        action: "ACTION_DENIED",
        subjectPersonId: other?.userPersonId ?? null,
        details: {
          requestId: String(options.requestId),
          attempted: "LINKAGE_REQUEST_WITHDRAW",
          code: "NOT_FOUND",
        },
        ip: options.ip ?? null,
      },
    });
    throw new DomainError("NOT_FOUND", "未找到该关联申请");
  }
  await database.$transaction(async (tx) => {
    // Conditional on PENDING: if staff decided a moment ago, their decision stands.
    const { count } = await tx.linkageRequest.updateMany({
      where: { id: own.id, status: "PENDING" },
      data: { status: "CANCELLED", decidedAt: now, decisionReason: "申请人撤回" },
    });
    if (count === 0) throw new DomainError("NOT_PENDING", "该申请已处理完毕,不能撤回");
    await tx.auditLog.create({
      data: {
        actorType: "PERSON",
        actorId: String(options.personId),
        action: "LINKAGE_REQUEST_WITHDRAW",
        subjectPersonId: options.personId,
        details: { requestId: own.id },
        ip: options.ip ?? null,
      },
    });
  });
}
