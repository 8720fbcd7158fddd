"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { SecondFactorRequired, signIn } from "@/lib/auth/config";
import { fieldErrorsOf, HOME_PATH } from "@/lib/auth/guard";
import { staffSignInSchema } from "@/lib/auth/schemas";
import { CHALLENGE_MINUTES } from "@/lib/services/totp";
import type { StaffSignInState } from "./state";

const CHALLENGE_COOKIE = "office_totp_challenge";

const codeSchema = z.object({
  code: z
    .string({ error: "请输入动态口令" })
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "动态口令为6位数字")),
});

function isRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

async function refusal(error: unknown, state: StaffSignInState): Promise<StaffSignInState> {
  if (error instanceof CredentialsSignin) {
    const field = (error as CredentialsSignin & { field?: string }).field;
    return field
      ? { ...state, ok: false, fieldErrors: { [field]: error.code } }
      : { ...state, ok: false, message: error.code };
  }
  if (error instanceof AuthError) {
    console.error(error);
    return { ...state, ok: false, message: "登录失败,请稍后再试" };
  }
  throw error;
}

/**
 * Two steps for staff with a second factor: staff number + password, then the 6-digit TOTP code.
 * Between them the signed challenge waits in an httpOnly cookie (never in the page), valid a few minutes.
 */
export async function signInStaffAction(
  _state: StaffSignInState,
  formData: FormData,
): Promise<StaffSignInState> {
  const jar = await cookies();
  if (formData.get("step") === "code") {
    const challenge = jar.get(CHALLENGE_COOKIE)?.value;
    if (!challenge) return { ok: false, step: "password", message: "登录已超时,请重新输入工号和密码" };
    const parsed = codeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, step: "code", fieldErrors: fieldErrorsOf(parsed.error.issues) };
    try {
      await signIn("staff", { challenge, code: parsed.data.code, redirectTo: HOME_PATH.staff });
      return { ok: true };
    } catch (error) {
      if (isRedirect(error)) {
        jar.delete(CHALLENGE_COOKIE);
        throw error;
      }
      const refused = await refusal(error, { ok: false, step: "code" });
      // A timed-out or voided challenge, or a lockout, sends the user back to the password step.
      if (refused.message) {
        jar.delete(CHALLENGE_COOKIE);
        return { ...refused, step: "password" };
      }
      return refused;
    }
  }

  const values = { staffNumber: String(formData.get("staffNumber") ?? "") };
  const parsed = staffSignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { ok: false, step: "password", fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  try {
    await signIn("staff", { ...parsed.data, redirectTo: HOME_PATH.staff });
    return { ok: true };
  } catch (error) {
    if (error instanceof SecondFactorRequired) {
      const secure = (await headers()).get("x-forwarded-proto") === "https";
      jar.set(CHALLENGE_COOKIE, error.challenge, {
        httpOnly: true,
        sameSite: "strict",
        secure,
        path: "/office/login",
        maxAge: CHALLENGE_MINUTES * 60,
      });
      return { ok: false, step: "code", values };
    }
    return refusal(error, { ok: false, step: "password", values });
  }
}
