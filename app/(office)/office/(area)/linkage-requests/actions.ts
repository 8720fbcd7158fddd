"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestIp } from "@/lib/auth/client-ip";
import { defineAction } from "@/lib/auth/guard";
import {
  approveSchema,
  cancelLinkageSchema,
  counterRequestSchema,
  documentsOf,
  refuseSchema,
} from "@/lib/auth/office-schemas";
import { db } from "@/lib/db/client";
import { approveLinkageRequest } from "@/lib/services/approve-linkage-request";
import { cancelLinkage } from "@/lib/services/cancel-linkage";
import { createCounterLinkageRequest } from "@/lib/services/create-linkage-request";
import { parsePersonIdentifier } from "@/lib/services/find-person";
import { refuseLinkageRequest } from "@/lib/services/refuse-linkage-request";

export const createCounterRequestAction = defineAction({
  role: "staff",
  schema: counterRequestSchema,
  run: async (principal, input) => {
    const { requestId } = await createCounterLinkageRequest(db(), {
      staffId: principal.id,
      user: parsePersonIdentifier(input.user, "user"),
      provider: parsePersonIdentifier(input.provider, "provider"),
      documents: documentsOf(input),
      ip: await requestIp(),
    });
    redirect(`/office/linkage-requests/${requestId}?done=created`);
  },
});

export const approveRequestAction = defineAction({
  role: "staff",
  schema: approveSchema,
  run: async (principal, input) => {
    await approveLinkageRequest(db(), {
      staffId: principal.id,
      requestId: input.requestId,
      documents: documentsOf(input),
      ip: await requestIp(),
    });
    revalidatePath("/office/linkage-requests");
    redirect(`/office/linkage-requests/${input.requestId}?done=approved`);
  },
});

export const refuseRequestAction = defineAction({
  role: "staff",
  schema: refuseSchema,
  run: async (principal, input) => {
    await refuseLinkageRequest(db(), {
      staffId: principal.id,
      requestId: input.requestId,
      reason: input.reason,
      ip: await requestIp(),
    });
    redirect(`/office/linkage-requests/${input.requestId}?done=refused`);
  },
});

export const cancelLinkageAction = defineAction({
  role: "staff",
  schema: cancelLinkageSchema,
  run: async (principal, input) => {
    await cancelLinkage(db(), {
      staffId: principal.id,
      linkageId: input.linkageId,
      reason: input.reason,
      ip: await requestIp(),
    });
    redirect(`/office/linkages/${input.linkageId}?done=cancelled`);
  },
});
