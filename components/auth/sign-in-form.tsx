"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/auth/guard";

export interface SignInField {
  name: string;
  label: string;
  type?: "text" | "password";
  autoComplete?: string;
  hint?: string;
  inputMode?: "text" | "numeric";
}

export function SignInForm({
  action,
  fields,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: SignInField[];
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      {fields.map((f) => (
        <Field
          key={f.name}
          name={f.name}
          label={f.label}
          type={f.type ?? "text"}
          autoComplete={f.autoComplete}
          inputMode={f.inputMode}
          hint={f.hint}
          defaultValue={f.type === "password" ? undefined : state.values?.[f.name]}
          error={state.fieldErrors?.[f.name]}
          required
        />
      ))}
      <SubmitButton pendingText="正在登录…">登录</SubmitButton>
    </form>
  );
}
