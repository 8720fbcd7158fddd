import { describe, expect, test } from "vitest";
import {
  arrearsConsequences,
  type BenefitInput,
  backCreditMonths,
  benefitStatus,
  benefitStatusCode,
  benefitTimeline,
  type ContributionMonth,
  type EnrolmentPeriod,
  type InsuranceCategory,
} from "./benefit-status";

const period =
  (category: InsuranceCategory) =>
  (
    startMonth: string,
    endMonth: string | null = null,
    extra: Partial<EnrolmentPeriod> = {},
  ): EnrolmentPeriod => ({
    category,
    startMonth,
    endMonth,
    ...extra,
  });
const unit = period("EMPLOYEE_UNIT");
const individual = period("EMPLOYEE_INDIVIDUAL");
const resident = period("RESIDENT");

/** Paid up at a China wall-clock time, "YYYY-MM-DDTHH:mm". */
const paid = (month: string, cstTime: string): ContributionMonth => ({
  month,
  paidUpAt: new Date(`${cstTime}:00+08:00`),
});
const unpaid = (month: string): ContributionMonth => ({ month, paidUpAt: null });

const input = (
  enrolments: EnrolmentPeriod[],
  contributions: ContributionMonth[] = [],
  retiredFrom?: string,
) => ({
  enrolments,
  contributions,
  ...(retiredFrom ? { retiredFrom } : {}),
});

const unitSince2020 = (...contributions: ContributionMonth[]): BenefitInput =>
  input([unit("2020-01")], contributions);
const marchUnpaid = unitSince2020(paid("2025-02", "2025-02-15T10:00"), unpaid("2025-03"));
const marchPaidAt = (cstTime: string) => unitSince2020(paid("2025-03", cstTime));

