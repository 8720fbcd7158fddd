"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { StaffSignInState } from "@/app/(office)/office/login/state";

export function StaffSignInForm({
  action,
}: {
  action: (state: StaffSignInState, formData: FormData) => Promise<StaffSignInState>;
}) {
  const [state, formAction] = useActionState(action, { ok: false, step: "password" });
  if (state.step === "code") {
    return (
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="step" value="code" />
        <FormMessage
          tone="success"
          message={`工号 ${state.values?.staffNumber ?? ""} 密码正确。请打开手机上的身份验证器,输入当前显示的6位动态口令。`}
        />
        <Field
          name="code"
          label="动态口令"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          hint="6位数字,每30秒更新一次"
          error={state.fieldErrors?.code}
          required
          autoFocus
        />
        <SubmitButton pendingText="正在验证…">验证并登录</SubmitButton>
      </form>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="step" value="password" />
      <FormMessage message={state.message} />
      <Field
        name="staffNumber"
        label="工号"
        autoComplete="username"
        hint="如 S0001"
        defaultValue={state.values?.staffNumber}
        error={state.fieldErrors?.staffNumber}
        required
      />
      <Field
        name="password"
        label="密码"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors?.password}
        required
      />
      <SubmitButton pendingText="正在登录…">登录</SubmitButton>
    </form>
  );
}
