/**
 * Public directory of designated institutions (定点医药机构): hospitals, clinics, pharmacies and fitness
 * venues, searched by name or code and filtered by district, level (一级/二级/三级) and type. About a
 * hundred rows, so plain page numbers are enough here (unlike the catalogues' keyset pages).
 */
import type { Db } from "@/lib/db/client";
import {
  type InstitutionLevel,
  type InstitutionTypeName,
  parseSearchText,
} from "@/lib/domain/catalogue-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { nameMatches } from "./search-catalogue";

export const INSTITUTION_PAGE_SIZE = 20;

export interface InstitutionSearchOptions {
  q?: string;
  district?: string;
  level?: InstitutionLevel;
  type?: InstitutionTypeName;
  page?: number;
}

export interface InstitutionRow {
  code: string;
  name: string;
  level: string | null;
  type: InstitutionTypeName;
  districtCode: string;
  districtName: string;
}

export interface InstitutionPage {
  rows: InstitutionRow[];
  total: number;
  page: number;
  pages: number;
  terms: string[];
}

export async function searchInstitutions(
  database: Db,
  options: InstitutionSearchOptions = {},
): Promise<InstitutionPage> {
  const where: Prisma.Sql[] = [];
  const search = parseSearchText(options.q);
  if (search) {
    const byName = Prisma.join(
      search.patterns.map((p) => nameMatches(Prisma.sql`i.name`, p)),
      " AND ",
    );
    where.push(
      search.codePattern === null ? byName : Prisma.sql`(i.code LIKE ${search.codePattern} OR (${byName}))`,
    );
  }
  if (options.district) where.push(Prisma.sql`i.district_code = ${options.district}`);
  // Levels are stored as 三级甲等 / 二级乙等 / 一级: the filter asks for the grade, whatever the class.
  if (options.level) where.push(Prisma.sql`i.level LIKE ${`${options.level}%`}`);
  if (options.type) where.push(Prisma.sql`i.type = ${options.type}::"InstitutionType"`);
  const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;

  const [counted] = await database.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM institutions i ${whereSql}`;
  const total = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / INSTITUTION_PAGE_SIZE));
  const page = Math.min(options.page ?? 1, pages);
  const rows = await database.$queryRaw<InstitutionRow[]>`
    SELECT i.code, i.name, i.level, i.type::text AS type, i.district_code AS "districtCode", d.name AS "districtName"
    FROM institutions i JOIN districts d ON d.code = i.district_code
    ${whereSql}
    ORDER BY i.district_code,
      CASE i.type WHEN 'HOSPITAL' THEN 0 WHEN 'CLINIC' THEN 1 WHEN 'PHARMACY' THEN 2 ELSE 3 END,
      i.level DESC NULLS LAST, i.code
    LIMIT ${INSTITUTION_PAGE_SIZE} OFFSET ${(page - 1) * INSTITUTION_PAGE_SIZE}`;
  return { rows, total, page, pages, terms: search?.terms ?? [] };
}

/** Districts that have at least one institution, for the district filter. */
export async function listInstitutionDistricts(database: Db): Promise<{ code: string; name: string }[]> {
  return database.district.findMany({
    where: { institutions: { some: {} } },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
}
