"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { type LinkageFormState, linkageApplicationAction, withdrawLinkageRequestAction } from "./actions";

const button =
  "rounded-md px-4 py-2.5 text-base font-medium focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 disabled:opacity-60";

export function LinkageApplicationForm() {
  const [state, action, pending] = useActionState(linkageApplicationAction, { ok: false });
  const s = state as LinkageFormState;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={s.message} />
      <Field
        name="provider"
        label="提供人社会保障卡号或身份证号"
        autoComplete="off"
        defaultValue={s.values?.provider}
        error={s.fieldErrors?.provider}
        hint="卡号为1位字母加8位数字;身份证号为18位"
        required
      />
      <Field
        name="providerName"
        label="提供人姓名"
        autoComplete="off"
        defaultValue={s.values?.providerName}
        error={s.fieldErrors?.providerName}
        required
      />
      {s.checked?.ok && (
        <div
          role="status"
          className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
          data-testid="precheck-passed"
        >
          预检查通过:您与提供人 {s.checked.providerMaskedName} 符合关联条件。提交后,请提供人到{" "}
          {s.checked.agencyName} 办理。
        </div>
      )}
      {s.refusals && s.refusals.length > 0 && (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
          data-testid="precheck-refusals"
        >
          <p className="font-medium">
            {s.checked ? "预检查未通过,以下规则不允许这项关联:" : "不符合以下关联规则:"}
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {s.refusals.map((r) => (
              <li key={`${r.rule}-${r.message}`} data-rule={r.rule}>
                {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-col gap-3 sm:flex-row">
        <button
          type="submit"
          name="intent"
          value="check"
          disabled={pending}
          className={`${button} border border-brand-600 bg-white text-brand-700 hover:bg-brand-50`}
        >
          检查是否符合条件
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          disabled={pending}
          className={`${button} bg-brand-600 text-white hover:bg-brand-700`}
        >
          提交申请
        </button>
      </div>
    </form>
  );
}

export function WithdrawRequestForm({ requestId, providerMaskedName }: { requestId: number; providerMaskedName: string }) {
  const [state, action, pending] = useActionState(withdrawLinkageRequestAction, { ok: false });
  return (
    <form action={action} className="inline">
      <input type="hidden" name="requestId" value={requestId} />
      <button
        type="submit"
        disabled={pending}
        className="text-sm text-brand-700 underline disabled:opacity-60"
      >
        撤回申请<span className="sr-only">(与提供人 {providerMaskedName} 的关联申请)</span>
      </button>
      {(state.message ?? state.fieldErrors?.requestId) && (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.message ?? state.fieldErrors?.requestId}
        </span>
      )}
    </form>
  );
}
