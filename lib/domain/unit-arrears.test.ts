import { describe, expect, test } from "vitest";
import { allocatePayments } from "./arrears";
import {
  contributionParts,
  describeMonths,
  employeeArrearsOutlook,
  employeeMonthPayment,
  runningArrears,
  type UnitMonthTotals,
  unitArrearsOutlook,
} from "./unit-arrears";

const m = (month: string, dueFen: bigint, paidFen = 0n): UnitMonthTotals => ({ month, dueFen, paidFen });

describe("runningArrears", () => {
  test.each([
    {
      label:
        "FIFO example: March and April owed, one month's worth paid: March settled, April carries the total",
      months: [m("2025-03", 1_000n, 1_000n), m("2025-04", 1_000n)],
      want: [
        { month: "2025-03", arrearsFen: 0n, runningArrearsFen: 0n },
        { month: "2025-04", arrearsFen: 1_000n, runningArrearsFen: 1_000n },
      ],
      total: 1_000n,
    },
    {
      label: "months given newest first come back oldest first, the running total adding up",
      months: [m("2026-10", 500n), m("2026-08", 700n), m("2026-09", 600n)],
      want: [
        { month: "2026-08", arrearsFen: 700n, runningArrearsFen: 700n },
        { month: "2026-09", arrearsFen: 600n, runningArrearsFen: 1_300n },
        { month: "2026-10", arrearsFen: 500n, runningArrearsFen: 1_800n },
      ],
      total: 1_800n,
    },
    {
      label: "a partly paid oldest month owes only its rest",
      months: [m("2025-03", 1_000n, 400n), m("2025-04", 1_000n)],
      want: [
        { month: "2025-03", arrearsFen: 600n, runningArrearsFen: 600n },
        { month: "2025-04", arrearsFen: 1_000n, runningArrearsFen: 1_600n },
      ],
      total: 1_600n,
    },
    {
      label: "a month with nothing declared owes nothing",
      months: [m("2025-01", 0n), m("2025-02", 300n, 300n)],
      want: [
        { month: "2025-01", arrearsFen: 0n, runningArrearsFen: 0n },
        { month: "2025-02", arrearsFen: 0n, runningArrearsFen: 0n },
      ],
      total: 0n,
    },
    { label: "no months, no arrears", months: [], want: [], total: 0n },
  ])("$label", ({ months, want, total }) => {
    const result = runningArrears(months);
    expect(result.months).toMatchObject(want);
    expect(result.arrearsFen).toBe(total);
  });

  test("agrees with replaying the payments through allocatePayments", () => {
    const due = [
      { month: "2025-03", dueFen: 72_500n },
      { month: "2025-04", dueFen: 72_500n },
      { month: "2025-05", dueFen: 80_000n },
    ];
    const replay = allocatePayments(due, [
      { id: "a", receivedAt: new Date("2025-05-10T02:00:00Z"), amountFen: 72_500n },
      { id: "b", receivedAt: new Date("2025-06-10T02:00:00Z"), amountFen: 10_000n },
    ]);
    const ours = runningArrears(
      replay.months.map((r) => ({ month: r.month, dueFen: r.dueFen, paidFen: r.paidFen })),
    );
    expect(ours.months.map((r) => r.runningArrearsFen)).toEqual(
      replay.months.map((r) => r.runningArrearsFen),
    );
    expect(ours.arrearsFen).toBe(replay.arrearsFen);
  });

  test.each([
    { label: "paid more than due", months: [m("2025-03", 100n, 101n)], code: "INVALID_AMOUNT" },
    {
      label: "the same month twice",
      months: [m("2025-03", 100n), m("2025-03", 100n)],
      code: "DUPLICATE_MONTH",
    },
    { label: "not a month", months: [m("2025-13", 100n)], code: "INVALID_MONTH" },
  ])("refuses $label", ({ months, code }) => {
    expect(() => runningArrears(months)).toThrow(expect.objectContaining({ code }));
  });
});

