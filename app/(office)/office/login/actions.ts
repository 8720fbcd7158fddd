"use server";

import type { ActionState } from "@/lib/auth/guard";
import { staffSignInSchema } from "@/lib/auth/schemas";
import { runSignIn } from "@/lib/auth/sign-in-action";

export async function signInStaffAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return runSignIn("staff", staffSignInSchema, formData);
}
