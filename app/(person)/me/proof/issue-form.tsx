"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { issueProofAction } from "./actions";

export function IssueProofForm() {
  const [state, action] = useActionState(issueProofAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      <FormMessage message={state.message} />
      <SubmitButton pendingText="正在开具…">开具参保证明</SubmitButton>
    </form>
  );
}