describe("employeeMonthPayment", () => {
  const paidUpAt = new Date("2025-05-10T02:00:00Z");
  test.each([
    {
      label: "a paid-up month: the employee's line is paid",
      month: { dueFen: 3_000n, paidFen: 3_000n, paidUpAt },
      want: { state: "PAID", paidFen: 725n, arrearsFen: 0n },
    },
    {
      label: "nothing paid: the whole line is owed",
      month: { dueFen: 3_000n, paidFen: 0n, paidUpAt: null },
      want: { state: "UNPAID", paidFen: 0n, arrearsFen: 725n },
    },
    {
      label:
        "the unit paid part of the month: every employee still owes the full line, and the state says why",
      month: { dueFen: 3_000n, paidFen: 2_999n, paidUpAt: null },
      want: { state: "MONTH_PART_PAID", paidFen: 0n, arrearsFen: 725n },
    },
    {
      label: "fully paid but not stamped yet still counts as paid",
      month: { dueFen: 3_000n, paidFen: 3_000n, paidUpAt: null },
      want: { state: "PAID", paidFen: 725n, arrearsFen: 0n },
    },
  ])("$label", ({ month, want }) => {
    expect(employeeMonthPayment(725n, month)).toEqual(want);
  });
});

describe("contributionParts", () => {
  test.each([
    {
      label: "wage 6000.00 in 2025: unit 510.00 + 90.00, employee 120.00 + 5.00, mutual aid 95.00",
      line: {
        unitBasicFen: 51_000n,
        employeeBasicFen: 12_000n,
        unitMutualAidFen: 9_000n,
        employeeMutualAidFen: 500n,
      },
      want: { unitPartFen: 60_000n, employeePartFen: 12_500n, mutualAidFen: 9_500n, dueFen: 72_500n },
    },
    {
      label: "sums of lines split the same way",
      line: {
        unitBasicFen: 102_000n,
        employeeBasicFen: 24_000n,
        unitMutualAidFen: 18_000n,
        employeeMutualAidFen: 1_000n,
      },
      want: { unitPartFen: 120_000n, employeePartFen: 25_000n, mutualAidFen: 19_000n, dueFen: 145_000n },
    },
  ])("$label", ({ line, want }) => {
    expect(contributionParts(line)).toEqual(want);
  });
});

describe("unitArrearsOutlook", () => {
  const demo = runningArrears([
    m("2026-07", 5_000n, 5_000n),
    m("2026-08", 4_000n),
    m("2026-09", 4_000n),
    m("2026-10", 4_000n),
  ]).months;

  test.each([
    {
      label:
        "demo unit on 2026-11-28: benefits stopped 09-01 and 10-01 and 11-01; next is 12-01, when 2026-08's gap is no longer covered",
      months: demo,
      today: "2026-11-28",
      want: {
        arrearsSince: "2026-08",
        inEffect: [
          "BENEFITS_STOP 2026-08 2026-09-01",
          "BENEFITS_STOP 2026-09 2026-10-01",
          "BENEFITS_STOP 2026-10 2026-11-01",
        ],
        next: {
          kind: "GAP_NOT_COVERED",
          month: "2026-08",
          date: "2026-12-01",
          payBy: "2026-11-30",
          amountFen: 4_000n,
          daysLeft: 2,
        },
      },
    },
    {
      label: "the deadline day itself: still coverable, 0 days left",
      months: demo,
      today: "2026-11-30",
      want: { next: { kind: "GAP_NOT_COVERED", month: "2026-08", date: "2026-12-01", daysLeft: 0 } },
    },
    {
      label: "a day later 2026-08's gap is lost and the next deadline is 2026-09's, with two months to pay",
      months: demo,
      today: "2026-12-01",
      want: {
        inEffect: [
          "BENEFITS_STOP 2026-08 2026-09-01",
          "BENEFITS_STOP 2026-09 2026-10-01",
          "BENEFITS_STOP 2026-10 2026-11-01",
          "GAP_NOT_COVERED 2026-08 2026-12-01",
        ],
        next: {
          kind: "GAP_NOT_COVERED",
          month: "2026-09",
          date: "2027-01-01",
          payBy: "2026-12-31",
          amountFen: 8_000n,
        },
      },
    },
    {
      label: "a month declared and not paid yet: benefits stop on the first of next month unless it is paid",
      months: runningArrears([m("2026-10", 5_000n, 5_000n), m("2026-11", 5_000n)]).months,
      today: "2026-11-28",
      want: {
        arrearsSince: "2026-11",
        inEffect: [],
        next: {
          kind: "BENEFITS_STOP",
          month: "2026-11",
          date: "2026-12-01",
          payBy: "2026-11-30",
          amountFen: 5_000n,
          daysLeft: 2,
        },
      },
    },
    {
      label: "a Date is read as its China day (16:00 UTC on 11-30 is already 12-01 in Chongqing)",
      months: demo,
      today: new Date("2026-11-30T16:00:00Z"),
      want: { next: { month: "2026-09", date: "2027-01-01" } },
    },
    {
      label: "nothing owed: nothing in effect, nothing to come",
      months: runningArrears([m("2026-10", 5_000n, 5_000n)]).months,
      today: "2026-11-28",
      want: { arrearsSince: null, inEffect: [], upcoming: [], next: null },
    },
  ])("$label", ({ months, today, want }) => {
    const outlook = unitArrearsOutlook(months, today);
    const { inEffect, ...rest } = want as { inEffect?: string[] };
    if (inEffect) expect(outlook.inEffect.map((c) => `${c.kind} ${c.month} ${c.date}`)).toEqual(inEffect);
    expect(outlook).toMatchObject(rest);
  });
});

