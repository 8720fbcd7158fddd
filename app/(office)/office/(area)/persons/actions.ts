"use server";

import { redirect } from "next/navigation";
import { requestIp } from "@/lib/auth/client-ip";
import { defineAction } from "@/lib/auth/guard";
import { cardActionSchema, lookUpSchema } from "@/lib/auth/office-schemas";
import { db } from "@/lib/db/client";
import { cancelPreLoss } from "@/lib/services/cancel-pre-loss";
import { formallyReportLoss } from "@/lib/services/formally-report-loss";
import { lookUpPerson } from "@/lib/services/look-up-person";
import { markCardCollected } from "@/lib/services/mark-card-collected";
import { reportCardLoss } from "@/lib/services/report-card-loss";

export const lookUpPersonAction = defineAction({
  role: "staff",
  schema: lookUpSchema,
  run: async (principal, input) => {
    const { personId } = await lookUpPerson(db(), {
      staffId: principal.id,
      query: input.query,
      reason: input.reason,
      ip: await requestIp(),
    });
    redirect(`/office/persons/${personId}`);
  },
});

const DONE: Record<string, string> = {
  preLoss: "pre-lost",
  cancelPreLoss: "pre-loss-cancelled",
  formalLoss: "lost",
  collected: "collected",
};

export const cardAction = defineAction({
  role: "staff",
  schema: cardActionSchema,
  run: async (principal, input) => {
    const actor = { type: "STAFF" as const, staffId: principal.id, ip: await requestIp() };
    const card = await db().card.findUnique({ where: { id: input.cardId }, select: { personId: true } });
    if (!card || card.personId !== input.personId) return { ok: false, message: "未找到该社保卡" };
    switch (input.operation) {
      case "preLoss":
        await reportCardLoss(db(), { actor, cardId: input.cardId });
        break;
      case "cancelPreLoss":
        await cancelPreLoss(db(), { actor, cardId: input.cardId });
        break;
      case "formalLoss":
        await formallyReportLoss(db(), { actor, cardId: input.cardId });
        break;
      case "collected":
        await markCardCollected(db(), { actor, cardId: input.cardId });
        break;
    }
    redirect(`/office/persons/${input.personId}?done=${DONE[input.operation]}`);
  },
});
