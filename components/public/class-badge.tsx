const STYLE: Record<string, string> = {
  甲: "border-green-700 text-green-800",
  乙: "border-blue-700 text-blue-800",
  丙: "border-slate-500 text-slate-700",
};

/** 甲类 / 乙类 / 丙类 as a small outlined label (text, not colour alone, carries the meaning). */
export function ClassBadge({ value }: { value: string }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${STYLE[value] ?? STYLE.丙}`}
    >
      {value}类
    </span>
  );
}
