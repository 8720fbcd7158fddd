"use server";

import { redirect } from "next/navigation";
import { unstable_update } from "@/lib/auth/config";
import { defineAction } from "@/lib/auth/guard";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db/client";
import { changePersonPassword } from "@/lib/services/change-password";

export const changePasswordAction = defineAction({
  role: "person",
  schema: changePasswordSchema,
  allowPasswordChange: true,
  run: async (principal, input) => {
    const { sessionVersion } = await changePersonPassword(db(), {
      personId: principal.id,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
    });
    await unstable_update({ sessionVersion });
    redirect("/me?passwordChanged=1");
  },
});
