import type { ProofFacts } from "@/lib/domain/document-facts";
import { BENEFIT_STATUS_LABEL } from "@/lib/domain/benefit-status";
import { categoryText, EMPLOYMENT_STATUS_LABEL } from "@/lib/domain/labels";

const monthText = (month: string) => `${month.slice(0, 4)}年${month.slice(5, 7)}月`;

/** The facts of a proof of insurance, as printed and as shown on /verify (which passes a masked name). */
export function ProofFactsView({ facts, name }: { facts: Omit<ProofFacts, "name" | "personalNumber">; name: string }) {
  const current = facts.enrolments.at(-1);
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
        <dt className="text-slate-700">姓名</dt>
        <dd data-testid="proof-name">{name}</dd>
        <dt className="text-slate-700">身份证号</dt>
        <dd className="tabular">{facts.maskedIdNumber}</dd>
        <dt className="text-slate-700">参保类别</dt>
        <dd data-testid="proof-category">{categoryText(facts.category, facts.tier)}</dd>
        <dt className="text-slate-700">参保起始</dt>
        <dd data-testid="proof-from">{current ? monthText(current.from) : "—"}</dd>
        <dt className="text-slate-700">参保截止</dt>
        <dd data-testid="proof-to">{current?.to ? monthText(current.to) : "至今(持续参保)"}</dd>
        <dt className="text-slate-700">人员状态</dt>
        <dd>{EMPLOYMENT_STATUS_LABEL[facts.employmentStatus]}</dd>
        <dt className="text-slate-700">参保状态</dt>
        <dd data-testid="proof-status">
          待遇{BENEFIT_STATUS_LABEL[facts.benefitStatus]}({facts.benefitReason})
        </dd>
        <dt className="text-slate-700">经办机构</dt>
        <dd>{facts.agencyName}</dd>
        <dt className="text-slate-700">信息截至</dt>
        <dd className="tabular">{facts.asOf}</dd>
      </dl>
      {facts.enrolments.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <section className="-mx-1 overflow-x-auto px-1" tabIndex={0} aria-label="参保经历表">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-medium">参保经历</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-1.5 pr-3 font-medium">起始</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">截止</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">参保类别</th>
                <th scope="col" className="py-1.5 font-medium">参保单位</th>
              </tr>
            </thead>
            <tbody>
              {facts.enrolments.map((e) => (
                <tr key={`${e.from}-${e.category}`} className="border-b border-slate-200 align-top">
                  <td className="tabular py-1.5 pr-3 whitespace-nowrap">{e.from}</td>
                  <td className="tabular py-1.5 pr-3 whitespace-nowrap">{e.to ?? "至今"}</td>
                  <td className="py-1.5 pr-3">{categoryText(e.category, e.tier)}</td>
                  <td className="py-1.5">{e.unitName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
