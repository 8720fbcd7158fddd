import { describe, expect, test } from "vitest";
import { readUnitQuery, readUnitSearchParams, unitQueryString } from "./unit-query";

const from = (params: Record<string, string | undefined>) => readUnitQuery((name) => params[name]);

describe("readUnitQuery", () => {
  test.each([
    { label: "nothing given", params: {}, query: {}, problems: {} },
    {
      label: "every parameter well formed",
      params: { unit: "5001000001", q: " 张 ", after: "42", size: "20" },
      query: { unit: "5001000001", q: "张", after: 42, size: 20 },
      problems: {},
    },
    {
      label: "blank values count as not given",
      params: { unit: " ", q: "", after: "" },
      query: {},
      problems: {},
    },
    {
      label: "a forged unit number is passed on for the service to refuse",
      params: { unit: "5001000002" },
      query: { unit: "5001000002" },
      problems: {},
    },
    {
      label: "a cursor that is not a positive int4 is reported and left out",
      params: { after: "-1", before: "2147483648" },
      query: {},
      problems: { after: "翻页参数无效,已从第一页显示", before: "翻页参数无效,已从第一页显示" },
    },
    {
      label: "a fractional cursor",
      params: { after: "1.5" },
      query: {},
      problems: { after: "翻页参数无效,已从第一页显示" },
    },
    { label: "page size 0", params: { size: "0" }, query: {}, problems: { size: "每页条数应为1到100" } },
    { label: "page size 101", params: { size: "101" }, query: {}, problems: { size: "每页条数应为1到100" } },
    { label: "page size 100", params: { size: "100" }, query: { size: 100 }, problems: {} },
  ])("$label", ({ params, query, problems }) => {
    expect(from(params)).toEqual({ query, problems });
  });

  test("long values are cut, not refused", () => {
    const { query } = from({ unit: "9".repeat(100), q: "张".repeat(80) });
    expect([query.unit?.length, query.q?.length]).toEqual([64, 50]);
  });

  test("page searchParams: a repeated key counts with its first value", () => {
    expect(readUnitSearchParams({ after: ["5", "9"], q: undefined }).query).toEqual({ after: 5 });
  });
});

describe("unitQueryString", () => {
  test.each([
    { label: "nothing kept", query: { q: "张", after: 3 }, keep: [] as const, want: "" },
    {
      label: "filters and size kept, cursor dropped",
      query: { q: "张 三", size: 20, after: 3 },
      keep: ["q", "size"] as const,
      want: "?q=%E5%BC%A0+%E4%B8%89&size=20",
    },
    { label: "undefined left out", query: { size: 20 }, keep: ["q", "size"] as const, want: "?size=20" },
  ])("$label", ({ query, keep, want }) => {
    expect(unitQueryString(query, keep)).toBe(want);
  });
});
