/**
 * Public search over the drug catalogue (药品目录) and the treatment items (诊疗项目): by a name fragment
 * (Chinese or Latin, every term must occur), by a code prefix, and by class; ordered by code with keyset
 * pagination (`after` / `before` a code, so page 500 costs what page 1 costs).
 *
 * Why this SQL (measured by bench/catalogue.ts at 100,000 rows, see bench/results-catalogue.md):
 * - `name LIKE '%…%'` and `code LIKE 'X…%'` are served by the pg_trgm GIN indexes (drugs_name_trgm,
 *   drugs_code_trgm, …) when a term has 3+ characters; pg_trgm splits Chinese text into trigrams like
 *   any other. A 1-2 character term has no trigram, so Postgres scans the table.
 * - LIKE, not ILIKE, unless the term has Latin letters: ILIKE lower-cases every multibyte name first and
 *   made a scan 3-4 times slower; Chinese has no case.
 * - With a search, rows are ordered by `code COLLATE "C"` (the same order for these ASCII codes): the
 *   planner then cannot walk the code btree filtering row by row — with a common term whose matches lie
 *   far down the code order it did, 150 ms instead of 0.6 ms — so it takes the matches from the trigram
 *   index and sorts only those. Without a search the btree order is the fast path and is kept.
 * - The count stops at COUNT_CAP + 1, so a broad search never counts the whole table.
 */
import type { Db } from "@/lib/db/client";
import { type CatalogueClass, parseSearchText } from "@/lib/domain/catalogue-query";
import { Prisma } from "@/lib/generated/prisma/client";

export const CATALOGUE_PAGE_SIZE = 20;
export const COUNT_CAP = 1000;

export interface CatalogueSearchOptions {
  q?: string;
  class?: CatalogueClass;
  after?: string;
  before?: string;
  /** Rows per page (default CATALOGUE_PAGE_SIZE); tests and the bench use others. */
  limit?: number;
}

export interface CataloguePage<Row> {
  rows: Row[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
  /** Pass as `before` for the previous page; null on the first one. */
  previousCursor: string | null;
  /** Matching rows, counted up to COUNT_CAP + 1 ("more than 1000"). */
  total: number;
  totalCapped: boolean;
  /** The terms the names were matched on (for highlighting); empty without a query. */
  terms: string[];
}

export interface DrugItem {
  code: string;
  name: string;
  dosageForm: string;
  specification: string | null;
  category: string | null;
  class: string;
  paymentNotes: string | null;
}

export interface TreatmentItem {
  code: string;
  name: string;
  unit: string;
  category: string | null;
  class: string;
  paymentNotes: string | null;
}

type Table = "drugs" | "treatment_items";

const COLUMNS: Record<Table, Prisma.Sql> = {
  drugs: Prisma.sql`code, name, dosage_form AS "dosageForm", specification, category, class, payment_notes AS "paymentNotes"`,
  treatment_items: Prisma.sql`code, name, unit, category, class, payment_notes AS "paymentNotes"`,
};

/** `name LIKE pattern`, or ILIKE when the pattern has Latin letters (see above). */
export function nameMatches(column: Prisma.Sql, pattern: string): Prisma.Sql {
  return /[A-Za-z]/.test(pattern)
    ? Prisma.sql`${column} ILIKE ${pattern}`
    : Prisma.sql`${column} LIKE ${pattern}`;
}

/** The WHERE clause without the cursor. */
function conditions(options: CatalogueSearchOptions): {
  where: Prisma.Sql[];
  terms: string[];
  searched: boolean;
} {
  const where: Prisma.Sql[] = [];
  const search = parseSearchText(options.q);
  if (search) {
    const byName = Prisma.join(
      search.patterns.map((p) => nameMatches(Prisma.sql`name`, p)),
      " AND ",
    );
    where.push(
      search.codePattern === null ? byName : Prisma.sql`(code LIKE ${search.codePattern} OR (${byName}))`,
    );
  }
  if (options.class) where.push(Prisma.sql`class = ${options.class}`);
  return { where, terms: search?.terms ?? [], searched: search !== null };
}

function whereSql(parts: Prisma.Sql[]): Prisma.Sql {
  return parts.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}`;
}

async function searchTable<Row extends { code: string }>(
  database: Db,
  table: Table,
  options: CatalogueSearchOptions,
): Promise<CataloguePage<Row>> {
  const limit = options.limit ?? CATALOGUE_PAGE_SIZE;
  const { where, terms, searched } = conditions(options);
  const key = searched ? Prisma.sql`code COLLATE "C"` : Prisma.sql`code`;
  const goingBack = options.before !== undefined && options.after === undefined;
  const cursor = goingBack
    ? Prisma.sql`${key} < ${options.before}`
    : options.after !== undefined
      ? Prisma.sql`${key} > ${options.after}`
      : null;
  // `table` is one of two constants, never user input.
  const from = Prisma.raw(`"${table}"`);

  const [fetched, counted] = await Promise.all([
    database.$queryRaw<Row[]>`
      SELECT ${COLUMNS[table]} FROM ${from}
      ${whereSql(cursor ? [...where, cursor] : where)}
      ORDER BY ${key} ${goingBack ? Prisma.raw("DESC") : Prisma.raw("ASC")}
      LIMIT ${limit + 1}`,
    database.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} ${whereSql(where)} LIMIT ${COUNT_CAP + 1}) AS capped`,
  ]);

  const hasMore = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (goingBack) rows.reverse();
  const first = rows[0]?.code ?? null;
  const last = rows.at(-1)?.code ?? null;
  const total = counted[0]?.n ?? 0;
  return {
    rows,
    nextCursor: goingBack ? (options.before !== undefined ? last : null) : hasMore ? last : null,
    previousCursor: goingBack ? (hasMore ? first : null) : options.after !== undefined ? first : null,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    terms,
  };
}

export function searchDrugs(
  database: Db,
  options: CatalogueSearchOptions = {},
): Promise<CataloguePage<DrugItem>> {
  return searchTable<DrugItem>(database, "drugs", options);
}

export function searchTreatmentItems(
  database: Db,
  options: CatalogueSearchOptions = {},
): Promise<CataloguePage<TreatmentItem>> {
  return searchTable<TreatmentItem>(database, "treatment_items", options);
}
