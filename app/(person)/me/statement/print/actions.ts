"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/auth/guard";
import { enforcePrincipalLimit } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { issueStatement } from "@/lib/services/issue-statement";
import { verificationKey } from "@/lib/services/verification-key";

const schema = z.object({
  year: z
    .string({ error: "请选择年度" })
    .regex(/^\d{4}$/, "请选择年度")
    .transform(Number),
});

export const issueStatementAction = defineAction({
  role: "person",
  schema,
  run: async (principal, input) => {
    await enforcePrincipalLimit("exports", principal);
    const { id } = await issueStatement(db(), {
      personId: principal.id,
      year: input.year,
      key: verificationKey(),
    });
    redirect(`/me/statement/print/${id}`);
  },
});
