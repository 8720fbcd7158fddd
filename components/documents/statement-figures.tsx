import { Money } from "@/components/ui/money";
import type { StatementFacts } from "@/lib/domain/document-facts";

/** 上年结转 / 本年划入 / 本年支出 / 期末余额 of a statement, as printed and as shown on /verify. */
export function StatementFiguresView({ facts }: { facts: Pick<StatementFacts, "carriedOverFen" | "creditedFen" | "spentFen" | "closingFen"> }) {
  const items = [
    { label: "上年结转", fen: facts.carriedOverFen, testId: "statement-carried-over" },
    { label: "本年划入", fen: facts.creditedFen, testId: "statement-credited" },
    { label: "本年支出", fen: facts.spentFen, testId: "statement-spent" },
    { label: "期末余额", fen: facts.closingFen, testId: "statement-closing" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
      {items.map((i) => (
        <div key={i.label} className="rounded-md border border-slate-200 p-2 print:border-slate-400">
          <dt className="text-slate-700">{i.label}</dt>
          <dd className="text-base font-semibold" data-testid={i.testId}>
            <Money fen={BigInt(i.fen)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
