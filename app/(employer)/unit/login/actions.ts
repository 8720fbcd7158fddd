"use server";

import type { ActionState } from "@/lib/auth/guard";
import { clerkSignInSchema } from "@/lib/auth/schemas";
import { runSignIn } from "@/lib/auth/sign-in-action";

export async function signInClerkAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return runSignIn("clerk", clerkSignInSchema, formData);
}
