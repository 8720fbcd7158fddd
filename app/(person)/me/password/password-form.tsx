"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, { ok: false });
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <Field name="currentPassword" label="当前密码" type="password" autoComplete="current-password" error={state.fieldErrors?.currentPassword} required />
      <Field
        name="newPassword"
        label="新密码"
        type="password"
        autoComplete="new-password"
        hint="8到64位,须同时包含字母和数字,不能包含个人编号"
        error={state.fieldErrors?.newPassword}
        required
      />
      <Field name="confirmPassword" label="确认新密码" type="password" autoComplete="new-password" error={state.fieldErrors?.confirmPassword} required />
      <SubmitButton>修改密码</SubmitButton>
    </form>
  );
}
