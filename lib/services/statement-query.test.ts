import { describe, expect, test } from "vitest";
import {
  formatSettlementCursor,
  idFromSegment,
  parseSettlementQuery,
  parseStatementQuery,
  statementFilterParams,
} from "./statement-query";

describe("parseStatementQuery", () => {
  test.each([
    { label: "nothing", raw: {}, query: {}, errors: {} },
    {
      label: "all filters",
      raw: { year: "2026", kind: "PHARMACY", from: "2026-01-01", to: "2026-03-31" },
      query: { year: 2026, kind: "PHARMACY", from: "2026-01-01", to: "2026-03-31" },
      errors: {},
    },
    { label: "empty values are no filter", raw: { year: "", kind: "", from: " " }, query: {}, errors: {} },
    { label: "cursor becomes a bigint", raw: { after: "12345" }, query: { after: 12345n }, errors: {} },
    { label: "first of repeated values", raw: { year: ["2025", "2026"] }, query: { year: 2025 }, errors: {} },
    {
      label: "bad year is refused, the rest kept",
      raw: { year: "20x6", kind: "OUTPATIENT" },
      query: { kind: "OUTPATIENT" },
      errors: { year: "年度无效" },
    },
    { label: "year out of range", raw: { year: "1999" }, query: {}, errors: { year: "年度无效" } },
    {
      label: "fund-side kind is not a statement kind",
      raw: { kind: "FUND_PAYMENT" },
      query: {},
      errors: { kind: "明细类型无效" },
    },
    { label: "unknown kind", raw: { kind: "'; DROP" }, query: {}, errors: { kind: "明细类型无效" } },
    {
      label: "impossible day",
      raw: { from: "2026-02-30" },
      query: {},
      errors: { from: "开始日期格式应为 YYYY-MM-DD,如 2026-01-31" },
    },
    {
      label: "day in the wrong format",
      raw: { to: "2026/01/31" },
      query: {},
      errors: { to: "结束日期格式应为 YYYY-MM-DD,如 2026-01-31" },
    },
    {
      label: "day out of range",
      raw: { from: "1999-12-31" },
      query: {},
      errors: { from: "开始日期超出可查询范围" },
    },
    {
      label: "end before start keeps the start",
      raw: { from: "2026-03-01", to: "2026-02-01" },
      query: { from: "2026-03-01" },
      errors: { to: "结束日期不能早于开始日期" },
    },
    {
      label: "same start and end day",
      raw: { from: "2026-03-01", to: "2026-03-01" },
      query: { from: "2026-03-01", to: "2026-03-01" },
      errors: {},
    },
    {
      label: "a cursor that is not digits",
      raw: { before: "-1" },
      query: {},
      errors: { before: "翻页参数无效" },
    },
    {
      label: "a cursor too long for bigint ids",
      raw: { after: "1".repeat(19) },
      query: {},
      errors: { after: "翻页参数无效" },
    },
  ])("$label", ({ raw, query, errors }) => {
    expect(parseStatementQuery(raw)).toEqual({ query, errors });
  });

  test("reads URLSearchParams too", () => {
    expect(parseStatementQuery(new URLSearchParams("kind=FITNESS&year=2025")).query).toEqual({
      kind: "FITNESS",
      year: 2025,
    });
  });

  test("filter params leave the cursors out", () => {
    expect(
      statementFilterParams({ year: 2026, kind: "PHARMACY", from: "2026-01-01", after: 5n }).toString(),
    ).toBe("year=2026&kind=PHARMACY&from=2026-01-01");
  });
});

describe("parseSettlementQuery", () => {
  test.each([
    { label: "year", raw: { year: "2025" }, query: { year: 2025 }, errors: {} },
    {
      label: "cursor of date and id",
      raw: { after: "2026-09-20.1946" },
      query: { after: { serviceDate: "2026-09-20", id: 1946 } },
      errors: {},
    },
    {
      label: "cursor with an impossible date",
      raw: { before: "2026-02-30.1" },
      query: {},
      errors: { before: "翻页参数无效" },
    },
    {
      label: "cursor without an id",
      raw: { after: "2026-09-20" },
      query: {},
      errors: { after: "翻页参数无效" },
    },
    {
      label: "cursor id too long for an integer column",
      raw: { after: "2026-09-20.1234567890" },
      query: {},
      errors: { after: "翻页参数无效" },
    },
  ])("$label", ({ raw, query, errors }) => {
    expect(parseSettlementQuery(raw)).toEqual({ query, errors });
  });

  test("a cursor written out reads back the same", () => {
    const c = { serviceDate: "2026-01-05", id: 42 };
    expect(parseSettlementQuery({ after: formatSettlementCursor(c) }).query.after).toEqual(c);
  });
});

describe("idFromSegment", () => {
  test.each([
    { label: "digits", segment: "10839", max: 18, expected: 10839n },
    { label: "letters", segment: "abc", max: 18, expected: null },
    { label: "negative", segment: "-5", max: 18, expected: null },
    { label: "encoded junk", segment: "1%20OR%201", max: 18, expected: null },
    { label: "too long for the column", segment: "1234567890", max: 9, expected: null },
    { label: "empty", segment: "", max: 18, expected: null },
  ])("$label", ({ segment, max, expected }) => {
    expect(idFromSegment(segment, max)).toBe(expected);
  });
});
