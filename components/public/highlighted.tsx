import { highlight } from "@/lib/domain/catalogue-query";

/** A name with the searched terms marked, so a visitor sees why a row matched. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlight(text, terms).map((piece, i) =>
        piece.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity beyond their place
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
