import { describe, expect, test } from "vitest";
import { axisLabel, lastMonths, monthEndSeries, monthLabel, valueAxis } from "./balance-history";

describe("lastMonths", () => {
  test.each([
    {
      label: "three months within a year",
      last: "2026-11",
      count: 3,
      expected: ["2026-09", "2026-10", "2026-11"],
    },
    {
      label: "across a year end",
      last: "2026-02",
      count: 4,
      expected: ["2025-11", "2025-12", "2026-01", "2026-02"],
    },
    { label: "one month", last: "2026-01", count: 1, expected: ["2026-01"] },
  ])("$label", ({ last, count, expected }) => {
    expect(lastMonths(last, count)).toEqual(expected);
  });

  test("24 months end with the given month", () => {
    const months = lastMonths("2026-11", 24);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe("2024-12");
    expect(months.at(-1)).toBe("2026-11");
  });

  test.each([0, -1, 1.5])("a count of %s is refused", (count) => {
    expect(() => lastMonths("2026-11", count)).toThrow(RangeError);
  });
});

describe("monthEndSeries", () => {
  const months = ["2026-01", "2026-02", "2026-03", "2026-04"];
  test.each([
    { label: "no entries at all: no balance anywhere", rows: [], expected: [null, null, null, null] },
    {
      label: "an entry before the window carries into every month",
      rows: [{ month: "2025-10", entryId: 5n, balanceAfterFen: 1000n }],
      expected: [1000n, 1000n, 1000n, 1000n],
    },
    {
      label: "months without entries carry the previous month-end forward",
      rows: [
        { month: "2025-12", entryId: 5n, balanceAfterFen: 1000n },
        { month: "2026-02", entryId: 9n, balanceAfterFen: 1500n },
      ],
      expected: [1000n, 1500n, 1500n, 1500n],
    },
    {
      label: "months before the first entry have no balance",
      rows: [{ month: "2026-03", entryId: 1n, balanceAfterFen: 700n }],
      expected: [null, null, 700n, 700n],
    },
    {
      label: "a later month's entry posted earlier does not override a later-posted one",
      // An entry dated March but posted (id 4) before February's (id 9): February's end balance stays.
      rows: [
        { month: "2026-02", entryId: 9n, balanceAfterFen: 1500n },
        { month: "2026-03", entryId: 4n, balanceAfterFen: 300n },
      ],
      expected: [null, 1500n, 1500n, 1500n],
    },
    {
      label: "rows after the window are ignored",
      rows: [
        { month: "2026-01", entryId: 1n, balanceAfterFen: 100n },
        { month: "2026-06", entryId: 20n, balanceAfterFen: 9999n },
      ],
      expected: [100n, 100n, 100n, 100n],
    },
    {
      label: "rows in any order",
      rows: [
        { month: "2026-04", entryId: 12n, balanceAfterFen: 0n },
        { month: "2026-01", entryId: 3n, balanceAfterFen: 250n },
      ],
      expected: [250n, 250n, 250n, 0n],
    },
  ])("$label", ({ rows, expected }) => {
    expect(monthEndSeries(months, rows).map((p) => p.balanceFen)).toEqual(expected);
  });
});

describe("valueAxis", () => {
  test.each([
    { label: "zero balance still has an axis", largest: 0n, maxFen: 100n, ticks: 2 },
    { label: "105.00 fits under 150 in steps of 50", largest: 10500n, maxFen: 15000n, ticks: 4 },
    { label: "2,562.34 in steps of 1,000", largest: 256234n, maxFen: 300000n, ticks: 4 },
    { label: "exactly on a step", largest: 400000n, maxFen: 400000n, ticks: 5 },
    { label: "21,275.33 in steps of 10,000", largest: 2127533n, maxFen: 3000000n, ticks: 4 },
    { label: "one fen", largest: 1n, maxFen: 100n, ticks: 2 },
  ])("$label", ({ largest, maxFen, ticks }) => {
    const axis = valueAxis(largest);
    expect(axis.maxFen).toBe(maxFen);
    expect(axis.ticksFen).toHaveLength(ticks);
    expect(axis.ticksFen[0]).toBe(0n);
    expect(axis.ticksFen.at(-1)).toBe(maxFen);
    expect(axis.maxFen >= largest).toBe(true);
  });

  test.each([
    {
      label: "no interval at all never fits (the search used to run forever; found by fuzzing)",
      maxTicks: 0,
    },
    { label: "a negative count", maxTicks: -1 },
    { label: "a fraction", maxTicks: 2.5 },
    {
      label: "a count far beyond a chart (used to build a gigantic gridline array; found by fuzzing)",
      maxTicks: Number.MAX_SAFE_INTEGER,
    },
  ])("refuses maxTicks: $label", ({ maxTicks }) => {
    expect(() => valueAxis(10_000n, maxTicks)).toThrow(RangeError);
  });
});

describe("labels", () => {
  test.each([
    { label: "whole yuan with separators", fen: 2500000n, expected: "¥25,000" },
    { label: "zero", fen: 0n, expected: "¥0" },
  ])("axisLabel: $label", ({ fen, expected }) => {
    expect(axisLabel(fen)).toBe(expected);
  });

  test.each([
    { month: "2025-01", expected: "2025年1月" },
    { month: "2026-11", expected: "2026年11月" },
  ])("monthLabel $month", ({ month, expected }) => {
    expect(monthLabel(month)).toBe(expected);
  });
});