describe("benefitStatus: contributions and arrears (DOMAIN §6, seed 004 Q04)", () => {
  test.each([
    {
      label: "arrears of M suspend from the first day of M+1 (单位欠费)",
      input: marchUnpaid,
      date: "2025-04-01",
      want: {
        status: "SUSPENDED",
        reasonCode: "UNIT_ARREARS",
        reason: "单位欠费",
        since: "2025-04-01",
        until: null,
      },
    },
    {
      label: "boundary: the last day of the arrears month itself is still NORMAL",
      input: marchUnpaid,
      date: "2025-03-31",
      want: { status: "NORMAL", reasonCode: "INSURED", until: "2025-03-31", restoreHint: null },
    },
    {
      label: "still unpaid, inside 3 months: the hint names the last day to pay and keep the gap covered",
      input: marchUnpaid,
      date: "2025-05-10",
      want: {
        status: "SUSPENDED",
        restoreHint: "单位补缴欠费后次月恢复统筹待遇;2025-06-30前补缴的,停保期间的医疗费用按规定支付",
      },
    },
    {
      label: "still unpaid, past 3 months: the hint says the gap's costs are no longer covered",
      input: marchUnpaid,
      date: "2025-07-01",
      want: {
        status: "SUSPENDED",
        since: "2025-04-01",
        restoreHint:
          "单位补缴欠费后次月恢复统筹待遇;欠费已超过3个月,停保期间的医疗费用不予支付,个人账户按规定补划",
      },
    },
    {
      label: "paid back within 3 months: a day in the gap, asked after payment, is NORMAL with gapCovered",
      input: marchPaidAt("2025-05-20T10:00"),
      date: "2025-04-15",
      want: {
        status: "NORMAL",
        reasonCode: "ARREARS_GAP_COVERED",
        gapCovered: true,
        since: "2025-04-01",
        until: "2025-05-31",
      },
    },
    {
      label: "paid back within 3 months: cover resumes on the first day of the month after paying up",
      input: marchPaidAt("2025-05-20T10:00"),
      date: "2025-06-01",
      want: { status: "NORMAL", reasonCode: "INSURED", since: "2025-06-01", until: null },
    },
    {
      label: "3-month boundary, inside: paid up on the last day of M+3 (June 30, 23:59 CST) covers the gap",
      input: marchPaidAt("2025-06-30T23:59"),
      date: "2025-06-15",
      want: { status: "NORMAL", gapCovered: true, since: "2025-04-01", until: "2025-06-30" },
    },
    {
      label:
        "3-month boundary, outside: paid up on the first day of M+4 (July 1, 00:01 CST) leaves the gap uncovered",
      input: marchPaidAt("2025-07-01T00:01"),
      date: "2025-06-15",
      want: {
        status: "SUSPENDED",
        reasonCode: "PAID_AFTER_3_MONTHS",
        since: "2025-04-01",
        until: "2025-07-31",
        backCredit: ["2025-03"],
      },
    },
    {
      label:
        "paid after more than 3 months: a day in the gap stays SUSPENDED after payment and lists 补划 months",
      input: marchPaidAt("2025-08-10T10:00"),
      date: "2025-05-05",
      want: {
        status: "SUSPENDED",
        reasonCode: "PAID_AFTER_3_MONTHS",
        until: "2025-08-31",
        backCredit: ["2025-03"],
        restoreHint: "已补缴欠费,完清费用的次月起恢复待遇;中断期间的医疗费用不予支付,个人账户按规定补划",
      },
    },
    {
      label: "paid after more than 3 months: the last day of the paying-up month is still SUSPENDED",
      input: marchPaidAt("2025-08-10T10:00"),
      date: "2025-08-31",
      want: { status: "SUSPENDED" },
    },
    {
      label: "paid after more than 3 months: cover resumes on the first day of the month after paying up",
      input: marchPaidAt("2025-08-10T10:00"),
      date: "2025-09-01",
      want: { status: "NORMAL", reasonCode: "INSURED", since: "2025-09-01" },
    },
    {
      label:
        "China day: paid 00:30 CST on April 1 (still March 31 in UTC) is a payment in April, so April is a gap",
      input: marchPaidAt("2025-04-01T00:30"),
      date: "2025-04-01",
      want: { status: "NORMAL", gapCovered: true, since: "2025-04-01", until: "2025-04-30" },
    },
    {
      label: "paid up before the end of M (23:59 CST, March 31) never suspends",
      input: marchPaidAt("2025-03-31T23:59"),
      date: "2025-04-01",
      want: { status: "NORMAL", reasonCode: "INSURED", since: "2020-01-01" },
    },
    {
      label: "a suspension is one stretch even when its cause changes (March paid late, April still unpaid)",
      input: unitSince2020(paid("2025-03", "2025-08-10T10:00"), unpaid("2025-04")),
      date: "2025-09-10",
      want: { status: "SUSPENDED", reasonCode: "UNIT_ARREARS", since: "2025-04-01", until: null },
    },
    {
      label: "individually insured arrears are 欠缴医保费, not 单位欠费",
      input: input([individual("2020-01")], [unpaid("2025-03")]),
      date: "2025-04-10",
      want: {
        status: "SUSPENDED",
        reasonCode: "ARREARS",
        reason: "欠缴医保费",
        restoreHint: "补缴欠费后次月恢复统筹待遇;2025-06-30前补缴的,停保期间的医疗费用按规定支付",
      },
    },
    {
      label: "a month not listed is no arrears (nothing recorded as due)",
      input: unitSince2020(paid("2025-01", "2025-01-15T10:00")),
      date: "2025-06-10",
      want: { status: "NORMAL", reasonCode: "INSURED" },
    },
    {
      label: "arrears left at a former unit do not suspend cover at the next one",
      input: input(
        [unit("2020-01", "2025-03", { endReason: "STOPPED" }), unit("2025-04")],
        [unpaid("2025-03")],
      ),
      date: "2025-05-10",
      want: { status: "NORMAL", reasonCode: "INSURED" },
    },
  ])("$label", ({ input, date, want }) => {
    expect(benefitStatus(input, date)).toMatchObject(want);
    expect(benefitStatusCode(input, date)).toBe(want.status);
  });

  test.each([
    {
      label: "16:30 UTC on March 31 is April 1 in Chongqing: suspended",
      iso: "2025-03-31T16:30:00Z",
      status: "SUSPENDED",
    },
    {
      label: "15:59 UTC on March 31 is still March 31 in Chongqing: normal",
      iso: "2025-03-31T15:59:00Z",
      status: "NORMAL",
    },
  ])("a Date is read as its China calendar day: $label", ({ iso, status }) => {
    expect(benefitStatus(marchUnpaid, new Date(iso)).status).toBe(status);
  });

  test("a covered or plain NORMAL answer carries no backCredit, and a plain one no gapCovered", () => {
    const s = benefitStatus(marchPaidAt("2025-05-20T10:00"), "2025-06-01");
    expect(s).not.toHaveProperty("gapCovered");
    expect(s).not.toHaveProperty("backCredit");
  });
});

