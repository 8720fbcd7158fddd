import { describe, expect, test } from "vitest";
import { attachmentDisposition, CSV_BOM, csvAmount, csvLine, csvText, parseCsv, toCsv } from "./csv";

describe("csvText", () => {
  test.each([
    {
      label: "plain Chinese text stays as is",
      input: "2026年10月 月度划入",
      expected: "2026年10月 月度划入",
    },
    { label: "empty text", input: "", expected: "" },
    { label: "a comma is quoted", input: "重庆市中医院,住院", expected: '"重庆市中医院,住院"' },
    { label: "a quote is doubled inside quotes", input: '他说"好"', expected: '"他说""好"""' },
    { label: "a newline is quoted", input: "第一行\n第二行", expected: '"第一行\n第二行"' },
    { label: "a carriage return inside is quoted", input: "a\rb", expected: '"a\rb"' },
    { label: "leading space is kept by quoting", input: " 前导空格", expected: '" 前导空格"' },
    { label: "formula with = gets an apostrophe", input: "=1+1", expected: "'=1+1" },
    { label: "formula with + gets an apostrophe", input: "+86 123", expected: "'+86 123" },
    {
      label: "text starting with - gets an apostrophe",
      input: "-cmd|' /C calc'!A0",
      expected: "'-cmd|' /C calc'!A0",
    },
    { label: "text starting with @ gets an apostrophe", input: "@SUM(A1)", expected: "'@SUM(A1)" },
    { label: "a leading tab is neutralised", input: "\t=1", expected: "'\t=1" },
    { label: "a leading carriage return is neutralised and quoted", input: "\r=1", expected: '"\'\r=1"' },
    {
      label: "guarded and quoted together",
      input: '=HYPERLINK("x","y")',
      expected: '"\'=HYPERLINK(""x"",""y"")"',
    },
    { label: "a minus later in the text is harmless", input: "A-B", expected: "A-B" },
  ])("$label", ({ input, expected }) => {
    expect(csvText(input)).toBe(expected);
  });
});

describe("csvAmount writes numbers a spreadsheet reads as numbers", () => {
  test.each([
    { label: "a debit", fen: -600n, expected: "-6.00" },
    { label: "a credit", fen: 12000n, expected: "120.00" },
    { label: "zero", fen: 0n, expected: "0.00" },
    { label: "one fen", fen: 1n, expected: "0.01" },
    { label: "no thousands separator", fen: 123456789n, expected: "1234567.89" },
    { label: "large negative", fen: -100000000n, expected: "-1000000.00" },
  ])("$label", ({ fen, expected }) => {
    expect(csvAmount(fen)).toBe(expected);
  });
});

describe("csvLine", () => {
  test.each([
    {
      label: "text and amounts, CRLF",
      cells: ["2026-11-01", "月度划入", { amountFen: -600n }],
      expected: "2026-11-01,月度划入,-6.00\r\n",
    },
    { label: "null is an empty cell", cells: ["a", null, "b"], expected: "a,,b\r\n" },
    { label: "an amount is never guarded", cells: [{ amountFen: -1n }], expected: "-0.01\r\n" },
  ])("$label", ({ cells, expected }) => {
    expect(csvLine(cells)).toBe(expected);
  });
});

describe("toCsv and parseCsv round-trip", () => {
  test.each([
    {
      label: "simple rows",
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    },
    {
      label: "commas, quotes and newlines",
      rows: [
        ["a,b", '"q"'],
        ["line1\r\nline2", "x"],
      ],
    },
    {
      label: "Chinese and empty cells",
      rows: [
        ["王秀英", ""],
        ["", "重庆"],
      ],
    },
    { label: "trailing empty cell", rows: [["a", ""]] },
  ])("$label", ({ rows }) => {
    const text = toCsv(["列1", "列2"], rows);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(parseCsv(text)).toEqual([["列1", "列2"], ...rows]);
  });

  test("a guarded cell reads back with its apostrophe, an amount as the plain number", () => {
    expect(parseCsv(toCsv(["摘要", "金额"], [["=1+1", { amountFen: -600n }]]))).toEqual([
      ["摘要", "金额"],
      ["'=1+1", "-6.00"],
    ]);
  });
});

describe("attachmentDisposition", () => {
  test.each([
    {
      label: "Chinese name with ASCII fallback",
      name: "个人账户明细.csv",
      fallback: "statement.csv",
      expected:
        "attachment; filename=\"statement.csv\"; filename*=UTF-8''%E4%B8%AA%E4%BA%BA%E8%B4%A6%E6%88%B7%E6%98%8E%E7%BB%86.csv",
    },
    {
      label: "quotes and non-ASCII in the fallback are replaced",
      name: "a(1).csv",
      fallback: 'a"明.csv',
      expected: "attachment; filename=\"a__.csv\"; filename*=UTF-8''a%281%29.csv",
    },
    {
      label: "a lone surrogate in the name becomes U+FFFD instead of throwing URIError (found by fuzzing)",
      name: "a\uD800b.csv",
      fallback: "a.csv",
      expected: "attachment; filename=\"a.csv\"; filename*=UTF-8''a%EF%BF%BDb.csv",
    },
  ])("$label", ({ name, fallback, expected }) => {
    expect(attachmentDisposition(name, fallback)).toBe(expected);
  });
});
