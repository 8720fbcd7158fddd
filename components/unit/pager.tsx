import Link from "next/link";

/** 上一页 / 下一页 links for keyset pages; plain links, so they work without JavaScript. */
export function Pager({
  prevHref,
  nextHref,
  summary,
}: {
  prevHref: string | null;
  nextHref: string | null;
  summary?: string;
}) {
  if (!prevHref && !nextHref && !summary) return null;
  return (
    <nav
      aria-label="翻页"
      className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm no-print"
    >
      {prevHref ? (
        <Link href={prevHref} className="text-brand-700 underline underline-offset-4" rel="prev">
          ← 上一页
        </Link>
      ) : (
        <span />
      )}
      {summary && <span className="text-slate-600">{summary}</span>}
      {nextHref ? (
        <Link href={nextHref} className="text-brand-700 underline underline-offset-4" rel="next">
          下一页 →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** Builds the pager's links for `path`, keeping the view's own parameters. */
export function pagerHrefs(
  path: string,
  keep: Record<string, string | number | undefined>,
  cursors: { prevCursor: number | null; nextCursor: number | null },
) {
  const href = (key: "after" | "before", cursor: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(keep)) if (v !== undefined && v !== "") p.set(k, String(v));
    p.set(key, String(cursor));
    return `${path}?${p}`;
  };
  return {
    prevHref: cursors.prevCursor === null ? null : href("before", cursors.prevCursor),
    nextHref: cursors.nextCursor === null ? null : href("after", cursors.nextCursor),
  };
}
