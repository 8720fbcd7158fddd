import { describe, expect, test } from "vitest";
import { allocatePayments, applyPaymentToOpenMonths, type DueMonth, type Payment } from "./arrears";

const at = (iso: string) => new Date(`${iso}+08:00`);
const pay = (id: string, when: string, amountFen: bigint): Payment => ({
  id,
  receivedAt: at(when),
  amountFen,
});
const due = (month: string, dueFen = 1_000n): DueMonth => ({ month, dueFen });

describe("allocatePayments", () => {
  test.each([
    {
      label: "FIFO: one month's worth settles March before April",
      months: [due("2025-03"), due("2025-04")],
      payments: [pay("p1", "2025-05-10T10:00:00", 1_000n)],
      want: [
        {
          month: "2025-03",
          paidFen: 1_000n,
          arrearsFen: 0n,
          paidUpAt: at("2025-05-10T10:00:00"),
          runningArrearsFen: 0n,
        },
        { month: "2025-04", paidFen: 0n, arrearsFen: 1_000n, paidUpAt: null, runningArrearsFen: 1_000n },
      ],
    },
    {
      label: "no selective offset: months listed newest first are still settled oldest first",
      months: [due("2025-04"), due("2025-03")],
      payments: [pay("p1", "2025-05-10T10:00:00", 1_000n)],
      want: [
        { month: "2025-03", paidFen: 1_000n, arrearsFen: 0n, runningArrearsFen: 0n },
        { month: "2025-04", paidFen: 0n, arrearsFen: 1_000n, runningArrearsFen: 1_000n },
      ],
    },
    {
      label: "a partial payment leaves the oldest month partly in arrears and not paid up",
      months: [due("2025-03"), due("2025-04")],
      payments: [pay("p1", "2025-05-10T10:00:00", 400n)],
      want: [
        { month: "2025-03", paidFen: 400n, arrearsFen: 600n, paidUpAt: null, runningArrearsFen: 600n },
        { month: "2025-04", paidFen: 0n, arrearsFen: 1_000n, paidUpAt: null, runningArrearsFen: 1_600n },
      ],
    },
    {
      label: "what is left after the oldest month spills into the next",
      months: [due("2025-03"), due("2025-04"), due("2025-05")],
      payments: [pay("p1", "2025-05-10T10:00:00", 1_500n)],
      want: [
        { month: "2025-03", paidFen: 1_000n, arrearsFen: 0n, runningArrearsFen: 0n },
        { month: "2025-04", paidFen: 500n, arrearsFen: 500n, runningArrearsFen: 500n },
        { month: "2025-05", paidFen: 0n, arrearsFen: 1_000n, runningArrearsFen: 1_500n },
      ],
    },
    {
      label: "payments apply in the order they arrived, not the order given",
      months: [due("2025-03"), due("2025-04")],
      payments: [pay("late", "2025-06-01T09:00:00", 1_000n), pay("early", "2025-05-01T09:00:00", 1_000n)],
      want: [
        { month: "2025-03", paidUpAt: at("2025-05-01T09:00:00") },
        { month: "2025-04", paidUpAt: at("2025-06-01T09:00:00") },
      ],
    },
    {
      label: "paid-up time is when the last fen arrived, not the first",
      months: [due("2025-03")],
      payments: [pay("a", "2025-04-02T09:00:00", 300n), pay("b", "2025-04-20T09:00:00", 700n)],
      want: [{ month: "2025-03", paidFen: 1_000n, arrearsFen: 0n, paidUpAt: at("2025-04-20T09:00:00") }],
    },
    {
      label: "no payments: every month in arrears, running arrears add up",
      months: [due("2025-01", 700n), due("2025-02", 800n)],
      payments: [],
      want: [
        { month: "2025-01", paidFen: 0n, arrearsFen: 700n, paidUpAt: null, runningArrearsFen: 700n },
        { month: "2025-02", paidFen: 0n, arrearsFen: 800n, paidUpAt: null, runningArrearsFen: 1_500n },
      ],
    },
  ])("$label", ({ months, payments, want }) => {
    expect(allocatePayments(months, payments).months).toMatchObject(want);
  });

  test.each([
    {
      label: "same arrival time: ties are broken by payment id",
      payments: [pay("b", "2025-05-10T10:00:00", 1_000n), pay("a", "2025-05-10T10:00:00", 1_000n)],
      want: [
        { id: "a", allocations: [{ month: "2025-03", amountFen: 1_000n }] },
        { id: "b", allocations: [{ month: "2025-04", amountFen: 1_000n }] },
      ],
    },
    {
      label: "one payment split across two months lists both allocations, oldest first",
      payments: [pay("p1", "2025-05-10T10:00:00", 1_500n)],
      want: [
        {
          id: "p1",
          allocations: [
            { month: "2025-03", amountFen: 1_000n },
            { month: "2025-04", amountFen: 500n },
          ],
          unallocatedFen: 0n,
        },
      ],
    },
    {
      label: "overpayment beyond every declared month is held as credit",
      payments: [pay("p1", "2025-05-10T10:00:00", 2_300n)],
      want: [{ id: "p1", unallocatedFen: 300n }],
    },
  ])("$label", ({ payments, want }) => {
    expect(allocatePayments([due("2025-03"), due("2025-04")], payments).payments).toMatchObject(want);
  });

  test("credit from an early payment settles a later declared month (rule: credit goes to later months, FIFO)", () => {
    const r = allocatePayments(
      [due("2025-03"), due("2025-04")],
      [pay("big", "2025-03-20T10:00:00", 2_000n), pay("next", "2025-04-20T10:00:00", 1_000n)],
    );
    expect(r.months.map((m) => m.paidUpAt)).toEqual([at("2025-03-20T10:00:00"), at("2025-03-20T10:00:00")]);
    expect(r.payments[1]).toMatchObject({ id: "next", allocations: [], unallocatedFen: 1_000n });
    expect(r.creditFen).toBe(1_000n);
    expect(r.arrearsFen).toBe(0n);
  });

  test("totals: arrears and credit", () => {
    const r = allocatePayments([due("2025-03"), due("2025-04")], [pay("p1", "2025-05-10T10:00:00", 1_200n)]);
    expect([r.arrearsFen, r.creditFen]).toEqual([800n, 0n]);
  });

  test.each([
    {
      label: "a month listed twice",
      months: [due("2025-03"), due("2025-03")],
      payments: [],
      code: "DUPLICATE_MONTH",
    },
    { label: "a month with nothing due", months: [due("2025-03", 0n)], payments: [], code: "INVALID_AMOUNT" },
    { label: "a malformed month", months: [due("2025-13")], payments: [], code: "INVALID_MONTH" },
    {
      label: "a payment of zero",
      months: [due("2025-03")],
      payments: [pay("p1", "2025-05-10T10:00:00", 0n)],
      code: "INVALID_AMOUNT",
    },
    {
      label: "the same payment id twice",
      months: [due("2025-03")],
      payments: [pay("p1", "2025-05-10T10:00:00", 1n), pay("p1", "2025-05-11T10:00:00", 1n)],
      code: "DUPLICATE_PAYMENT",
    },
    {
      label: "a payment without a valid arrival time",
      months: [due("2025-03")],
      payments: [{ id: "p1", receivedAt: new Date("not a date"), amountFen: 1n }],
      code: "INVALID_DATE",
    },
  ])("refuses $label", ({ months, payments, code }) => {
    expect(() => allocatePayments(months, payments)).toThrow(expect.objectContaining({ code }));
  });
});