describe("benefitStatus: waiting periods (seed 004 Q03)", () => {
  const firstResident = input([resident("2025-01")]);
  const breakOf = (months: number) =>
    input([
      individual("2020-01", "2024-06", { endReason: "STOPPED" }),
      individual(`2024-${String(7 + months).padStart(2, "0")}`),
    ]);
  const switchToIndividual = (
    residentFrom: string,
    extra: Partial<EnrolmentPeriod>,
    contributions: ContributionMonth[] = [],
  ) =>
    input(
      [resident(residentFrom, "2024-12", { endReason: "SWITCHED" }), individual("2025-03", null, extra)],
      contributions,
    );

  test.each([
    {
      label: "first individual enrolment (resident): WAITING from the start for 6 months",
      input: firstResident,
      date: "2025-01-01",
      want: {
        status: "WAITING",
        reasonCode: "FIRST_ENROLMENT",
        reason: "新参保等待期",
        since: "2025-01-01",
        until: "2025-06-30",
        restoreHint: "等待期满后,自2025-07-01起享受医保待遇",
      },
    },
    {
      label: "boundary: the day before start + 6 months is still WAITING",
      input: firstResident,
      date: "2025-06-30",
      want: { status: "WAITING" },
    },
    {
      label: "boundary: start + 6 months is NORMAL",
      input: firstResident,
      date: "2025-07-01",
      want: { status: "NORMAL", reasonCode: "INSURED", since: "2025-07-01", until: null },
    },
    {
      label: "first individual enrolment (individually insured employee) waits too",
      input: input([individual("2025-01")]),
      date: "2025-03-10",
      want: { status: "WAITING", reasonCode: "FIRST_ENROLMENT", until: "2025-06-30" },
    },
    {
      label: "individual break of 4 months (over 3): a new 6-month wait (中断缴费超过3个月)",
      input: breakOf(4),
      date: "2024-11-05",
      want: {
        status: "WAITING",
        reasonCode: "BREAK_OVER_3_MONTHS",
        reason: "中断缴费超过3个月",
        since: "2024-11-01",
        until: "2025-04-30",
      },
    },
    {
      label: "boundary: an individual break of exactly 3 months has no wait",
      input: breakOf(3),
      date: "2024-10-05",
      want: { status: "NORMAL", reasonCode: "INSURED", since: "2024-10-01" },
    },
    {
      label: "a day inside an unpaid break is ENDED 已停保, until the day before the next enrolment",
      input: breakOf(3),
      date: "2024-08-10",
      want: {
        status: "ENDED",
        reasonCode: "STOPPED",
        reason: "已停保",
        since: "2024-07-01",
        until: "2024-09-30",
      },
    },
    {
      label: "switch after 2+ years, break of 2 months paid back (gapPaid): no waiting",
      input: switchToIndividual("2022-01", { gapPaid: true }),
      date: "2025-03-01",
      want: { status: "NORMAL", reasonCode: "INSURED", since: "2025-03-01" },
    },
    {
      label: "switch after 2+ years, break paid back by contributing the gap months: no waiting",
      input: switchToIndividual("2022-01", {}, [
        paid("2025-01", "2025-03-05T10:00"),
        paid("2025-02", "2025-03-05T10:00"),
      ]),
      date: "2025-03-01",
      want: { status: "NORMAL", reasonCode: "INSURED" },
    },
    {
      label: "switch, break paid back: a day inside the break is NORMAL with gapCovered (追溯享受)",
      input: switchToIndividual("2022-01", { gapPaid: true }),
      date: "2025-02-10",
      want: {
        status: "NORMAL",
        reasonCode: "BREAK_GAP_COVERED",
        gapCovered: true,
        since: "2025-01-01",
        until: "2025-02-28",
      },
    },
    {
      label: "switch after 2+ years, break not paid back: 6-month wait",
      input: switchToIndividual("2022-01", {}),
      date: "2025-03-01",
      want: { status: "WAITING", reasonCode: "SWITCH_NOT_EXEMPT", until: "2025-08-31" },
    },
    {
      label: "switch, break not paid back: a day inside the break is ENDED 已停保",
      input: switchToIndividual("2022-01", {}),
      date: "2025-02-10",
      want: { status: "ENDED", reasonCode: "STOPPED" },
    },
    {
      label: "switch after 23 months, break paid back: not 2 years, so 6-month wait",
      input: switchToIndividual("2023-02", { gapPaid: true }),
      date: "2025-03-01",
      want: { status: "WAITING", reasonCode: "SWITCH_NOT_EXEMPT" },
    },
    {
      label: "boundary: exactly 24 months is 2 years (含2年): no waiting",
      input: switchToIndividual("2023-01", { gapPaid: true }),
      date: "2025-03-01",
      want: { status: "NORMAL" },
    },
    {
      label: "2 years may span contiguous enrolments (unit then individual), switching to resident",
      input: input([
        unit("2022-01", "2023-06", { endReason: "STOPPED" }),
        individual("2023-07", "2024-12", { endReason: "SWITCHED" }),
        resident("2025-02", null, { gapPaid: true }),
      ]),
      date: "2025-02-01",
      want: { status: "NORMAL" },
    },
    {
      label: "switch with no break at all after 2+ years: nothing to pay back, no waiting",
      input: input([unit("2022-01", "2024-12", { endReason: "SWITCHED" }), resident("2025-01")]),
      date: "2025-01-01",
      want: { status: "NORMAL", since: "2022-01-01" },
    },
    {
      label: "switch with a break of 4 months, paid back or not: over 3 months, 6-month wait",
      input: input([
        resident("2020-01", "2024-10", { endReason: "SWITCHED" }),
        individual("2025-03", null, { gapPaid: true }),
      ]),
      date: "2025-03-01",
      want: { status: "WAITING", reasonCode: "BREAK_OVER_3_MONTHS" },
    },
    {
      label: "unit-insured employee joining a unit as first enrolment: no waiting",
      input: input([unit("2025-03")]),
      date: "2025-03-01",
      want: { status: "NORMAL", reasonCode: "INSURED", since: "2025-03-01" },
    },
    {
      label: "unit-insured employee after a break of years: still no waiting",
      input: input([individual("2015-01", "2018-12", { endReason: "STOPPED" }), unit("2025-03")]),
      date: "2025-03-01",
      want: { status: "NORMAL", reasonCode: "INSURED" },
    },
    {
      label: "arrears during a waiting period show once the wait is over",
      input: input([resident("2025-01")], [unpaid("2025-03")]),
      date: "2025-07-01",
      want: { status: "SUSPENDED", reasonCode: "ARREARS", since: "2025-07-01" },
    },
  ])("$label", ({ input, date, want }) => {
    expect(benefitStatus(input, date)).toMatchObject(want);
    expect(benefitStatusCode(input, date)).toBe(want.status);
  });
});

