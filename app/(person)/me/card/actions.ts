"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requestIp } from "@/lib/auth/client-ip";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { cancelPreLoss } from "@/lib/services/cancel-pre-loss";
import { reportCardLoss } from "@/lib/services/report-card-loss";

/** The card id travels in the form, but the services only act on a card of the signed-in person. */
const cardId = z
  .string({ error: "缺少卡片信息,请刷新页面后重试" })
  .regex(/^\d{1,9}$/, "缺少卡片信息,请刷新页面后重试")
  .transform(Number);

export const reportPreLossAction = defineAction({
  role: "person",
  schema: z.object({
    cardId,
    confirm: z.literal("yes", { error: "请先勾选确认社保卡已遗失" }),
  }),
  run: async (principal, input) => {
    await reportCardLoss(db(), {
      actor: { type: "PERSON", personId: principal.id, ip: await requestIp() },
      cardId: input.cardId,
    });
    redirect("/me/card?done=reported");
  },
});

export const cancelPreLossAction = defineAction({
  role: "person",
  schema: z.object({ cardId }),
  run: async (principal, input) => {
    await cancelPreLoss(db(), {
      actor: { type: "PERSON", personId: principal.id, ip: await requestIp() },
      cardId: input.cardId,
    });
    redirect("/me/card?done=cancelled");
  },
});
