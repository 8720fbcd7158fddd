import { describe, expect, test } from "vitest";
import { arrearsConsequences } from "./benefit-status";
import {
  arrearsNotice,
  benefitHeadline,
  benefitPeriodText,
  formatDayZh,
  formatMonthListZh,
  formatMonthZh,
} from "./benefit-text";

describe("formatting days and months", () => {
  test.each([
    { label: "leading zeros dropped", day: "2026-09-01", expected: "2026年9月1日" },
    { label: "two-digit month and day", day: "2026-11-30", expected: "2026年11月30日" },
  ])("formatDayZh: $label", ({ day, expected }) => {
    expect(formatDayZh(day)).toBe(expected);
  });

  test("formatDayZh refuses a non-date", () => {
    expect(() => formatDayZh("2026/09/01")).toThrow(/YYYY-MM-DD/);
  });

  test.each([
    { month: "2026-09", expected: "2026年9月" },
    { month: "2025-12", expected: "2025年12月" },
  ])("formatMonthZh $month", ({ month, expected }) => {
    expect(formatMonthZh(month)).toBe(expected);
  });

  test.each([
    { label: "one month", months: ["2026-08"], expected: "2026年8月" },
    {
      label: "same year named once",
      months: ["2026-08", "2026-09", "2026-10"],
      expected: "2026年8月、9月、10月",
    },
    {
      label: "year repeated when it changes",
      months: ["2025-12", "2026-01"],
      expected: "2025年12月、2026年1月",
    },
  ])("formatMonthListZh: $label", ({ months, expected }) => {
    expect(formatMonthListZh(months)).toBe(expected);
  });
});

describe("benefitPeriodText", () => {
  test.each([
    {
      label: "suspended since a date",
      s: { status: "SUSPENDED", since: "2026-09-01", until: null },
      expected: "2026年9月1日起暂停统筹待遇",
    },
    {
      label: "a suspension that has already ended",
      s: { status: "SUSPENDED", since: "2025-04-01", until: "2025-05-31" },
      expected: "2025年4月1日起至2025年5月31日暂停统筹待遇",
    },
    {
      label: "waiting period with both ends",
      s: { status: "WAITING", since: "2026-09-01", until: "2027-02-28" },
      expected: "待遇等待期自2026年9月1日至2027年2月28日",
    },
    {
      label: "normal since a date",
      s: { status: "NORMAL", since: "2024-11-01", until: null },
      expected: "2024年11月1日起正常享受医保待遇",
    },
    {
      label: "normal as far back as the records go",
      s: { status: "NORMAL", since: null, until: null },
      expected: "正常享受医保待遇",
    },
    {
      label: "ended since a date",
      s: { status: "ENDED", since: "2025-06-01", until: null },
      expected: "2025年6月1日起终止医保待遇",
    },
    {
      label: "not enrolled yet",
      s: { status: "ENDED", since: null, until: "2024-12-31" },
      expected: "至2024年12月31日未享受医保待遇",
    },
  ] as const)("$label", ({ s, expected }) => {
    expect(benefitPeriodText(s)).toBe(expected);
  });

  test("headline joins status and reason", () => {
    expect(benefitHeadline({ status: "SUSPENDED", reason: "单位欠费" })).toBe("暂停 · 单位欠费");
  });
});

describe("arrearsNotice", () => {
  test.each([
    {
      label: "unit arrears since August, seen on 28 November: suspended, 2 days left",
      months: ["2026-08", "2026-09", "2026-10"],
      today: "2026-11-28",
      byUnit: true,
      want: {
        title: "单位欠费提醒",
        owed: "您所在单位尚未缴清2026年8月、9月、10月的医保费(共3个月)。",
        suspension: "已于2026年9月1日起暂停统筹待遇。",
        deadline:
          "补缴期限还剩2天:2026年11月30日(含)前补缴的,停保期间发生的医疗费用按规定支付;逾期不再支付。",
        restore: "单位补缴全部欠费后,次月起恢复统筹待遇。",
      },
    },
    {
      label: "on the deadline itself",
      months: ["2026-08"],
      today: "2026-11-30",
      byUnit: true,
      want: { deadline: "今天(2026年11月30日)是最后期限:今天补缴的,停保期间发生的医疗费用仍按规定支付。" },
    },
    {
      label: "past the deadline: gap costs no longer covered",
      months: ["2026-08"],
      today: "2026-12-01",
      byUnit: true,
      want: {
        deadline: "已超过补缴期限(2026年11月30日):停保期间发生的医疗费用不予支付,补缴后个人账户按规定补划。",
      },
    },
    {
      label: "the month is still running: benefits will stop",
      months: ["2026-11"],
      today: "2026-11-28",
      byUnit: true,
      want: { suspension: "将于2026年12月1日起暂停统筹待遇。" },
    },
    {
      label: "an individual's own arrears",
      months: ["2026-10"],
      today: "2026-11-28",
      byUnit: false,
      want: {
        title: "欠费提醒",
        owed: "您尚未缴清2026年10月的医保费(共1个月)。",
        restore: "您补缴全部欠费后,次月起恢复统筹待遇。",
      },
    },
  ])("$label", ({ months, today, byUnit, want }) => {
    const notice = arrearsNotice({
      unpaidMonths: months,
      consequences: arrearsConsequences(months[0]!, today),
      today,
      byUnit,
    });
    expect(notice).toMatchObject(want);
  });

  test("no unpaid months is a programming error", () => {
    expect(() =>
      arrearsNotice({
        unpaidMonths: [],
        consequences: arrearsConsequences("2026-08", "2026-11-28"),
        today: "2026-11-28",
        byUnit: true,
      }),
    ).toThrow(RangeError);
  });
});
