"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { issueStatementAction } from "./actions";

export function IssueStatementForm({ years, defaultYear }: { years: number[]; defaultYear: number | undefined }) {
  const [state, action] = useActionState(issueStatementAction, { ok: false });
  const error = state.fieldErrors?.year;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <div className="space-y-1">
        <label htmlFor="year" className="block text-sm font-medium text-slate-800">
          对账年度
        </label>
        <select
          id="year"
          name="year"
          defaultValue={state.values?.year ?? String(defaultYear ?? "")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "year-error" : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
        {error && (
          <p id="year-error" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      <SubmitButton pendingText="正在生成…">生成可打印对账单</SubmitButton>
    </form>
  );
}
