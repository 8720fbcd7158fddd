/**
 * The public search services against real Postgres with the curated seed data: Chinese fragments of
 * every length, code prefixes, classes, keyset pages both ways, the capped count, LIKE wildcards taken
 * literally; the institution filters; the agency that handles a district.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { listAgencies } from "@/lib/services/list-agencies";
import { COUNT_CAP, searchDrugs, searchTreatmentItems } from "@/lib/services/search-catalogue";
import { searchInstitutions } from "@/lib/services/search-institutions";
import { DRUGS, seedCatalogues, TREATMENT_ITEMS } from "@/prisma/seed/catalogues";
import { CHONGQING_DISTRICTS } from "@/prisma/seed/districts";
import { AGENCIES } from "@/prisma/seed/generate";
import { INSTITUTIONS } from "@/prisma/seed/institutions";
import { truncateAll } from "@/tests/factories";

let db: Db;

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  await truncateAll(db);
  await db.district.createMany({ data: CHONGQING_DISTRICTS.map((d) => ({ ...d })) });
  await db.agency.createMany({ data: AGENCIES.map((a) => ({ ...a })) });
  await db.institution.createMany({ data: INSTITUTIONS.map((i) => ({ ...i })) });
  await seedCatalogues(db);
});

afterAll(async () => {
  await db.$disconnect();
});

/** Every drug page of a search, walked with `after`. */
async function allDrugPages(options: Parameters<typeof searchDrugs>[1]) {
  const codes: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await searchDrugs(db, { ...options, after });
    codes.push(...page.rows.map((r) => r.code));
    if (page.nextCursor === null) return codes;
    after = page.nextCursor;
  }
  throw new Error("too many pages");
}

describe("searchDrugs / searchTreatmentItems", () => {
  it("loaded the curated catalogues, and loading again adds nothing", async () => {
    expect(await db.drug.count()).toBe(DRUGS.length);
    await seedCatalogues(db);
    expect(await db.drug.count()).toBe(DRUGS.length);
    expect(await db.treatmentItem.count()).toBe(TREATMENT_ITEMS.length);
  });

  it.each([
    { label: "three characters (trigram index)", q: "莫西林" },
    { label: "two characters (scan)", q: "西林" },
    { label: "one character (scan)", q: "丸" },
    { label: "a whole name", q: "阿莫西林胶囊" },
  ])("finds exactly the drugs whose name contains a Chinese fragment: $label", async ({ q }) => {
    const expected = DRUGS.filter((d) => d.name.includes(q))
      .map((d) => d.code)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await allDrugPages({ q })).toEqual(expected);
  });

  it("finds a drug by its code prefix, typed in lower case or full width", async () => {
    const lower = await searchDrugs(db, { q: "xj01ca04" });
    expect(lower.rows.map((r) => r.name)).toEqual(["阿莫西林片", "阿莫西林胶囊", "阿莫西林颗粒"]);
    const fullWidth = await searchDrugs(db, { q: "ＸＪ０１ＣＡ０４Ａ００２" });
    expect(fullWidth.rows).toEqual([
      {
        code: "XJ01CA04A002",
        name: "阿莫西林胶囊",
        dosageForm: "口服常释剂型",
        specification: "0.25g、0.5g",
        category: "全身用抗感染药",
        class: "甲",
        paymentNotes: null,
      },
    ]);
  });

  it("finds treatment items by code prefix and by name, with Latin letters in any case", async () => {
    const consult = await searchTreatmentItems(db, { q: "1102000" });
    expect(consult.rows.map((r) => r.code)).toEqual(
      TREATMENT_ITEMS.filter((t) => t.code.startsWith("1102000")).map((t) => t.code),
    );
    const cta = await searchTreatmentItems(db, { q: "cta" });
    expect(cta.rows.map((r) => r.name)).toEqual(["CT血管成像(CTA)"]);
    expect(cta.terms).toEqual(["cta"]);
  });

  it("needs every term of a multi-word query, and filters by class", async () => {
    const both = await searchDrugs(db, { q: "头孢 注射用" });
    expect(both.rows.length).toBeGreaterThan(3);
    for (const r of both.rows) expect(r.name).toMatch(/^注射用.*头孢/);
    const classB = await allDrugPages({ q: "胰岛素", class: "乙" });
    expect(classB).toEqual(
      DRUGS.filter((d) => d.name.includes("胰岛素") && d.class === "乙")
        .map((d) => d.code)
        .sort(),
    );
    const none = await searchDrugs(db, { q: "胰岛素", class: "丙" });
    expect(none).toMatchObject({ rows: [], total: 0, nextCursor: null, previousCursor: null });
  });

  it("takes % and _ literally", async () => {
    const percent = await searchDrugs(db, { q: "%" });
    expect(percent.rows.map((r) => r.name)).toEqual(["医用酒精(75%乙醇)"]);
    expect((await searchDrugs(db, { q: "_" })).rows).toEqual([]);
  });

  it("pages by code both ways without gaps or repeats", async () => {
    const all = DRUGS.filter((d) => d.class === "甲")
      .map((d) => d.code)
      .sort();
    expect(await allDrugPages({ class: "甲" })).toEqual(all);

    const first = await searchDrugs(db, { class: "甲" });
    expect(first.previousCursor).toBeNull();
    expect(first.total).toBe(all.length);
    const second = await searchDrugs(db, { class: "甲", after: first.nextCursor! });
    expect(second.rows[0]!.code).toBe(all[20]);
    expect(second.previousCursor).toBe(all[20]);
    const back = await searchDrugs(db, { class: "甲", before: second.previousCursor! });
    expect(back.rows.map((r) => r.code)).toEqual(all.slice(0, 20));
    expect(back.previousCursor).toBeNull();
    expect(back.nextCursor).toBe(all[19]);
  });

  it("counts up to the cap and says when there are more", async () => {
    const extra = Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
      code: `XTEST${String(i).padStart(5, "0")}`,
      name: `测试批量药品${i}片`,
      dosageForm: "口服常释剂型",
      class: "乙",
    }));
    await db.drug.createMany({ data: extra });
    try {
      const page = await searchDrugs(db, { q: "测试批量" });
      expect(page).toMatchObject({ total: COUNT_CAP, totalCapped: true });
      expect(page.rows).toHaveLength(20);
      const exact = await searchDrugs(db, { q: "测试批量药品1000片" });
      expect(exact).toMatchObject({ total: 1, totalCapped: false });
    } finally {
      await db.drug.deleteMany({ where: { code: { startsWith: "XTEST" } } });
    }
  });

  it("lets Postgres answer a 3-character Chinese fragment and a code prefix from the trigram indexes", async () => {
    const plans = await db.$transaction(async (tx) => {
      // A few hundred rows are cheaper to scan: forbid the scans to see whether the index can serve at all.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
      const byName = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT code FROM drugs WHERE name ILIKE ${"%莫西林%"}`;
      const byCode = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT code FROM treatment_items WHERE code LIKE ${"1102%"}`;
      return [byName, byCode].map((rows) => rows.map((r) => r["QUERY PLAN"]).join("\n"));
    });
    expect(plans[0]).toContain("drugs_name_trgm");
    // The code prefix may go to the trigram index or the unique btree; either avoids reading the table.
    expect(plans[1]).toMatch(/Index Scan on treatment_items_code_(trgm|key)/);
  });
});

