import { describe, expect, test } from "vitest";
import { DRUGS, parseDrugLines, parseTreatmentLines, TREATMENT_ITEMS } from "./catalogues";

describe("the curated catalogues", () => {
  test("a few hundred drugs and treatment items with unique codes", () => {
    expect(DRUGS.length).toBeGreaterThanOrEqual(300);
    expect(TREATMENT_ITEMS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(DRUGS.map((d) => d.code)).size).toBe(DRUGS.length);
    expect(new Set(TREATMENT_ITEMS.map((t) => t.code)).size).toBe(TREATMENT_ITEMS.length);
  });

  test("codes follow the made-up national pattern and fit the columns", () => {
    for (const d of DRUGS) expect(d.code).toMatch(/^[XZ][A-Z0-9]{7,}$/);
    for (const t of TREATMENT_ITEMS) expect(t.code).toMatch(/^\d{9}$/);
    for (const row of [...DRUGS, ...TREATMENT_ITEMS]) expect(row.code.length).toBeLessThanOrEqual(32);
  });

  test("every class occurs in both catalogues, and a 丙 row says why the fund does not pay", () => {
    for (const rows of [DRUGS, TREATMENT_ITEMS]) {
      expect(new Set(rows.map((r) => r.class))).toEqual(new Set(["甲", "乙", "丙"]));
      for (const r of rows.filter((r) => r.class === "丙"))
        expect(r.paymentNotes, r.code).toMatch(/不予支付/);
    }
  });

  test("the fund's rules of seed 001 appear in the notes (dialysis, anti-rejection drugs)", () => {
    expect(TREATMENT_ITEMS.find((t) => t.name === "血液透析")?.paymentNotes).toMatch(/门诊特殊疾病/);
    expect(DRUGS.find((d) => d.name === "他克莫司胶囊")?.paymentNotes).toMatch(/抗排异/);
  });
});

describe("parsers", () => {
  test.each([
    {
      label: "a drug row under its category, empty notes become null",
      text: "# 抗感染药\nXJ01CA04A002|阿莫西林胶囊|口服常释剂型|0.25g|甲|\n",
      expected: [
        {
          code: "XJ01CA04A002",
          name: "阿莫西林胶囊",
          dosageForm: "口服常释剂型",
          specification: "0.25g",
          category: "抗感染药",
          class: "甲",
          paymentNotes: null,
        },
      ],
    },
  ])("drugs: $label", ({ text, expected }) => {
    expect(parseDrugLines(text)).toEqual(expected);
  });

  test.each([
    { label: "no category", text: "110200001|普通门诊诊查费|次|甲|", error: /缺少分类行/ },
    { label: "a missing field", text: "# 综合\n110200001|普通门诊诊查费|甲|", error: /应有5个字段/ },
    { label: "an unknown class", text: "# 综合\n110200001|普通门诊诊查费|次|丁|", error: /甲、乙或丙/ },
    { label: "an empty name", text: "# 综合\n110200001||次|甲|", error: /不能为空/ },
  ])("treatment items refuse $label", ({ text, error }) => {
    expect(() => parseTreatmentLines(text)).toThrow(error);
  });
});
