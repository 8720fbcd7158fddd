/**
 * One linkage request as office staff see it (DOMAIN §9): both persons (masked), the rule pre-check as it
 * stands now, the documents checklist, who did what, and what this staff member may do with it.
 * Opening it is audited.
 */
import type { Db } from "@/lib/db/client";
import { BENEFIT_STATUS_LABEL } from "@/lib/domain/benefit-status";
import { DomainError } from "@/lib/domain/errors";
import { CATEGORY_LABEL } from "@/lib/domain/labels";
import {
  checkLinkage,
  LINKAGE_RULE_LABEL,
  type LinkageRefusal,
  type LinkageRuleCode,
  readLinkageDocuments,
} from "@/lib/domain/linkage";
import { maskIdNumber, maskName } from "@/lib/domain/masking";
import { REQUEST_SOURCE_LABEL, REQUEST_STATUS_LABEL } from "./list-linkage-requests";
import { loadLinkageParties } from "./linkage-parties";
import { loadStaff, recordStaffAudit } from "./office-audit";

/** The rules the pre-check lists one by one (the spending rule applies to settlements, not to a request). */
export const PRE_CHECK_RULES: readonly LinkageRuleCode[] = [
  "NOT_SELF",
  "ONE_TO_ONE",
  "EMPLOYEE_INSURANCE",
  "CHONGQING_ONLY",
  "NORMAL_BENEFIT",
];

export interface PreCheckLine {
  rule: LinkageRuleCode;
  label: string;
  ok: boolean;
  messages: string[];
}

export function preCheckLines(refusals: readonly LinkageRefusal[]): PreCheckLine[] {
  return PRE_CHECK_RULES.map((rule) => {
    const messages = refusals.filter((r) => r.rule === rule).map((r) => r.message);
    return { rule, label: LINKAGE_RULE_LABEL[rule], ok: messages.length === 0, messages };
  });
}

const staffText = (s: { staffNumber: string; name: string } | null | undefined) =>
  s ? `${s.staffNumber} ${s.name}` : null;

export async function getLinkageRequest(
  database: Db,
  options: { staffId: number; requestId: number; ip?: string | null; now?: Date },
) {
  const now = options.now ?? new Date();
  const staff = await loadStaff(database, options.staffId);
  const r = await database.linkageRequest.findUnique({
    where: { id: options.requestId },
    select: {
      id: true,
      status: true,
      source: true,
      createdAt: true,
      decidedAt: true,
      decisionReason: true,
      documents: true,
      agencyId: true,
      createdByStaffId: true,
      decidedByStaffId: true,
      agency: { select: { name: true } },
      userPersonId: true,
      providerPersonId: true,
      user: { select: { name: true, idNumber: true, category: true, district: { select: { name: true } } } },
      provider: {
        select: { name: true, idNumber: true, category: true, district: { select: { name: true } } },
      },
      linkage: {
        select: {
          id: true,
          status: true,
          approvedAt: true,
          cancelledAt: true,
          cancelReason: true,
          agencyId: true,
          agency: { select: { name: true } },
        },
      },
    },
  });
  if (!r) throw new DomainError("NOT_FOUND", "未找到该关联申请");

  const staffIds = [r.createdByStaffId, r.decidedByStaffId].filter((x): x is number => x !== null);
  const staffRows = new Map(
    (
      await database.staff.findMany({
        where: { id: { in: staffIds } },
        select: { id: true, staffNumber: true, name: true },
      })
    ).map((s) => [s.id, s]),
  );

  const parties = await loadLinkageParties(database, [r.userPersonId, r.providerPersonId], now);
  const check = checkLinkage(parties.get(r.userPersonId)!, parties.get(r.providerPersonId)!);
  const refusals = check.ok ? [] : check.refusals;

  await recordStaffAudit(
    database,
    { staffId: staff.id, ip: options.ip },
    {
      action: "LINKAGE_REQUEST_VIEW",
      subjectPersonId: r.userPersonId,
      details: { requestId: r.id, otherPersonId: r.providerPersonId },
    },
  );

  const person = (p: typeof r.user, id: number) => ({
    maskedName: maskName(p.name),
    maskedIdNumber: maskIdNumber(p.idNumber),
    categoryText: CATEGORY_LABEL[p.category],
    districtName: p.district.name,
    benefitText: BENEFIT_STATUS_LABEL[parties.get(id)?.benefitStatus ?? "ENDED"],
  });
  const atMyAgency = r.agencyId === staff.agencyId;
  const createdByMe = r.createdByStaffId === staff.id;
  return {
    id: r.id,
    status: r.status,
    statusText: REQUEST_STATUS_LABEL[r.status],
    sourceText: REQUEST_SOURCE_LABEL[r.source] ?? r.source,
    createdAt: r.createdAt,
    createdByText: r.createdByStaffId ? staffText(staffRows.get(r.createdByStaffId)) : "使用人本人(网上)",
    decidedAt: r.decidedAt,
    decidedByText: r.decidedByStaffId ? staffText(staffRows.get(r.decidedByStaffId)) : null,
    decisionReason: r.decisionReason,
    agencyName: r.agency.name,
    user: person(r.user, r.userPersonId),
    provider: person(r.provider, r.providerPersonId),
    preCheck: { ok: check.ok, lines: preCheckLines(refusals) },
    documents: readLinkageDocuments(r.documents),
    linkage: r.linkage,
    can: {
      decide: r.status === "PENDING" && atMyAgency,
      approve: r.status === "PENDING" && atMyAgency && !createdByMe,
      cancelLinkage: r.linkage?.status === "ACTIVE" && r.linkage.agencyId === staff.agencyId,
    },
    why: {
      notMyAgency: atMyAgency
        ? null
        : `【受理机构办理规则】该申请由${r.agency.name}受理,只能由该机构工作人员处理`,
      createdByMe: createdByMe ? "【岗位分离规则】本申请由您受理,须由另一名工作人员审批" : null,
    },
  };
}

export type LinkageRequestDetail = Awaited<ReturnType<typeof getLinkageRequest>>;
