import type { PreCheckLine } from "@/lib/services/get-linkage-request";

/** The rule pre-check: every rule of DOMAIN §7 with pass or its refusal, each naming the rule. */
export function PreCheckList({ lines }: { lines: readonly PreCheckLine[] }) {
  return (
    <ul className="space-y-2 text-sm" aria-label="规则预检">
      {lines.map((l) => (
        <li key={l.rule} data-testid={`rule-${l.rule}`} data-ok={l.ok ? "true" : "false"}>
          <span
            className={`mr-2 inline-block rounded px-1.5 py-0.5 text-xs font-medium ${l.ok ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}
          >
            {l.ok ? "通过" : "不通过"}
          </span>
          <span className="font-medium">{l.label}</span>
          {l.messages.map((m) => (
            <p key={m} className="mt-1 text-red-800">
              {m}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