describe("employeeArrearsOutlook", () => {
  const months = runningArrears([
    m("2026-07", 5_000n, 5_000n),
    m("2026-08", 4_000n),
    m("2026-09", 3_000n),
    m("2026-10", 2_000n),
  ]).months;
  test.each([
    {
      label:
        "employed all along: suspended from the month after the oldest unpaid one; paying everything restores",
      employeeMonths: ["2026-07", "2026-08", "2026-09", "2026-10"],
      want: {
        unpaidMonths: ["2026-08", "2026-09", "2026-10"],
        suspendedFrom: "2026-09-01",
        coverDeadline: "2026-11-30",
        daysLeft: 2,
        coverable: true,
        payToCoverFen: 4_000n,
        payToRestoreFen: 9_000n,
      },
    },
    {
      label: "hired in October: only October is theirs, but FIFO means the older months must be paid first",
      employeeMonths: ["2026-10"],
      want: {
        unpaidMonths: ["2026-10"],
        suspendedFrom: "2026-11-01",
        coverDeadline: "2027-01-31",
        daysLeft: 64,
        payToCoverFen: 9_000n,
        payToRestoreFen: 9_000n,
      },
    },
    {
      label: "left in July, whose months are all paid: not affected",
      employeeMonths: ["2026-07"],
      want: null,
    },
    { label: "a month the unit never declared does not count", employeeMonths: ["2026-06"], want: null },
  ])("$label", ({ employeeMonths, want }) => {
    const outlook = employeeArrearsOutlook(employeeMonths, months, "2026-11-28");
    if (want === null) expect(outlook).toBeNull();
    else expect(outlook).toMatchObject(want);
  });

  test("past the 3-month window the gap is no longer coverable", () => {
    expect(employeeArrearsOutlook(["2026-08"], months, "2026-12-01")).toMatchObject({
      daysLeft: -1,
      coverable: false,
    });
  });
});

describe("describeMonths", () => {
  test.each([
    { label: "none", months: [], want: "" },
    { label: "one", months: ["2026-08"], want: "2026-08" },
    { label: "a run", months: ["2026-10", "2026-08", "2026-09"], want: "2026-08 至 2026-10(3个月)" },
    { label: "with a hole", months: ["2025-03", "2025-05"], want: "2025-03、2025-05(2个月)" },
    {
      label: "many with holes are shortened",
      months: ["2025-01", "2025-03", "2025-05", "2025-07", "2025-09"],
      want: "2025-01、2025-03、2025-05 等(5个月)",
    },
  ])("$label", ({ months, want }) => {
    expect(describeMonths(months)).toBe(want);
  });
});
