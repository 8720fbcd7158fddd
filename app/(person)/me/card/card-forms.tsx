"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { cancelPreLossAction, reportPreLossAction } from "./actions";

export function ReportPreLossForm({ cardId }: { cardId: number }) {
  const [state, action] = useActionState(reportPreLossAction, { ok: false });
  const error = state.fieldErrors?.confirm ?? state.fieldErrors?.cardId;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="cardId" value={cardId} />
      <div className="flex items-start gap-2">
        <input
          id="confirm"
          name="confirm"
          type="checkbox"
          value="yes"
          className="mt-1 h-4 w-4"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "confirm-error" : undefined}
        />
        <label htmlFor="confirm" className="text-sm">
          我确认社保卡已遗失,申请预挂失。预挂失期间不能刷卡结算,可使用医保电子凭证。
        </label>
      </div>
      {error && (
        <p id="confirm-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <SubmitButton pendingText="正在办理…">预挂失</SubmitButton>
    </form>
  );
}

export function CancelPreLossForm({ cardId }: { cardId: number }) {
  const [state, action] = useActionState(cancelPreLossAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      <FormMessage message={state.message ?? state.fieldErrors?.cardId} />
      <input type="hidden" name="cardId" value={cardId} />
      <SubmitButton pendingText="正在撤销…">已找到卡片,撤销预挂失</SubmitButton>
    </form>
  );
}
