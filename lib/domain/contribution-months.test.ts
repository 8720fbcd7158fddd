import { expect, test } from "vitest";
import { type ContributionRecord, countContributionMonths, yearsAndMonths } from "./contribution-months";

const unit = (startMonth: string, endMonth: string | null = null) => ({ category: "EMPLOYEE_UNIT" as const, startMonth, endMonth });
const resident = (startMonth: string, endMonth: string | null = null) => ({ category: "RESIDENT" as const, startMonth, endMonth });

const base: ContributionRecord = { enrolments: [], contributions: [], retiredFrom: null, asOf: "2026-11" };

test.each([
  {
    label: "an employee since 2012-07 counts every month up to last month",
    record: { ...base, enrolments: [unit("2012-07")] },
    want: { months: 172, unpaidMonths: 0, firstMonth: "2012-07", lastMonth: "2026-10" },
  },
  {
    label: "this month is not counted yet",
    record: { ...base, enrolments: [unit("2026-11")] },
    want: { months: 0, unpaidMonths: 0, firstMonth: null, lastMonth: null },
  },
  {
    label: "months in arrears do not count",
    record: {
      ...base,
      enrolments: [unit("2026-01")],
      contributions: [
        { month: "2026-08", paid: false },
        { month: "2026-09", paid: false },
        { month: "2026-10", paid: false },
        { month: "2026-07", paid: true },
      ],
    },
    want: { months: 7, unpaidMonths: 3, firstMonth: "2026-01", lastMonth: "2026-07" },
  },
  {
    label: "a month two units declared counts once, and once paid by either",
    record: {
      ...base,
      enrolments: [unit("2026-01", "2026-05"), unit("2026-05")],
      contributions: [
        { month: "2026-05", paid: false },
        { month: "2026-05", paid: true },
      ],
    },
    want: { months: 10, unpaidMonths: 0, firstMonth: "2026-01", lastMonth: "2026-10" },
  },
  {
    label: "a retiree's months stop the month before retirement",
    record: { ...base, enrolments: [unit("2001-01")], retiredFrom: "2012-03" },
    want: { months: 134, unpaidMonths: 0, firstMonth: "2001-01", lastMonth: "2012-02", countedThrough: "2012-02" },
  },
  {
    label: "resident insurance does not count towards employee years",
    record: { ...base, enrolments: [resident("2013-01")] },
    want: { months: 0, residentMonths: 166, firstMonth: null },
  },
  {
    label: "a switch from resident to employee counts only the employee part",
    record: { ...base, enrolments: [resident("2020-01", "2023-12"), unit("2024-01")] },
    want: { months: 34, residentMonths: 48, firstMonth: "2024-01" },
  },
  {
    label: "an ended enrolment counts to its last month, a gap does not count",
    record: { ...base, enrolments: [unit("2020-01", "2020-12"), { category: "EMPLOYEE_INDIVIDUAL" as const, startMonth: "2022-01", endMonth: "2022-06" }] },
    want: { months: 18, firstMonth: "2020-01", lastMonth: "2022-06" },
  },
  {
    label: "nothing recorded is zero",
    record: base,
    want: { months: 0, unpaidMonths: 0, residentMonths: 0, firstMonth: null, lastMonth: null, countedThrough: "2026-10" },
  },
])("countContributionMonths: $label", ({ record, want }) => {
  expect(countContributionMonths(record)).toMatchObject(want);
});

test.each([
  { months: 0, want: { years: 0, months: 0 } },
  { months: 172, want: { years: 14, months: 4 } },
  { months: 360, want: { years: 30, months: 0 } },
])("yearsAndMonths($months)", ({ months, want }) => {
  expect(yearsAndMonths(months)).toEqual(want);
});
