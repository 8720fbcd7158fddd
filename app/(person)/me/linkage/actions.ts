"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requestIp } from "@/lib/auth/client-ip";
import { type ActionState, defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/domain/errors";
import type { LinkageRefusal } from "@/lib/domain/linkage";
import { applyForLinkage, preCheckLinkageApplication } from "@/lib/services/apply-for-linkage";
import { withdrawLinkageRequest } from "@/lib/services/withdraw-linkage-request";

export interface LinkageFormState extends ActionState {
  /** The rules that refuse the pair, from the pre-check or from a refused submission. */
  refusals?: LinkageRefusal[];
  /** Set after a pre-check that found the provider. */
  checked?: { ok: boolean; providerMaskedName: string; agencyName: string };
}

const applicationSchema = z.object({
  provider: z
    .string({ error: "请输入提供人的社会保障卡号或身份证号" })
    .max(40, "请输入社会保障卡号或18位身份证号"),
  providerName: z.string({ error: "请输入提供人姓名" }).max(60, "姓名过长"),
  intent: z.enum(["check", "submit"], { error: "请选择检查或提交" }),
});

/** The user is the signed-in person; only the provider is named in the form. */
export const linkageApplicationAction = defineAction({
  role: "person",
  schema: applicationSchema,
  run: async (principal, input) => {
    const application = {
      userPersonId: principal.id,
      provider: input.provider,
      providerName: input.providerName,
      ip: await requestIp(),
    };
    if (input.intent === "check") {
      const pre = await preCheckLinkageApplication(db(), application);
      const state: LinkageFormState = {
        ok: pre.ok,
        refusals: pre.refusals,
        checked: { ok: pre.ok, providerMaskedName: pre.providerMaskedName, agencyName: pre.agencyName },
        values: { provider: input.provider, providerName: input.providerName },
      };
      return state;
    }
    try {
      await applyForLinkage(db(), application);
    } catch (error) {
      const refusals = isDomainError(error)
        ? (error.details?.refusals as LinkageRefusal[] | undefined)
        : undefined;
      if (!refusals) throw error;
      const state: LinkageFormState = {
        ok: false,
        message: "申请未能提交,原因如下:",
        refusals,
        values: { provider: input.provider, providerName: input.providerName },
      };
      return state;
    }
    redirect("/me/linkage?done=submitted");
  },
});

export const withdrawLinkageRequestAction = defineAction({
  role: "person",
  schema: z.object({
    requestId: z
      .string({ error: "缺少申请编号" })
      .regex(/^\d{1,9}$/, "缺少申请编号")
      .transform(Number),
  }),
  run: async (principal, input) => {
    await withdrawLinkageRequest(db(), {
      personId: principal.id,
      requestId: input.requestId,
      ip: await requestIp(),
    });
    redirect("/me/linkage?done=withdrawn");
  },
});