describe("applyPaymentToOpenMonths", () => {
  test.each([
    {
      label: "oldest open month first",
      open: [
        { month: "2025-04", arrearsFen: 1_000n },
        { month: "2025-03", arrearsFen: 1_000n },
      ],
      amount: 1_000n,
      want: {
        allocations: [{ month: "2025-03", amountFen: 1_000n }],
        paidUp: ["2025-03"],
        unallocatedFen: 0n,
      },
    },
    {
      label: "a partly paid month takes only what it still owes",
      open: [
        { month: "2025-03", arrearsFen: 250n },
        { month: "2025-04", arrearsFen: 1_000n },
      ],
      amount: 500n,
      want: {
        allocations: [
          { month: "2025-03", amountFen: 250n },
          { month: "2025-04", amountFen: 250n },
        ],
        paidUp: ["2025-03"],
        unallocatedFen: 0n,
      },
    },
    {
      label: "more than everything open: the rest is credit",
      open: [{ month: "2025-03", arrearsFen: 1_000n }],
      amount: 1_500n,
      want: {
        allocations: [{ month: "2025-03", amountFen: 1_000n }],
        paidUp: ["2025-03"],
        unallocatedFen: 500n,
      },
    },
    {
      label: "nothing open: all of it is credit",
      open: [],
      amount: 700n,
      want: { allocations: [], paidUp: [], unallocatedFen: 700n },
    },
    {
      label: "a month that owes nothing is skipped",
      open: [
        { month: "2025-02", arrearsFen: 0n },
        { month: "2025-03", arrearsFen: 300n },
      ],
      amount: 300n,
      want: { allocations: [{ month: "2025-03", amountFen: 300n }], paidUp: ["2025-03"], unallocatedFen: 0n },
    },
  ])("$label", ({ open, amount, want }) => {
    expect(applyPaymentToOpenMonths(open, amount)).toEqual(want);
  });

  test.each([
    { label: "a negative amount", open: [], amount: -1n, code: "INVALID_AMOUNT" },
    {
      label: "negative arrears",
      open: [{ month: "2025-03", arrearsFen: -5n }],
      amount: 1n,
      code: "INVALID_AMOUNT",
    },
    {
      label: "a month listed twice",
      open: [
        { month: "2025-03", arrearsFen: 5n },
        { month: "2025-03", arrearsFen: 5n },
      ],
      amount: 1n,
      code: "DUPLICATE_MONTH",
    },
  ])("refuses $label", ({ open, amount, code }) => {
    expect(() => applyPaymentToOpenMonths(open, amount)).toThrow(expect.objectContaining({ code }));
  });
});
