"use server";

import { redirect } from "next/navigation";
import { requestIp } from "@/lib/auth/client-ip";
import { defineAction } from "@/lib/auth/guard";
import { enrolSchema } from "@/lib/auth/office-schemas";
import { db } from "@/lib/db/client";
import { enrolStaffTotp, signingKey } from "@/lib/services/totp";

export const enrolTotpAction = defineAction({
  role: "staff",
  schema: enrolSchema,
  run: async (principal, input) => {
    await enrolStaffTotp(db(), { staffId: principal.id, ...input, key: signingKey(), ip: await requestIp() });
    redirect("/office/security?done=enrolled");
  },
});
