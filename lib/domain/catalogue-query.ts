/**
 * What a visitor typed into a catalogue search box, read once: full-width characters folded, terms split
 * on spaces, LIKE wildcards escaped, and whether the text could also be a code prefix. Pure; the SQL that
 * uses it lives in lib/services/search-catalogue.ts.
 */
import { z } from "zod";
import { normalizeInput } from "./input";

/** Longer input is cut: nobody types more, and it keeps the patterns small. */
export const MAX_QUERY_LENGTH = 40;
const MAX_TERMS = 4;

/**
 * pg_trgm can use its index for a LIKE pattern only when a term has at least 3 characters (one trigram);
 * shorter terms are matched by scanning (measured in bench/catalogue.ts).
 */
export const TRIGRAM_MIN_LENGTH = 3;

export interface SearchText {
  /** The cleaned text, as shown back in the search box. */
  text: string;
  /** Space-separated terms, each must occur in the name (AND). */
  terms: string[];
  /** `%term%` for each term, with %, _ and \ escaped. */
  patterns: string[];
  /** Uppercased prefix pattern (`XJ01%`) when the text is a single run of letters and digits, else null. */
  codePattern: string | null;
  /** True when a term is too short for the trigram index. */
  short: boolean;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function parseSearchText(raw: string | null | undefined): SearchText | null {
  const text = normalizeInput(raw ?? "")
    .replace(/\s+/g, " ")
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
  if (text === "") return null;
  const terms = [...new Set(text.split(" "))].slice(0, MAX_TERMS);
  const single = terms.length === 1 ? terms[0]! : null;
  return {
    text,
    terms,
    patterns: terms.map((t) => `%${escapeLike(t)}%`),
    codePattern: single !== null && /^[A-Za-z0-9]+$/.test(single) ? `${single.toUpperCase()}%` : null,
    short: terms.some((t) => [...t].length < TRIGRAM_MIN_LENGTH),
  };
}

/**
 * Splits `name` into pieces, marking those that match one of the terms (case-insensitive), so a result
 * list can show why a row matched.
 */
export function highlight(name: string, terms: readonly string[]): { text: string; match: boolean }[] {
  const wanted = terms.filter((t) => t !== "").map((t) => t.toLowerCase());
  if (wanted.length === 0) return [{ text: name, match: false }];
  // Lower-cased one character at a time, remembering which characters of `name` each unit of `lower`
  // came from: "İ" lower-cases to two units, which shifted every later match (found by fuzzing).
  let lower = "";
  const startOf: number[] = [];
  const endOf: number[] = [];
  for (let i = 0; i < name.length; ) {
    const ch = String.fromCodePoint(name.codePointAt(i)!);
    const folded = ch.toLowerCase();
    lower += folded;
    for (let k = 0; k < folded.length; k++) {
      startOf.push(i);
      endOf.push(i + ch.length);
    }
    i += ch.length;
  }
  const marked = new Array<boolean>(name.length).fill(false);
  for (const term of wanted) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      marked.fill(true, startOf[at], endOf[at + term.length - 1]);
    }
  }
  const pieces: { text: string; match: boolean }[] = [];
  for (let i = 0; i < name.length; i++) {
    const last = pieces.at(-1);
    if (last && last.match === marked[i]) last.text += name[i];
    else pieces.push({ text: name[i]!, match: marked[i]! });
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------------
// Query-string parameters of the public search pages (GET forms, so they work without JavaScript)

export const CATALOGUE_CLASSES = ["甲", "乙", "丙"] as const;
export type CatalogueClass = (typeof CATALOGUE_CLASSES)[number];

export const INSTITUTION_LEVELS = ["三级", "二级", "一级"] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

export const INSTITUTION_TYPES = ["HOSPITAL", "CLINIC", "PHARMACY", "FITNESS"] as const;
export type InstitutionTypeName = (typeof INSTITUTION_TYPES)[number];

/** A keyset cursor is a catalogue code: letters and digits only. */
const cursor = z.string().regex(/^[A-Za-z0-9]{1,32}$/);
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const catalogueParamsSchema = z.object({
  q: optional(z.string().max(200)),
  class: optional(z.enum(CATALOGUE_CLASSES)),
  after: optional(cursor),
  before: optional(cursor),
});
export type CatalogueParams = z.infer<typeof catalogueParamsSchema>;

export const institutionParamsSchema = z.object({
  q: optional(z.string().max(200)),
  district: optional(z.string().regex(/^\d{6}$/)),
  level: optional(z.enum(INSTITUTION_LEVELS)),
  type: optional(z.enum(INSTITUTION_TYPES)),
  page: optional(z.coerce.number().int().min(1).max(1000)),
});
export type InstitutionParams = z.infer<typeof institutionParamsSchema>;

type RawParams = Record<string, string | string[] | undefined>;

/**
 * Reads the query string one parameter at a time: a bad value is dropped (and reported) while the good
 * ones still apply, so a hand-edited URL still shows a sensible page.
 */
export function readParams<S extends z.ZodObject>(
  schema: S,
  raw: RawParams,
): { params: z.infer<S>; invalid: string[] } {
  const params: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = raw[key];
    const single = Array.isArray(value) ? value[0] : value;
    const parsed = (field as z.ZodType).safeParse(single);
    if (parsed.success) {
      if (parsed.data !== undefined) params[key] = parsed.data;
    } else {
      invalid.push(key);
    }
  }
  return { params: params as z.infer<S>, invalid };
}
