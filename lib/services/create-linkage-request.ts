/**
 * A linkage application (DOMAIN §7.2): online by the user, or taken at the counter of the agency where the
 * provider is insured when the provider walks in with the papers. The rules are checked now, so a request
 * that could never be approved is refused at once with every failing rule named; approval checks again.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { checkLinkage, type LinkageDocuments, type LinkageRefusal } from "@/lib/domain/linkage";
import { maskName } from "@/lib/domain/masking";
import { Prisma } from "@/lib/generated/prisma/client";
import { findPersonId, type PersonIdentifier } from "./find-person";
import { loadLinkageParties } from "./linkage-parties";
import { loadStaff, recordStaffAudit } from "./office-audit";

export function linkageRefusedError(refusals: readonly LinkageRefusal[]): DomainError {
  return new DomainError("LINKAGE_REFUSED", refusals.map((r) => r.message).join(";"), {
    details: { refusals: refusals.map((r) => ({ rule: r.rule, message: r.message })) },
  });
}

function notInChongqing(role: "使用人" | "提供人", field: string): DomainError {
  return new DomainError(
    "LINKAGE_REFUSED",
    `【仅限重庆参保规则】未找到该${role}在重庆的参保记录;在外地参保的不能办理关联(重庆市内不同区县可以)`,
    { field, details: { refusals: [{ rule: "CHONGQING_ONLY" }] } },
  );
}

async function insertRequest(
  database: Db,
  data: Prisma.LinkageRequestUncheckedCreateInput,
  audit: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], requestId: number) => Promise<unknown>,
): Promise<number> {
  try {
    return await database.$transaction(async (tx) => {
      const row = await tx.linkageRequest.create({ data, select: { id: true } });
      await audit(tx, row.id);
      return row.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("DUPLICATE_REQUEST", "这两人之间已有一份待审核的关联申请,请在申请队列中处理");
    }
    throw error;
  }
}

/** Staff take an application at the counter for a provider who walked in. */
export async function createCounterLinkageRequest(
  database: Db,
  options: {
    staffId: number;
    user: PersonIdentifier;
    provider: PersonIdentifier;
    documents: LinkageDocuments;
    ip?: string | null;
    now?: Date;
  },
): Promise<{ requestId: number }> {
  const now = options.now ?? new Date();
  const staff = await loadStaff(database, options.staffId);
  const userId = await findPersonId(database, options.user);
  const providerId = await findPersonId(database, options.provider);
  if (providerId === null) throw notInChongqing("提供人", "provider");
  if (userId === null) throw notInChongqing("使用人", "user");

  const provider = await database.person.findUniqueOrThrow({
    where: { id: providerId },
    select: { agencyId: true, agency: { select: { name: true } } },
  });
  if (provider.agencyId !== staff.agencyId) {
    throw new DomainError(
      "WRONG_AGENCY",
      `【提供人参保地办理规则】提供人在${provider.agency.name}参保,须由提供人到该经办机构办理关联,本机构(${staff.agencyName})不能受理`,
    );
  }
  const parties = await loadLinkageParties(database, [userId, providerId], now);
  const check = checkLinkage(parties.get(userId)!, parties.get(providerId)!);
  if (!check.ok) throw linkageRefusedError(check.refusals);

  const requestId = await insertRequest(
    database,
    {
      userPersonId: userId,
      providerPersonId: providerId,
      agencyId: provider.agencyId,
      source: "COUNTER",
      createdByStaffId: staff.id,
      documents: options.documents,
      createdAt: now,
    },
    (tx, id) =>
      recordStaffAudit(
        tx,
        { staffId: staff.id, ip: options.ip },
        {
          action: "LINKAGE_REQUEST_CREATE",
          subjectPersonId: userId,
          details: { requestId: id, otherPersonId: providerId, source: "COUNTER" },
        },
      ),
  );
  return { requestId };
}

/**
 * The user applies online (DOMAIN §7.2; the person area calls this with the user from the session).
 * The provider is named by ID number and must be insured in Chongqing; the provider's agency handles it.
 */
export async function createOnlineLinkageRequest(
  database: Db,
  options: { userPersonId: number; provider: PersonIdentifier; ip?: string | null; now?: Date },
): Promise<{ requestId: number; providerMaskedName: string; agencyName: string }> {
  const now = options.now ?? new Date();
  const providerId = await findPersonId(database, options.provider);
  if (providerId === null) throw notInChongqing("提供人", "provider");
  const provider = await database.person.findUniqueOrThrow({
    where: { id: providerId },
    select: { name: true, agencyId: true, agency: { select: { name: true } } },
  });
  const parties = await loadLinkageParties(database, [options.userPersonId, providerId], now);
  const user = parties.get(options.userPersonId);
  if (!user) throw new DomainError("NOT_FOUND", "未找到参保信息");
  const check = checkLinkage(user, parties.get(providerId)!);
  if (!check.ok) throw linkageRefusedError(check.refusals);

  const requestId = await insertRequest(
    database,
    {
      userPersonId: options.userPersonId,
      providerPersonId: providerId,
      agencyId: provider.agencyId,
      source: "ONLINE",
      createdByPersonId: options.userPersonId,
      documents: { applicationForm: true },
      createdAt: now,
    },
    (tx, id) =>
      tx.auditLog.create({
        data: {
          actorType: "PERSON",
          actorId: String(options.userPersonId),
          action: "LINKAGE_REQUEST_CREATE",
          subjectPersonId: options.userPersonId,
          details: { requestId: id, otherPersonId: providerId, source: "ONLINE" },
          ip: options.ip ?? null,
        },
      }),
  );
  return { requestId, providerMaskedName: maskName(provider.name), agencyName: provider.agency.name };
}
