/**
 * Chinese input methods often type full-width characters (１２３，Ｘ，．) and the ideographic space.
 * Folds those to ASCII and trims, so "５００１０３…" is read the same as "500103…".
 * Only the full-width ASCII block is folded (not NFKC), so "①" or "²" do not silently become digits.
 */
export function normalizeInput(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim();
}
