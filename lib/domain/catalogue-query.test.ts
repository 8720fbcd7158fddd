import { describe, expect, test } from "vitest";
import {
  catalogueParamsSchema,
  escapeLike,
  highlight,
  institutionParamsSchema,
  parseSearchText,
  readParams,
} from "./catalogue-query";

describe("parseSearchText", () => {
  test.each([
    { label: "nothing typed", raw: undefined, expected: null },
    { label: "only spaces", raw: "  \u3000 ", expected: null },
    {
      label: "a Chinese fragment",
      raw: "莫西林",
      expected: {
        text: "莫西林",
        terms: ["莫西林"],
        patterns: ["%莫西林%"],
        codePattern: null,
        short: false,
      },
    },
    {
      label: "two Chinese characters are too short for the trigram index",
      raw: "西林",
      expected: { text: "西林", terms: ["西林"], patterns: ["%西林%"], codePattern: null, short: true },
    },
    {
      label: "a code prefix in lower case, also tried as a name fragment",
      raw: " xj01ca ",
      expected: {
        text: "xj01ca",
        terms: ["xj01ca"],
        patterns: ["%xj01ca%"],
        codePattern: "XJ01CA%",
        short: false,
      },
    },
    {
      label: "full-width letters and digits from a Chinese IME",
      raw: "ＸＪ０１",
      expected: { text: "XJ01", terms: ["XJ01"], patterns: ["%XJ01%"], codePattern: "XJ01%", short: false },
    },
    {
      label: "a numeric treatment code",
      raw: "110200",
      expected: {
        text: "110200",
        terms: ["110200"],
        patterns: ["%110200%"],
        codePattern: "110200%",
        short: false,
      },
    },
    {
      label: "several terms, repeated spaces and the ideographic space",
      raw: "阿莫西林\u3000\u3000胶囊  阿莫西林",
      expected: {
        text: "阿莫西林 胶囊 阿莫西林",
        terms: ["阿莫西林", "胶囊"],
        patterns: ["%阿莫西林%", "%胶囊%"],
        codePattern: null,
        short: true,
      },
    },
    {
      label: "LIKE wildcards are taken literally",
      raw: "50%_a\\",
      expected: {
        text: "50%_a\\",
        terms: ["50%_a\\"],
        patterns: ["%50\\%\\_a\\\\%"],
        codePattern: null,
        short: false,
      },
    },
    {
      label: "a mixed name with Latin letters is not a code",
      raw: "CT血管",
      expected: {
        text: "CT血管",
        terms: ["CT血管"],
        patterns: ["%CT血管%"],
        codePattern: null,
        short: false,
      },
    },
  ])("$label", ({ raw, expected }) => {
    expect(parseSearchText(raw)).toEqual(expected);
  });

  test("cuts long input to 40 characters and keeps at most 4 terms", () => {
    expect(parseSearchText("药".repeat(100))!.text).toHaveLength(40);
    expect(parseSearchText("一 二 三 四 五 六")!.terms).toEqual(["一", "二", "三", "四"]);
  });
});

describe("escapeLike", () => {
  test.each([
    { label: "plain text", input: "阿莫西林", expected: "阿莫西林" },
    { label: "percent", input: "5%", expected: "5\\%" },
    { label: "underscore", input: "a_b", expected: "a\\_b" },
    { label: "backslash", input: "a\\b", expected: "a\\\\b" },
  ])("$label", ({ input, expected }) => {
    expect(escapeLike(input)).toBe(expected);
  });
});

describe("highlight", () => {
  test.each([
    {
      label: "no terms",
      name: "阿莫西林胶囊",
      terms: [],
      expected: [{ text: "阿莫西林胶囊", match: false }],
    },
    {
      label: "a fragment in the middle",
      name: "阿莫西林胶囊",
      terms: ["莫西"],
      expected: [
        { text: "阿", match: false },
        { text: "莫西", match: true },
        { text: "林胶囊", match: false },
      ],
    },
    {
      label: "two terms, case-insensitive Latin",
      name: "CT血管成像(CTA)",
      terms: ["cta", "血管"],
      expected: [
        { text: "CT", match: false },
        { text: "血管", match: true },
        { text: "成像(", match: false },
        { text: "CTA", match: true },
        { text: ")", match: false },
      ],
    },
    {
      label: "overlapping matches merge",
      name: "藿香正气水",
      terms: ["藿香", "香正"],
      expected: [
        { text: "藿香正", match: true },
        { text: "气水", match: false },
      ],
    },
    {
      label: "a letter that lower-cases to two characters (İ) does not shift the match (found by fuzzing)",
      name: "İbuprofen 布洛芬",
      terms: ["bup"],
      expected: [
        { text: "İ", match: false },
        { text: "bup", match: true },
        { text: "rofen 布洛芬", match: false },
      ],
    },
  ])("$label", ({ name, terms, expected }) => {
    expect(highlight(name, terms)).toEqual(expected);
  });
});

describe("readParams", () => {
  test.each([
    { label: "empty", raw: {}, expected: { params: {}, invalid: [] } },
    {
      label: "a query, a class and a cursor",
      raw: { q: "阿莫西林", class: "甲", after: "XJ01CA04A002" },
      expected: { params: { q: "阿莫西林", class: "甲", after: "XJ01CA04A002" }, invalid: [] },
    },
    { label: "blank values are left out", raw: { q: "", class: "" }, expected: { params: {}, invalid: [] } },
    {
      label: "a bad class is dropped and reported, the query kept",
      raw: { q: "头孢", class: "丁" },
      expected: { params: { q: "头孢" }, invalid: ["class"] },
    },
    {
      label: "a cursor with SQL in it is refused",
      raw: { after: "X' OR 1=1 --" },
      expected: { params: {}, invalid: ["after"] },
    },
    {
      label: "a repeated parameter takes the first",
      raw: { class: ["乙", "甲"] },
      expected: { params: { class: "乙" }, invalid: [] },
    },
  ])("catalogue: $label", ({ raw, expected }) => {
    expect(readParams(catalogueParamsSchema, raw)).toEqual(expected);
  });

  test.each([
    {
      label: "all filters",
      raw: { q: "医院", district: "500103", level: "三级", type: "HOSPITAL", page: "2" },
      expected: {
        params: { q: "医院", district: "500103", level: "三级", type: "HOSPITAL", page: 2 },
        invalid: [],
      },
    },
    {
      label: "bad district, level, type and page",
      raw: { district: "5001", level: "四级", type: "SPA", page: "0" },
      expected: { params: {}, invalid: ["district", "level", "type", "page"] },
    },
  ])("institutions: $label", ({ raw, expected }) => {
    expect(readParams(institutionParamsSchema, raw)).toEqual(expected);
  });
});
