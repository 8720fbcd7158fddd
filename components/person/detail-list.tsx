/** Label/value pairs, two columns from the smallest screens up. */
export function DetailList({
  items,
  label,
}: {
  items: { label: string; value: React.ReactNode; testId?: string }[];
  label?: string;
}) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="text-slate-600">{item.label}</dt>
          <dd data-testid={item.testId}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
