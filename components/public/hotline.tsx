import { telHref } from "@/lib/domain/directory";

export const HOTLINES = [
  { number: "12333", label: "人社服务热线(医保咨询)" },
  { number: "023-63892269", label: "重庆市医保统一查询电话" },
] as const;

/** The two numbers of seed 000 / 001, as tappable links. */
export function Hotlines({ className = "" }: { className?: string }) {
  return (
    <ul className={`flex flex-wrap gap-x-6 gap-y-2 ${className}`}>
      {HOTLINES.map((h) => (
        <li key={h.number}>
          <span className="block text-xs text-slate-600">{h.label}</span>
          <a
            href={telHref(h.number)}
            className="tabular text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
          >
            {h.number}
          </a>
        </li>
      ))}
    </ul>
  );
}