describe("searchInstitutions", () => {
  it("filters by district, level and type, and searches names", async () => {
    const yuzhongTertiary = await searchInstitutions(db, {
      district: "500103",
      level: "三级",
      type: "HOSPITAL",
    });
    expect(yuzhongTertiary.rows.map((r) => r.code)).toEqual(
      INSTITUTIONS.filter(
        (i) => i.districtCode === "500103" && i.type === "HOSPITAL" && i.level?.startsWith("三级"),
      ).map((i) => i.code),
    );
    expect(yuzhongTertiary.rows[0]).toMatchObject({ districtName: "渝中区", type: "HOSPITAL" });

    const fitness = await searchInstitutions(db, { type: "FITNESS" });
    expect(fitness.total).toBe(INSTITUTIONS.filter((i) => i.type === "FITNESS").length);
    for (const r of fitness.rows) expect(r.level).toBeNull();

    const byName = await searchInstitutions(db, { q: "和平药房" });
    expect(byName.rows.length).toBeGreaterThan(3);
    for (const r of byName.rows) expect(r.name).toContain("和平药房");

    const byCode = await searchInstitutions(db, { q: "h50010300001" });
    expect(byCode.rows.map((r) => r.name)).toEqual(["重庆医科大学附属第一医院"]);
  });

  it("pages through all institutions and clamps a page past the end", async () => {
    const first = await searchInstitutions(db, {});
    expect(first.total).toBe(INSTITUTIONS.length);
    expect(first.pages).toBe(Math.ceil(INSTITUTIONS.length / 20));
    const codes: string[] = [];
    for (let page = 1; page <= first.pages; page++)
      codes.push(...(await searchInstitutions(db, { page })).rows.map((r) => r.code));
    expect(codes.sort()).toEqual(INSTITUTIONS.map((i) => i.code).sort());
    expect((await searchInstitutions(db, { page: 99 })).page).toBe(first.pages);
  });
});

describe("listAgencies", () => {
  it("lists the centre and the four offices of seed 000 with their phones", async () => {
    const { agencies, districts } = await listAgencies(db);
    expect(districts).toHaveLength(38);
    expect(agencies.map((a) => a.name)).toEqual([
      "重庆市医疗保险管理中心",
      "重庆市万州区城镇职工基本医疗保险中心",
      "重庆市涪陵区医疗保险事业管理中心",
      "重庆市医疗保险管理中心渝中区分中心",
      "重庆市医疗保险管理中心大渡口区分中心",
    ]);
    expect(agencies[0]).toMatchObject({
      address: "重庆市渝中区人民路13号",
      postCode: "400015",
      phones: ["023-63892206"],
    });
    expect(agencies[1]!.phones).toEqual(["023-58240606", "023-58240330", "023-58340326"]);
  });

  it.each([
    {
      label: "a district with its own office",
      district: "500104",
      handledBy: "重庆市医疗保险管理中心大渡口区分中心",
      ownOffice: true,
    },
    {
      label: "a district without one goes to the city centre",
      district: "500112",
      handledBy: "重庆市医疗保险管理中心",
      ownOffice: false,
    },
  ])("answers who handles $label", async ({ district, handledBy, ownOffice }) => {
    const { selected } = await listAgencies(db, { district });
    expect(selected).toMatchObject({ code: district, ownOffice, handledBy: { name: handledBy } });
  });

  it("ignores an unknown district", async () => {
    expect((await listAgencies(db, { district: "999999" })).selected).toBeNull();
  });
});