describe("benefitStatus: ended, not enrolled, retired", () => {
  const transferred = input([unit("2020-01", "2025-05", { endReason: "TRANSFERRED_OUT" })]);

  test.each([
    {
      label: "transferred out: ENDED 已转出 from the month after endMonth",
      input: transferred,
      date: "2025-06-01",
      want: {
        status: "ENDED",
        reasonCode: "TRANSFERRED_OUT",
        reason: "已转出",
        since: "2025-06-01",
        until: null,
      },
    },
    {
      label: "boundary: the last enrolled day before a transfer out is NORMAL",
      input: transferred,
      date: "2025-05-31",
      want: { status: "NORMAL", until: "2025-05-31" },
    },
    {
      label: "deceased: ENDED 已身故 and nothing restores it",
      input: input([unit("2020-01", "2025-05", { endReason: "DECEASED" })]),
      date: "2025-07-15",
      want: {
        status: "ENDED",
        reasonCode: "DECEASED",
        reason: "已身故",
        since: "2025-06-01",
        restoreHint: null,
      },
    },
    {
      label: "stopped with nothing after it: ENDED 已停保",
      input: input([individual("2020-01", "2025-05", { endReason: "STOPPED" })]),
      date: "2025-07-15",
      want: { status: "ENDED", reasonCode: "STOPPED", since: "2025-06-01", until: null },
    },
    {
      label: "before any enrolment: ENDED 未参保 (NOT_ENROLLED), until the day before the first enrolment",
      input: unitSince2020(),
      date: "2019-12-31",
      want: {
        status: "ENDED",
        reasonCode: "NOT_ENROLLED",
        reason: "未参保",
        since: null,
        until: "2019-12-31",
      },
    },
    {
      label: "no enrolment at all: NOT_ENROLLED with no dates",
      input: input([]),
      date: "2025-01-01",
      want: { status: "ENDED", reasonCode: "NOT_ENROLLED", since: null, until: null },
    },
    {
      label:
        "the last month a date can name (9999-12): the run ends with the records, no month 10000-01 (found by fuzzing)",
      input: input([], [unpaid("1990-01")]),
      date: "9999-12-31",
      want: { status: "ENDED", reasonCode: "NOT_ENROLLED", since: null, until: null },
    },
    {
      label:
        "the first month a date can name (0000-01): the run starts with the records, no month -1-12 (found by fuzzing)",
      input: input([], [], "0000-01"),
      date: "0000-01-15",
      want: { status: "ENDED", reasonCode: "NOT_ENROLLED", since: null, until: null },
    },
    {
      label:
        "a break of centuries: ENDED 已停保 for its whole length, answered at once (was quadratic, found by fuzzing)",
      input: input([resident("0001-01", "0001-01", { endReason: "STOPPED" }), resident("9999-01")]),
      date: "5000-06-01",
      want: { status: "ENDED", reasonCode: "STOPPED", since: "0001-02-01", until: "9998-12-31" },
    },
    {
      label: "the same as a Date: 9999-12-01 00:00 China time",
      input: input([unit("2020-01")]),
      date: new Date("9999-12-01T00:00:00+08:00"),
      want: { status: "NORMAL", reasonCode: "INSURED", since: "2020-01-01", until: null },
    },
    {
      label: "retiree: NORMAL while enrolled, no contributions due",
      input: input([unit("2000-01")], [paid("2019-12", "2019-12-10T10:00")], "2020-01"),
      date: "2025-06-01",
      want: { status: "NORMAL", reasonCode: "RETIRED", reason: "退休人员", restoreHint: null },
    },
    {
      label: "retiree: a month listed unpaid after retiring is not arrears (nothing was due)",
      input: input([unit("2000-01")], [unpaid("2025-03")], "2020-01"),
      date: "2025-06-01",
      want: { status: "NORMAL", reasonCode: "RETIRED" },
    },
    {
      label: "retiree whose enrolment ended by death: ENDED",
      input: input([unit("2000-01", "2025-03", { endReason: "DECEASED" })], [], "2020-01"),
      date: "2025-06-01",
      want: { status: "ENDED", reasonCode: "DECEASED" },
    },
  ])("$label", ({ input, date, want }) => {
    expect(benefitStatus(input, date)).toMatchObject(want);
    expect(benefitStatusCode(input, date)).toBe(want.status);
  });
});

