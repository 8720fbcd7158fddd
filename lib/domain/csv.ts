/**
 * CSV for people who open it in Excel (WPS reads it the same way): UTF-8 with a byte-order mark so the
 * Chinese is not read as GBK, CRLF line ends and RFC 4180 quoting.
 *
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return
 * that hides one) as a formula, so a text cell that starts with one of them gets a leading apostrophe,
 * which Excel shows as plain text and does not print. Amounts are not text: they are written by
 * `csvAmount` from integer fen as "-6.00" (no thousands separator, no ¥), so Excel reads them as numbers
 * and sums them, and a minus sign there is a sign, never the start of a formula. No caller-typed string
 * can reach a cell as an amount.
 */
import { type Fen, formatYuanPlain } from "./money";

/** A cell: text (guarded and quoted as needed) or an amount in fen. */
export type CsvCell = string | { amountFen: Fen } | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export const CSV_BOM = "\uFEFF";

/** "-6.00": a plain decimal yuan amount that a spreadsheet reads as a number. */
export function csvAmount(fen: Fen): string {
  return formatYuanPlain(fen).replaceAll(",", "");
}

/** A text cell: a leading formula character is neutralised, then the cell is quoted if it must be. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "string") return csvText(value);
  return csvAmount(value.amountFen);
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(cell).join(",")}\r\n`;
}

/** The whole file: BOM, header line, one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = CSV_BOM + csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}

/**
 * Reads CSV back into rows of raw cell strings (quotes removed, BOM dropped). It undoes the quoting
 * only; a guarded cell keeps its apostrophe, as Excel's cell would keep the text after it.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (ch === "\r" && input[i + 1] === "\n") i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Content-Disposition for a download with a Chinese file name (RFC 6266 with RFC 5987's filename*):
 * old clients get the ASCII fallback, every current browser the UTF-8 name.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // A lone surrogate made encodeURIComponent throw URIError (found by fuzzing): write it as U+FFFD.
  const wellFormed = fileName.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
  const encoded = encodeURIComponent(wellFormed).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
