import { AuthError, CredentialsSignin } from "next-auth";
import type { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { type ActionState, fieldErrorsOf, HOME_PATH } from "@/lib/auth/guard";
import type { Role } from "@/lib/services/sign-in";

/**
 * Shared body of the three sign-in actions: validate, hand over to Auth.js, and turn a refusal into
 * a message beside the right field. A successful sign-in ends in a redirect, which is re-thrown.
 */
export async function runSignIn(role: Role, schema: z.ZodType<Record<string, string>>, formData: FormData): Promise<ActionState> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && key !== "password" && !key.startsWith("$")) values[key] = value;
  }
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  try {
    await signIn(role, { ...parsed.data, redirectTo: HOME_PATH[role] });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const field = (error as CredentialsSignin & { field?: string }).field;
      return field
        ? { ok: false, fieldErrors: { [field]: error.code }, values }
        : { ok: false, message: error.code, values };
    }
    if (error instanceof AuthError) {
      console.error(error);
      return { ok: false, message: "登录失败,请稍后再试", values };
    }
    throw error;
  }
}
