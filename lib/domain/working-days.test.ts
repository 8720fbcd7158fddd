import { expect, test } from "vitest";
import { addWorkingDays, isWorkingDay } from "./working-days";

test.each([
  { label: "Monday + 1 → Tuesday", from: "2026-11-23", n: 1, want: "2026-11-24" },
  { label: "Friday + 1 → the next Monday (weekend skipped)", from: "2026-11-27", n: 1, want: "2026-11-30" },
  { label: "Saturday + 1 → Monday", from: "2026-11-28", n: 1, want: "2026-11-30" },
  { label: "Sunday + 1 → Monday", from: "2026-11-29", n: 1, want: "2026-11-30" },
  { label: "Monday + 5 → the next Monday", from: "2026-11-23", n: 5, want: "2026-11-30" },
  { label: "Monday + 15 → Monday three weeks on (reissue)", from: "2026-11-23", n: 15, want: "2026-12-14" },
  { label: "Wednesday + 15 → Wednesday three weeks on", from: "2026-11-25", n: 15, want: "2026-12-16" },
  { label: "Friday + 15 → Friday three weeks on", from: "2026-11-27", n: 15, want: "2026-12-18" },
  { label: "Saturday (demo today) + 15 → Friday 2026-12-18", from: "2026-11-28", n: 15, want: "2026-12-18" },
  { label: "Sunday + 15 → Friday 2026-12-18", from: "2026-11-29", n: 15, want: "2026-12-18" },
  { label: "across a year end", from: "2026-12-24", n: 15, want: "2027-01-14" },
  { label: "across February in a leap year", from: "2028-02-25", n: 3, want: "2028-03-01" },
  { label: "zero working days is the same date", from: "2026-11-28", n: 0, want: "2026-11-28" },
])("addWorkingDays: $label", ({ from, n, want }) => {
  expect(addWorkingDays(from, n)).toBe(want);
});

test.each([
  { date: "2026-11-27", want: true, label: "Friday" },
  { date: "2026-11-28", want: false, label: "Saturday" },
  { date: "2026-11-29", want: false, label: "Sunday" },
  { date: "2026-11-30", want: true, label: "Monday" },
])("isWorkingDay: $label", ({ date, want }) => {
  expect(isWorkingDay(date)).toBe(want);
});

test.each(["2026-02-30", "2026-13-01", "20261128", ""])("a non-date is refused: %s", (bad) => {
  expect(() => addWorkingDays(bad, 1)).toThrow(RangeError);
});

test("negative or fractional counts are refused", () => {
  expect(() => addWorkingDays("2026-11-28", -1)).toThrow(RangeError);
  expect(() => addWorkingDays("2026-11-28", 1.5)).toThrow(RangeError);
});
