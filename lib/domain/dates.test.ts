import { expect, test } from "vitest";
import { cstNoon, formatDateCst, formatDateTimeCst, startOfYearCst, yearOfCst } from "./dates";

test.each([
  { label: "1 January 00:00 CST is 31 December 16:00 UTC", year: 2026, iso: "2025-12-31T16:00:00.000Z" },
  { label: "leap year start", year: 2024, iso: "2023-12-31T16:00:00.000Z" },
])("startOfYearCst: $label", ({ year, iso }) => {
  expect(startOfYearCst(year).toISOString()).toBe(iso);
});

test.each([
  { label: "late evening UTC on 31 Dec is already the new year in Chongqing", iso: "2025-12-31T17:00:00Z", year: 2026 },
  { label: "just before midnight CST stays in the old year", iso: "2025-12-31T15:59:59Z", year: 2025 },
])("yearOfCst: $label", ({ iso, year }) => {
  expect(yearOfCst(new Date(iso))).toBe(year);
});

test.each([
  { label: "UTC afternoon shows the next morning's date in CST", iso: "2026-11-27T17:30:00Z", date: "2026-11-28", dateTime: "2026-11-28 01:30" },
  { label: "noon CST round trip", iso: cstNoon("2026-03-05").toISOString(), date: "2026-03-05", dateTime: "2026-03-05 12:00" },
])("format: $label", ({ iso, date, dateTime }) => {
  expect(formatDateCst(new Date(iso))).toBe(date);
  expect(formatDateTimeCst(new Date(iso))).toBe(dateTime);
});
