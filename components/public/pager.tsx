import Link from "next/link";

/** Previous / next links of a result list; plain links, so paging works without JavaScript. */
export function Pager({
  previous,
  next,
  label = "翻页",
}: {
  previous: string | null;
  next: string | null;
  label?: string;
}) {
  if (previous === null && next === null) return null;
  return (
    <nav aria-label={label} className="mt-3 flex justify-between text-sm">
      {previous !== null ? (
        <Link href={previous} rel="prev" className="rounded-md px-2 py-2 text-brand-700 underline">
          ← 上一页
        </Link>
      ) : (
        <span />
      )}
      {next !== null && (
        <Link href={next} rel="next" className="rounded-md px-2 py-2 text-brand-700 underline">
          下一页 →
        </Link>
      )}
    </nav>
  );
}

/** The current path with `params` as its query string, leaving out empty values. */
export function hrefWith(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
