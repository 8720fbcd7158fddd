import { describe, expect, test } from "vitest";
import { isDomainError } from "./errors";
import { addMonths, ageInMonth, monthParts, monthRange, parseMonth } from "./month";

describe("parseMonth and monthParts", () => {
  test.each([
    { label: "an ordinary month", input: "2026-11", parts: { year: 2026, month: 11 } },
    { label: "a four-digit year before 1000", input: "0999-12", parts: { year: 999, month: 12 } },
  ])("$label", ({ input, parts }) => {
    expect(parseMonth(input)).toBe(input);
    expect(monthParts(input)).toEqual(parts);
  });

  test.each([
    { label: "month 13", input: "2026-13" },
    { label: "month 00", input: "2026-00" },
    { label: "a three-digit year", input: "999-12" },
    { label: "a day", input: "2026-11-28" },
  ])("refuses $label with a DomainError", ({ input }) => {
    expect(() => parseMonth(input)).toThrow(expect.objectContaining({ code: "INVALID_MONTH" }));
  });
});

describe("addMonths", () => {
  test.each([
    { label: "within a year", month: "2026-03", n: 2, expected: "2026-05" },
    { label: "across a year end", month: "2026-11", n: 3, expected: "2027-02" },
    { label: "backwards across a year end", month: "2026-01", n: -1, expected: "2025-12" },
    { label: "zero", month: "2026-07", n: 0, expected: "2026-07" },
    {
      label: "years before 1000 keep four digits (was '999-12'; found by fuzzing)",
      month: "1000-01",
      n: -1,
      expected: "0999-12",
    },
    {
      label: "the year 0000 keeps four digits (was '0-02'; found by fuzzing)",
      month: "0000-01",
      n: 1,
      expected: "0000-02",
    },
  ])("$label", ({ month, n, expected }) => {
    expect(addMonths(month, n)).toBe(expected);
  });
});

describe("monthRange", () => {
  test.each([
    {
      label: "three months across a year end",
      from: "2025-11",
      to: "2026-01",
      expected: ["2025-11", "2025-12", "2026-01"],
    },
    { label: "one month", from: "2026-05", to: "2026-05", expected: ["2026-05"] },
    { label: "nothing when from is after to", from: "2026-05", to: "2026-04", expected: [] },
  ])("$label", ({ from, to, expected }) => {
    expect(monthRange(from, to)).toEqual(expected);
  });

  test.each([
    {
      label: "an invalid end is refused at once (it used to run to the year 10000; found by fuzzing)",
      from: "2024-01",
      to: "9",
    },
    { label: "an invalid start", from: "x", to: "2024-01" },
  ])("$label", ({ from, to }) => {
    let error: unknown;
    try {
      monthRange(from, to);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error)).toBe(true);
  });
});

describe("ageInMonth", () => {
  test.each([
    { label: "the birthday month counts as reached", birth: "1956-11-20", month: "2026-11", expected: 70 },
    { label: "the month before it does not", birth: "1956-11-20", month: "2026-10", expected: 69 },
  ])("$label", ({ birth, month, expected }) => {
    expect(ageInMonth(birth, month)).toBe(expected);
  });
});
