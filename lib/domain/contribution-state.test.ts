import { describe, expect, test } from "vitest";
import { contributionState } from "./contribution-state";

describe("contributionState", () => {
  test.each([
    { label: "unpaid is arrears", month: "2026-08", paidUpAt: null, expected: "ARREARS" },
    { label: "paid within the month", month: "2026-08", paidUpAt: "2026-08-25T04:00:00Z", expected: "PAID" },
    {
      label: "paid in the following month",
      month: "2026-08",
      paidUpAt: "2026-09-30T15:59:00Z",
      expected: "PAID",
    },
    {
      label: "1 October 00:30 in Chongqing is already late",
      month: "2026-08",
      paidUpAt: "2026-09-30T16:30:00Z",
      expected: "PAID_LATE",
    },
    {
      label: "paid months later (补缴)",
      month: "2025-03",
      paidUpAt: "2025-09-25T04:00:00Z",
      expected: "PAID_LATE",
    },
    {
      label: "December paid in January",
      month: "2025-12",
      paidUpAt: "2026-01-10T04:00:00Z",
      expected: "PAID",
    },
  ])("$label", ({ month, paidUpAt, expected }) => {
    expect(contributionState(month, paidUpAt === null ? null : new Date(paidUpAt))).toBe(expected);
  });
});