describe("benefitStatus: refused input", () => {
  test.each([
    {
      label: "overlapping enrolments (one insurance at a time)",
      input: input([unit("2020-01", "2025-03"), resident("2025-03")]),
      date: "2025-04-01",
      code: "OVERLAPPING_ENROLMENTS",
    },
    {
      label: "an open enrolment followed by another",
      input: input([unit("2020-01"), resident("2025-03")]),
      date: "2025-04-01",
      code: "OVERLAPPING_ENROLMENTS",
    },
    {
      label: "an enrolment ending before it starts",
      input: input([unit("2025-03", "2025-01")]),
      date: "2025-04-01",
      code: "INVALID_ENROLMENT",
    },
    {
      label: "a contribution month listed twice",
      input: unitSince2020(unpaid("2025-03"), unpaid("2025-03")),
      date: "2025-04-01",
      code: "DUPLICATE_MONTH",
    },
    { label: "a malformed month", input: input([unit("2025-3")]), date: "2025-04-01", code: "INVALID_MONTH" },
    { label: "a day that does not exist", input: unitSince2020(), date: "2025-02-29", code: "INVALID_DATE" },
    { label: "a date in another format", input: unitSince2020(), date: "2025/04/01", code: "INVALID_DATE" },
  ])("refuses $label", ({ input, date, code }) => {
    expect(() => benefitStatus(input, date)).toThrow(expect.objectContaining({ code }));
  });
});

