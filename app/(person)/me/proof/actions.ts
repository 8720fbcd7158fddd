"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/auth/guard";
import { enforcePrincipalLimit } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { issueProof } from "@/lib/services/issue-proof";
import { verificationKey } from "@/lib/services/verification-key";

/** The person comes from the session; the form carries nothing that decides whose proof it is. */
export const issueProofAction = defineAction({
  role: "person",
  schema: z.object({}),
  run: async (principal) => {
    await enforcePrincipalLimit("exports", principal);
    const { id } = await issueProof(db(), { personId: principal.id, key: verificationKey() });
    redirect(`/me/proof/${id}`);
  },
});
