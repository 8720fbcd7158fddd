import Link from "next/link";

/** 较新 / 较早 links for keyset pages; works without JavaScript. */
export function Pager({ newerHref, olderHref }: { newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label="翻页" className="mt-3 flex justify-between text-sm no-print">
      {newerHref ? (
        <Link href={newerHref} className="text-brand-700 underline">
          ← 较新记录
        </Link>
      ) : (
        <span />
      )}
      {olderHref && (
        <Link href={olderHref} className="text-brand-700 underline">
          较早记录 →
        </Link>
      )}
    </nav>
  );
}
