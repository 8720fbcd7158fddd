/**
 * The user's online linkage application (DOMAIN §7.2), with the rule pre-check the person sees before
 * submitting. The provider is named by card or ID number together with their name; when the two do not
 * belong to the same insured person the answer is one generic message, so the form cannot be used to
 * find out who is insured. Once the pair matches, every failing rule is named (DOMAIN §7: every refusal
 * names the rule). The request itself is created by create-linkage-request.ts and then waits for the
 * provider to bring the papers to their agency, where staff decide.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { normalizeInput } from "@/lib/domain/input";
import { checkLinkage, type LinkageRefusal } from "@/lib/domain/linkage";
import { maskName } from "@/lib/domain/masking";
import { createOnlineLinkageRequest, linkageRefusedError } from "./create-linkage-request";
import { findPersonId, parsePersonIdentifier, type PersonIdentifier } from "./find-person";
import { loadLinkageParties } from "./linkage-parties";

export const NO_MATCH_MESSAGE =
  "未找到与所填证件号码和姓名相符的重庆参保人,请核对提供人的社会保障卡号或身份证号及姓名";

/** The JSON body of the API calls; the user is always the signed-in person, never in the body. */
export const linkageApplicationBody = z.object(
  {
    provider: z.string({ error: "缺少 provider(提供人社会保障卡号或身份证号)" }).max(40, "provider 应为社会保障卡号或18位身份证号"),
    providerName: z.string({ error: "缺少 providerName(提供人姓名)" }).max(60, "providerName 过长"),
  },
  { error: "请求体应为 JSON 对象" },
);

export interface LinkageApplicationInput {
  userPersonId: number;
  /** Card number or ID number of the provider, as typed. */
  provider: string;
  providerName: string;
  ip?: string | null;
  now?: Date;
}

export interface LinkagePreCheck {
  ok: boolean;
  refusals: LinkageRefusal[];
  providerMaskedName: string;
  agencyName: string;
}

const sameName = (typed: string, stored: string) =>
  normalizeInput(typed).replace(/\s+/g, "") === stored.replace(/\s+/g, "");

async function audit(
  database: Db,
  input: LinkageApplicationInput,
  action: string,
  subjectPersonId: number | null,
  details: object,
) {
  await database.auditLog.create({
    data: {
      actorType: "PERSON",
      actorId: String(input.userPersonId),
      action,
      subjectPersonId,
      details: details as Record<string, string | number | boolean>,
      ip: input.ip ?? null,
    },
  });
}

async function matchProvider(
  database: Db,
  input: LinkageApplicationInput,
): Promise<{ identifier: PersonIdentifier; providerId: number }> {
  const identifier = parsePersonIdentifier(input.provider, "provider");
  const name = normalizeInput(input.providerName);
  if (name === "") throw new DomainError("INVALID_PARAMETER", "请输入提供人姓名", { field: "providerName" });
  if (Array.from(name).length > 30)
    throw new DomainError("INVALID_PARAMETER", "姓名过长", { field: "providerName" });
  const providerId = await findPersonId(database, identifier);
  const provider =
    providerId === null
      ? null
      : await database.person.findUnique({ where: { id: providerId }, select: { name: true } });
  if (providerId === null || !provider || !sameName(name, provider.name)) {
    await audit(database, input, "LINKAGE_PROVIDER_NO_MATCH", null, { kind: identifier.kind });
    throw new DomainError("NO_MATCH", NO_MATCH_MESSAGE);
  }
  return { identifier, providerId };
}

/** Every rule that would refuse this application now, without creating anything. */
export async function preCheckLinkageApplication(
  database: Db,
  input: LinkageApplicationInput,
): Promise<LinkagePreCheck> {
  const now = input.now ?? new Date();
  const { providerId } = await matchProvider(database, input);
  const [parties, provider, pending] = await Promise.all([
    loadLinkageParties(database, [input.userPersonId, providerId], now),
    database.person.findUniqueOrThrow({
      where: { id: providerId },
      select: { name: true, agency: { select: { name: true } } },
    }),
    database.linkageRequest.findFirst({
      where: { userPersonId: input.userPersonId, status: "PENDING" },
      select: { provider: { select: { name: true } } },
    }),
  ]);
  const user = parties.get(input.userPersonId);
  if (!user) throw new DomainError("NOT_FOUND", "未找到参保信息");
  const check = checkLinkage(user, parties.get(providerId)!);
  const refusals = check.ok ? [] : [...check.refusals];
  if (pending) {
    refusals.push({
      rule: "PENDING_REQUEST",
      message: `【申请处理中】您已有一份待审核的关联申请(提供人 ${maskName(pending.provider.name)}),请等待经办机构审核,或撤回后再申请`,
    });
  }
  await audit(database, input, "LINKAGE_PRECHECK", providerId, {
    ok: refusals.length === 0,
    rules: refusals.map((r) => r.rule).join(","),
  });
  return {
    ok: refusals.length === 0,
    refusals,
    providerMaskedName: maskName(provider.name),
    agencyName: provider.agency.name,
  };
}

/** Submits the application when the pre-check passes; otherwise refuses with every failing rule. */
export async function applyForLinkage(
  database: Db,
  input: LinkageApplicationInput,
): Promise<{ requestId: number; providerMaskedName: string; agencyName: string }> {
  const pre = await preCheckLinkageApplication(database, input);
  if (!pre.ok) throw linkageRefusedError(pre.refusals);
  const { identifier } = await matchProvider(database, input);
  return createOnlineLinkageRequest(database, {
    userPersonId: input.userPersonId,
    provider: identifier,
    ip: input.ip,
    now: input.now,
  });
}
