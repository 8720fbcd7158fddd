"use server";

import type { ActionState } from "@/lib/auth/guard";
import { personSignInSchema } from "@/lib/auth/schemas";
import { runSignIn } from "@/lib/auth/sign-in-action";

export async function signInPersonAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return runSignIn("person", personSignInSchema, formData);
}
