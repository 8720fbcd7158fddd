import Link from "next/link";

export type CalculatorSection = "unit-employee" | "unit-retiree" | "individual" | "resident" | "retirement";

const SECTIONS: { key: CalculatorSection; href: string; label: string }[] = [
  { key: "unit-employee", href: "/calculator?category=unit-employee", label: "在职职工" },
  { key: "unit-retiree", href: "/calculator?category=unit-retiree", label: "退休人员" },
  { key: "individual", href: "/calculator?category=individual-tier1", label: "灵活就业" },
  { key: "resident", href: "/calculator?category=resident-tier1", label: "城乡居民" },
  { key: "retirement", href: "/calculator/retirement", label: "退休缴费年限" },
];

/** Plain links, so choosing a calculator works without JavaScript. */
export function CalculatorNav({ current }: { current: CalculatorSection }) {
  return (
    <nav aria-label="选择计算类别">
      <ul className="flex flex-wrap gap-2 text-sm">
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              aria-current={s.key === current ? "page" : undefined}
              className={`inline-block rounded-full border px-3 py-1.5 ${
                s.key === current
                  ? "border-brand-700 bg-brand-700 text-white"
                  : "border-slate-300 bg-white text-brand-700 hover:border-brand-600"
              }`}
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
