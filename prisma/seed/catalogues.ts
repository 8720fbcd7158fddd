/**
 * Loads the curated drug and treatment-item catalogues (prisma/seed/catalogue-data.ts) into `drugs` and
 * `treatment_items`. The parsers are pure and checked by catalogues.test.ts; the loader is idempotent
 * (existing codes are left as they are).
 */
import type { Db } from "@/lib/db/client";
import { CATALOGUE_CLASSES, type CatalogueClass } from "@/lib/domain/catalogue-query";
import { DRUG_LINES, TREATMENT_LINES } from "./catalogue-data";

export interface DrugRow {
  code: string;
  name: string;
  dosageForm: string;
  specification: string;
  category: string;
  class: CatalogueClass;
  paymentNotes: string | null;
}

export interface TreatmentRow {
  code: string;
  name: string;
  unit: string;
  category: string;
  class: CatalogueClass;
  paymentNotes: string | null;
}

function isClass(value: string): value is CatalogueClass {
  return (CATALOGUE_CLASSES as readonly string[]).includes(value);
}

/** Splits the text into rows of `fields` cells, each with the category of the "# …" line above it. */
function parseLines(text: string, fields: number, what: string): { category: string; cells: string[] }[] {
  const rows: { category: string; cells: string[] }[] = [];
  let category: string | null = null;
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    if (line.startsWith("#")) {
      category = line.slice(1).trim();
      return;
    }
    const cells = line.split("|").map((c) => c.trim());
    const where = `${what} 第${index + 1}行`;
    if (category === null) throw new Error(`${where}:缺少分类行`);
    if (cells.length !== fields) throw new Error(`${where}:应有${fields}个字段,实有${cells.length}个`);
    if (cells.slice(0, fields - 1).some((c) => c === "")) throw new Error(`${where}:字段不能为空`);
    rows.push({ category, cells });
  });
  return rows;
}

export function parseDrugLines(text: string): DrugRow[] {
  return parseLines(text, 6, "药品").map(({ category, cells }) => {
    const [code, name, dosageForm, specification, cls, notes] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!isClass(cls)) throw new Error(`药品 ${code}:类别应为甲、乙或丙`);
    return { code, name, dosageForm, specification, category, class: cls, paymentNotes: notes || null };
  });
}

export function parseTreatmentLines(text: string): TreatmentRow[] {
  return parseLines(text, 5, "诊疗项目").map(({ category, cells }) => {
    const [code, name, unit, cls, notes] = cells as [string, string, string, string, string];
    if (!isClass(cls)) throw new Error(`诊疗项目 ${code}:类别应为甲、乙或丙`);
    return { code, name, unit, category, class: cls, paymentNotes: notes || null };
  });
}

export const DRUGS: readonly DrugRow[] = parseDrugLines(DRUG_LINES);
export const TREATMENT_ITEMS: readonly TreatmentRow[] = parseTreatmentLines(TREATMENT_LINES);

export async function seedCatalogues(database: Db): Promise<{ drugs: number; treatmentItems: number }> {
  await database.drug.createMany({ data: [...DRUGS], skipDuplicates: true });
  await database.treatmentItem.createMany({ data: [...TREATMENT_ITEMS], skipDuplicates: true });
  return { drugs: DRUGS.length, treatmentItems: TREATMENT_ITEMS.length };
}
