"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/auth/guard";
import type { LinkageDocuments } from "@/lib/domain/linkage";
import { DocumentsFieldset } from "./documents-fieldset";
import { TextAreaField } from "./text-area-field";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const initial: ActionState = { ok: false };

function Hidden({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
    </>
  );
}

/**
 * A refusal that names several rules ("【规则】…;【规则】…") reads better as a list; anything else is the
 * usual form message.
 */
function Refusal({ message }: { message?: string }) {
  const parts = message?.split(/[;;](?=【)/) ?? [];
  if (parts.length < 2) return <FormMessage message={message} />;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <ul className="space-y-1">
        {parts.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** Ticked checkboxes come back in the state's values as "on", so a refused form keeps its ticks. */
const ticked = (values: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, v === "on"]));

/** Field errors that have no input of their own (e.g. a hidden id) are shown as the form message. */
function formLevel(state: ActionState, shown: readonly string[]): string | undefined {
  const other = Object.entries(state.fieldErrors ?? {}).filter(([k]) => !shown.includes(k));
  return state.message ?? other[0]?.[1];
}

export function CounterRequestForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Refusal message={formLevel(state, ["user", "provider"])} />
      <Field
        name="provider"
        label="提供人身份证号或社会保障卡号"
        hint="提供人须本人到其参保地经办机构办理"
        defaultValue={state.values?.provider}
        error={state.fieldErrors?.provider}
        autoComplete="off"
        required
      />
      <Field
        name="user"
        label="使用人身份证号或社会保障卡号"
        defaultValue={state.values?.user}
        error={state.fieldErrors?.user}
        autoComplete="off"
        required
      />
      <DocumentsFieldset legend="已收取并核验的材料" checked={ticked(state.values)} />
      <SubmitButton pendingText="正在受理…">受理申请</SubmitButton>
    </form>
  );
}

export function ApproveForm({
  action,
  requestId,
  documents,
}: {
  action: Action;
  requestId: number;
  documents: LinkageDocuments;
}) {
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="审批通过">
      <Hidden values={{ requestId }} />
      <Refusal message={formLevel(state, [])} />
      <DocumentsFieldset
        checked={state.values ? ticked(state.values) : documents}
        legend="审批前请逐项核对材料"
      />
      <SubmitButton pendingText="正在审批…">审批通过</SubmitButton>
    </form>
  );
}

export function ReasonForm({
  action,
  hidden,
  label,
  submit,
  hint,
  ariaLabel,
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  submit: string;
  hint?: string;
  ariaLabel: string;
}) {
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={ariaLabel}>
      <Hidden values={hidden} />
      <FormMessage message={formLevel(state, ["reason"])} />
      <TextAreaField
        name="reason"
        label={label}
        hint={hint}
        error={state.fieldErrors?.reason}
        defaultValue={state.values?.reason}
      />
      <button
        type="submit"
        className="w-full rounded-md border border-red-700 bg-white px-4 py-2.5 text-base font-medium text-red-800 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-red-700 focus:ring-offset-2"
      >
        {submit}
      </button>
    </form>
  );
}

export function LookUpForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage message={formLevel(state, ["query", "reason"])} />
      <Field
        name="query"
        label="身份证号或社会保障卡号"
        defaultValue={state.values?.query}
        error={state.fieldErrors?.query}
        autoComplete="off"
        required
      />
      <TextAreaField
        name="reason"
        label="查询原因"
        hint="必填,将与查询时间、查询人一起记入审计日志"
        error={state.fieldErrors?.reason}
        defaultValue={state.values?.reason}
      />
      <SubmitButton pendingText="正在查询…">查询</SubmitButton>
    </form>
  );
}

export function CardActionButton({
  action,
  hidden,
  label,
  note,
  confirm,
  tone = "normal",
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  note?: string;
  /** A box to tick first, for what cannot be undone. */
  confirm?: string;
  tone?: "normal" | "danger";
}) {
  const [state, formAction] = useActionState(action, initial);
  const colours =
    tone === "danger"
      ? "border-red-700 text-red-800 hover:bg-red-50 focus:ring-red-700"
      : "border-brand-600 text-brand-700 hover:bg-brand-50 focus:ring-brand-600";
  return (
    <form action={formAction} className="space-y-2">
      <Hidden values={hidden} />
      <FormMessage message={formLevel(state, [])} />
      {confirm && (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" value="yes" className="mt-1 h-4 w-4 accent-brand-600" />
          <span>{confirm}</span>
        </label>
      )}
      <button
        type="submit"
        className={`rounded-md border bg-white px-3 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-offset-2 ${colours}`}
      >
        {label}
      </button>
      {note && <p className="text-xs text-slate-600">{note}</p>}
    </form>
  );
}

export function EnrolForm({
  action,
  secret,
  signature,
}: {
  action: Action;
  secret: string;
  signature: string;
}) {
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Hidden values={{ secret, signature }} />
      <FormMessage message={formLevel(state, ["code"])} />
      <Field
        name="code"
        label="身份验证器上的6位动态口令"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        error={state.fieldErrors?.code}
        required
      />
      <SubmitButton pendingText="正在启用…">启用动态口令</SubmitButton>
    </form>
  );
}