describe("arrearsConsequences", () => {
  test.each([
    {
      label:
        "March arrears: benefits stop April 1; paying by June 30 (last day of M+3) keeps the gap covered",
      month: "2025-03",
      today: "2025-03-20",
      want: { suspendedFrom: "2025-04-01", coverDeadline: "2025-06-30", daysLeft: 102, coverable: true },
    },
    {
      label: "on the deadline itself: 0 days left, still coverable",
      month: "2025-03",
      today: "2025-06-30",
      want: { coverDeadline: "2025-06-30", daysLeft: 0, coverable: true },
    },
    {
      label: "the day after the deadline: -1, no longer coverable",
      month: "2025-03",
      today: "2025-07-01",
      want: { daysLeft: -1, coverable: false },
    },
    {
      label: "November arrears run over the year end to February 28",
      month: "2024-11",
      today: "2024-12-01",
      want: { suspendedFrom: "2024-12-01", coverDeadline: "2025-02-28", daysLeft: 89 },
    },
    {
      label: "in a leap year the deadline is February 29",
      month: "2023-11",
      today: "2024-02-29",
      want: { coverDeadline: "2024-02-29", daysLeft: 0 },
    },
    {
      label: "a Date today is read as its China day (16:00 UTC on June 30 is July 1)",
      month: "2025-03",
      today: new Date("2025-06-30T16:00:00Z"),
      want: { daysLeft: -1, coverable: false },
    },
  ])("$label", ({ month, today, want }) => {
    expect(arrearsConsequences(month, today)).toMatchObject({ month, ...want });
  });
});

describe("benefitTimeline", () => {
  test("one status per month: March unpaid until July 10 (late), so April–July suspended", () => {
    const t = benefitTimeline(marchPaidAt("2025-07-10T10:00"), "2025-02", "2025-08");
    expect(t.map((m) => [m.month, m.status])).toEqual([
      ["2025-02", "NORMAL"],
      ["2025-03", "NORMAL"],
      ["2025-04", "SUSPENDED"],
      ["2025-05", "SUSPENDED"],
      ["2025-06", "SUSPENDED"],
      ["2025-07", "SUSPENDED"],
      ["2025-08", "NORMAL"],
    ]);
    expect(t[2]).toMatchObject({ since: "2025-04-01", until: "2025-07-31", backCredit: ["2025-03"] });
  });

  test("24 months across a first enrolment and its waiting period", () => {
    const t = benefitTimeline(input([resident("2024-07")]), "2024-01", "2025-12");
    expect(t).toHaveLength(24);
    const count = (s: string) => t.filter((m) => m.status === s).length;
    expect([count("ENDED"), count("WAITING"), count("NORMAL")]).toEqual([6, 6, 12]);
  });

  test("refuses a range that runs backwards", () => {
    expect(() => benefitTimeline(unitSince2020(), "2025-06", "2025-01")).toThrow(
      expect.objectContaining({ code: "INVALID_RANGE" }),
    );
  });
});

describe("backCreditMonths", () => {
  test.each([
    {
      label: "only months paid after their 3-month window are 补划",
      input: unitSince2020(
        paid("2025-03", "2025-07-10T10:00"),
        paid("2025-04", "2025-07-10T10:00"),
        paid("2025-05", "2025-05-15T10:00"),
      ),
      want: ["2025-03"],
    },
    { label: "unpaid months are not credited yet", input: marchUnpaid, want: [] },
    {
      label: "months outside any enrolment are not credited here",
      input: input([unit("2025-04")], [paid("2024-01", "2025-07-10T10:00")]),
      want: [],
    },
  ])("$label", ({ input, want }) => {
    expect(backCreditMonths(input)).toEqual(want);
  });
});
