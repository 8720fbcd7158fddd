/**
 * The insured person's portal (issue 4, items 1-4 and 10): overview with benefit status and the
 * 24-month chart, the statement with its filters, credit explanations and CSV export, contributions
 * with the arrears warning, settlements, the JSON API, and another person's ids answered with 404.
 * Every figure checked here is read from the e2e database with SQL of its own, not from the services.
 *
 * Read-only walks use the demo persons A10000001 (in service) and A10000002 (retired). The arrears
 * warning needs an employee of unit 5001000002 (in arrears since 2026-08); each project signs in as its
 * own one, from the end of the list so that specs picking "the n-th person without a password" are not
 * disturbed and the linkage pair A10000006 / A10000050 is left to person-services.spec.ts:
 *   mobile A10000031, desktop A10000042 (first sign-in sets ARREARS_PASSWORD).
 */
import { readFileSync } from "node:fs";
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { arrearsConsequences } from "../../lib/domain/benefit-status";
import { formatDayZh, formatMonthListZh } from "../../lib/domain/benefit-text";
import { parseCsv } from "../../lib/domain/csv";
import { query, yuan } from "./db";
import { expectNoSeriousAxeViolations, screenshot, signInPerson } from "./helpers";

const ARREARS_PASSWORD = "Arrears2026-e2e";

// Long walks with many figures each; several suites may share the machine, so allow for a slow server.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

interface PersonRow {
  id: number;
  account_id: number | null;
  balance_fen: string | null;
  personal_number: string;
  fresh: boolean;
}

async function personOfCard(card: string): Promise<PersonRow> {
  const [row] = await query<PersonRow>(
    `SELECT p.id, a.id AS account_id, a.balance_fen::text, p.personal_number, p.password_hash IS NULL AS fresh
       FROM cards c JOIN persons p ON p.id = c.person_id LEFT JOIN accounts a ON a.person_id = p.id
      WHERE c.card_number = $1`,
    [card],
  );
  if (!row) throw new Error(`no person with card ${card}`);
  return row;
}

const DEMO = {
  inService: { card: "A10000001", password: "demo-person-1" },
  retired: { card: "A10000002", password: "demo-person-2" },
} as const;

async function signIn(page: Page, who: { card: string; password: string }) {
  await signInPerson(page, who.card, who.password);
  await expect(page).toHaveURL(/\/me$/);
}

/** "2026-11-28": today in Chongqing. */
function todayCst(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Text of a money cell without the surrounding spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").trim();
}

/** For each row: its `attribute` and the text of the first element of each `[data-field]`, in one round trip. */
async function fieldsOf(rows: Locator, attribute: string, fields: readonly string[]): Promise<string[][]> {
  return rows.evaluateAll(
    (els, [attr, names]) =>
      els.map((el) => [
        el.getAttribute(attr as string) ?? "",
        ...(names as string[]).map((f) => {
          const cell = el.querySelector(`[data-field="${f}"]`);
          return (cell?.querySelector(".tabular") ?? cell)?.textContent?.trim() ?? "";
        }),
      ]),
    [attribute, fields] as const,
  );
}

const KIND_LABEL: Record<string, string> = {
  MONTHLY_CREDIT: "月度划入",
  BACK_CREDIT: "补划",
  OUTPATIENT: "门诊",
  PHARMACY: "购药",
  INPATIENT_SELF_PAY: "住院自付",
  LINKED_PAYMENT: "关联支付",
  LTC_DEDUCTION: "长护险",
  MUTUAL_AID_DEDUCTION: "大额互助",
  TRANSFER_IN: "转入",
  TRANSFER_OUT: "转出",
};

for (const who of [
  { ...DEMO.inService, label: "in service", employment: "在职", reason: "正常参保" },
  { ...DEMO.retired, label: "retired", employment: "退休", reason: "退休人员" },
]) {
  test(`overview (${who.label}): benefit status, balance, this year's totals and 24 month-end balances equal the ledger`, async ({
    page,
  }, testInfo) => {
    const person = await personOfCard(who.card);
    await signIn(page, who);
    await expect(page.getByTestId("benefit-status")).toHaveText("正常");
    await expect(page.getByTestId("benefit-reason")).toHaveText(who.reason);
    await expect(page.getByTestId("benefit-period")).toContainText("正常享受医保待遇");
    await expect(page.getByTestId("employment-status")).toHaveText(who.employment);
    const [card] = await query<{ status: string }>(`SELECT status FROM cards WHERE card_number = $1`, [
      who.card,
    ]);
    await expect(page.getByTestId("card-status")).toContainText(card!.status === "ACTIVE" ? "正常" : "挂失");

    await expect(page.getByTestId("balance")).toHaveText(yuan(person.balance_fen!));
    await expect(page.getByTestId("as-of")).toContainText(`数据截至 ${todayCst()}`);
    const [year] = await query<{ carried: string; credited: string; spent: string }>(
      `WITH bounds AS (SELECT (date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') - interval '8 hours') AS start)
       SELECT coalesce((SELECT balance_after_fen FROM entries, bounds WHERE account_id = $1 AND occurred_at < bounds.start ORDER BY id DESC LIMIT 1), 0)::text AS carried,
              coalesce((SELECT sum(amount_fen) FROM entries, bounds WHERE account_id = $1 AND occurred_at >= bounds.start AND amount_fen > 0), 0)::text AS credited,
              coalesce((SELECT -sum(amount_fen) FROM entries, bounds WHERE account_id = $1 AND occurred_at >= bounds.start AND amount_fen < 0), 0)::text AS spent`,
      [person.account_id],
    );
    await expect(page.getByTestId("carried-over")).toHaveText(yuan(year!.carried));
    await expect(page.getByTestId("credited")).toHaveText(yuan(year!.credited));
    await expect(page.getByTestId("spent")).toHaveText(yuan(year!.spent));

    // The chart's table alternative: one row per month, each the balance after the last entry posted before the month ended.
    const months = await query<{ month: string; balance: string | null }>(
      `SELECT to_char(m, 'YYYY-MM') AS month,
              (SELECT balance_after_fen::text FROM entries WHERE account_id = $1 AND occurred_at < m + interval '1 month' - interval '8 hours' ORDER BY id DESC LIMIT 1) AS balance
         FROM generate_series(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '23 months',
                              date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai'), interval '1 month') AS m
        ORDER BY m`,
      [person.account_id],
    );
    expect(months).toHaveLength(24);
    await expect(page.getByRole("img", { name: /近24个月个人账户月末余额走势/ })).toBeVisible();
    await page.getByText("以表格查看每月余额").click();
    const rows = page.getByTestId("balance-history-table").locator("tbody tr");
    await expect(rows).toHaveCount(24);
    expect(
      await rows.evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute("data-month"), tr.querySelector("td")?.textContent?.trim()]),
      ),
    ).toEqual(months.map((m) => [m.month, m.balance === null ? "—" : yuan(m.balance)]));
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, testInfo, `portal-overview-${who.label.replace(" ", "-")}`);
  });
}

test("statement: kind and date filters, the credit computation, the entry page", async ({
  page,
}, testInfo) => {
  const person = await personOfCard(DEMO.inService.card);
  await signIn(page, DEMO.inService);
  await page.goto("/me/statement");
  await page.getByLabel("类型").selectOption("MONTHLY_CREDIT");
  await page.getByLabel("开始日期").fill("2026-01-01");
  await page.getByLabel("结束日期").fill("2026-06-30");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/kind=MONTHLY_CREDIT/);
  await expect(page).toHaveURL(/from=2026-01-01/);
  await expect(page).toHaveURL(/to=2026-06-30/);

  const expected = await query<{
    id: string;
    day: string;
    amount_fen: string;
    balance_after_fen: string;
    explanation: string;
  }>(
    `SELECT e.id::text, to_char(e.occurred_at + interval '8 hours', 'YYYY-MM-DD') AS day, e.amount_fen::text, e.balance_after_fen::text,
            p.meta->>'explanation' AS explanation
       FROM entries e JOIN postings p ON p.id = e.posting_id
      WHERE e.account_id = $1 AND e.kind = 'MONTHLY_CREDIT'
        AND e.occurred_at >= timestamp '2026-01-01' - interval '8 hours' AND e.occurred_at < timestamp '2026-07-01' - interval '8 hours'
      ORDER BY e.id DESC`,
    [person.account_id],
  );
  expect(expected.length).toBeGreaterThan(0);
  const rows = page.getByTestId("statement-row");
  await expect(rows).toHaveCount(expected.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => [
      tr.getAttribute("data-entry-id"),
      ...Array.from(tr.querySelectorAll("td"), (td) => td.textContent?.trim() ?? ""),
    ]),
  );
  expect(shown.map((r) => [r[0], r[1]!.slice(0, 10), r[2]!.startsWith("月度划入"), r[4], r[5]])).toEqual(
    expected.map((e) => [e.id, e.day, true, `+${yuan(e.amount_fen)}`, yuan(e.balance_after_fen)]),
  );
  // Every monthly credit opens to show how it was computed.
  const first = rows.first();
  await first.getByText("计算方法").click();
  await expect(first.getByTestId("credit-explanation")).toContainText(expected[0]!.explanation);
  expect(expected[0]!.explanation).toMatch(/^缴费基数 [\d,]+\.\d{2} × 2% = [\d,]+\.\d{2}$/);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-statement-filtered");

  // The entry page: the computation and the deduction posted with it.
  await first.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/me/statement/${expected[0]!.id}$`));
  await expect(page.getByTestId("credit-computation")).toHaveText(expected[0]!.explanation);
  const [net] = await query<{ net: string }>(
    `SELECT sum(e.amount_fen)::text AS net FROM entries e WHERE e.account_id = $1 AND e.posting_id = (SELECT posting_id FROM entries WHERE id = $2)`,
    [person.account_id, expected[0]!.id],
  );
  await expect(page.getByTestId("credit-net")).toHaveText(`+${yuan(net!.net)}`);
  await expect(page.getByTestId("entry-amount")).toHaveText(`+${yuan(expected[0]!.amount_fen)}`);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-statement-entry");
});

test("statement: a retiree's credit is explained as the fixed amount", async ({ page }, testInfo) => {
  await signIn(page, DEMO.retired);
  await page.goto("/me/statement?kind=MONTHLY_CREDIT");
  const row = page.getByTestId("statement-row").first();
  await row.getByText("计算方法").click();
  await expect(row.getByTestId("credit-explanation")).toHaveText(
    /^退休人员定额划入 1[01]5\.00\(70周岁(以下|及以上)\)$/,
  );
  await row.getByRole("link").click();
  await expect(page.getByTestId("credit-computation")).toHaveText(/^退休人员定额划入/);
  await expect(page.getByRole("rowheader", { name: "大额互助" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-statement-entry-retired");
});

test("statement: a bad date is reported beside its field and the other filters still apply", async ({
  page,
}) => {
  await signIn(page, DEMO.inService);
  await page.goto("/me/statement?kind=PHARMACY&from=2026-02-30");
  await expect(page.getByText("开始日期格式应为 YYYY-MM-DD,如 2026-01-31")).toBeVisible();
  await expect(page.getByLabel("开始日期")).toHaveAttribute("aria-invalid", "true");
  for (const kind of await page.getByTestId("statement-row").locator("td:nth-child(2)").allTextContents())
    expect(kind).toContain("购药");
  await expectNoSeriousAxeViolations(page);
});

test("CSV export: UTF-8 with BOM, Chinese file name, rows equal to the ledger", async ({ page }) => {
  const person = await personOfCard(DEMO.inService.card);
  await signIn(page, DEMO.inService);
  await page.goto("/me/statement?year=2025");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("个人账户明细_2025.csv");
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.toString("utf8"));
  expect(header).toEqual(["日期", "类型", "摘要", "对方", "金额(元)", "余额(元)", "计算说明", "流水号"]);
  const entries = await query<{
    id: string;
    day: string;
    kind: string;
    description: string;
    amount: string;
    balance: string;
    explanation: string | null;
  }>(
    `SELECT e.id::text, to_char(e.occurred_at + interval '8 hours', 'YYYY-MM-DD') AS day, e.kind::text, coalesce(e.memo, p.description) AS description,
            to_char(e.amount_fen / 100.0, 'FM9999999990.00') AS amount, to_char(e.balance_after_fen / 100.0, 'FM9999999990.00') AS balance,
            CASE WHEN e.kind IN ('MONTHLY_CREDIT', 'BACK_CREDIT') THEN p.meta->>'explanation' END AS explanation
       FROM entries e JOIN postings p ON p.id = e.posting_id
      WHERE e.account_id = $1 AND e.occurred_at >= timestamp '2025-01-01' - interval '8 hours' AND e.occurred_at < timestamp '2026-01-01' - interval '8 hours'
      ORDER BY e.id`,
    [person.account_id],
  );
  expect(entries.length).toBeGreaterThan(20);
  expect(rows).toEqual(
    entries.map((e) => [
      e.day,
      KIND_LABEL[e.kind] ?? e.kind,
      e.description,
      "",
      e.amount,
      e.balance,
      e.explanation ?? "",
      e.id,
    ]),
  );
});

test("contributions: each month's base and parts equal the declaration, with paid status", async ({
  page,
}, testInfo) => {
  const person = await personOfCard(DEMO.inService.card);
  await signIn(page, DEMO.inService);
  await page.goto("/me/contributions");
  const lines = await query<{
    month: string;
    base: string;
    unit: string;
    own: string;
    aid: string;
    due: string;
    paid: boolean;
  }>(
    `SELECT l.month, l.base_fen::text AS base, l.unit_basic_fen::text AS unit, l.employee_basic_fen::text AS own,
            (l.unit_mutual_aid_fen + l.employee_mutual_aid_fen)::text AS aid, l.due_fen::text AS due, um.paid_up_at IS NOT NULL AS paid
       FROM contribution_lines l JOIN unit_months um ON um.id = l.unit_month_id
      WHERE l.person_id = $1 ORDER BY l.month DESC, l.id DESC`,
    [person.id],
  );
  expect(lines.length).toBeGreaterThan(0);
  const rows = page.getByTestId(
    testInfo.project.name === "mobile" ? "contribution-item" : "contribution-row",
  );
  await expect(rows).toHaveCount(lines.length);
  expect(await fieldsOf(rows, "data-month", ["base", "unit", "own", "mutual-aid", "due"])).toEqual(
    lines.map((l) => [l.month, yuan(l.base), yuan(l.unit), yuan(l.own), yuan(l.aid), yuan(l.due)]),
  );
  const states = await rows.evaluateAll((els) => els.map((el) => el.textContent ?? ""));
  expect(states.map((t) => t.includes("欠费"))).toEqual(lines.map((l) => !l.paid));
  await expect(page.getByTestId("arrears-warning")).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-contributions");
});

test("contributions: the retiree pays none and is told why", async ({ page }, testInfo) => {
  await signIn(page, DEMO.retired);
  await page.goto("/me/contributions");
  await expect(page.getByText("退休人员不再缴纳基本医疗保险费")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-contributions-retired");
});

test("arrears: an employee of the unit in arrears sees when benefits stopped, the days left and the remedy", async ({
  page,
}, testInfo) => {
  const card = testInfo.project.name === "mobile" ? "A10000031" : "A10000042";
  const person = await personOfCard(card);
  const [unit] = await query<{ unit_number: string }>(
    `SELECT u.unit_number FROM persons p JOIN units u ON u.id = p.unit_id WHERE p.id = $1`,
    [person.id],
  );
  expect(unit!.unit_number).toBe("5001000002");
  expect(person.fresh).toBe(true);
  const initial = person.personal_number.slice(-6);
  await signInPerson(page, card, initial);
  await expect(page).toHaveURL(/\/me\/password$/);
  await page.getByLabel("当前密码").fill(initial);
  await page.getByLabel("新密码", { exact: true }).fill(ARREARS_PASSWORD);
  await page.getByLabel("确认新密码").fill(ARREARS_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/me(\?|$)/);

  const unpaid = (
    await query<{ month: string }>(
      `SELECT l.month FROM contribution_lines l JOIN unit_months um ON um.id = l.unit_month_id
        WHERE l.person_id = $1 AND um.paid_up_at IS NULL ORDER BY l.month`,
      [person.id],
    )
  ).map((r) => r.month);
  expect(unpaid.length).toBeGreaterThan(0);
  const today = todayCst();
  const c = arrearsConsequences(unpaid[0]!, today);

  await expect(page.getByTestId("benefit-status")).toHaveText("暂停");
  await expect(page.getByTestId("benefit-reason")).toHaveText("单位欠费");
  await expect(page.getByTestId("benefit-period")).toHaveText(
    `${formatDayZh(c.suspendedFrom)}起暂停统筹待遇`,
  );
  await expect(page.getByTestId("benefit-restore")).toContainText("单位补缴欠费后次月恢复统筹待遇");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-overview-arrears");

  await page.getByRole("link", { name: "查看缴费记录与欠费提醒" }).click();
  await expect(page).toHaveURL(/\/me\/contributions$/);
  const warning = page.getByTestId("arrears-warning");
  await expect(warning.getByRole("heading", { name: "单位欠费提醒" })).toBeVisible();
  await expect(warning.getByTestId("arrears-owed")).toHaveText(
    `您所在单位尚未缴清${formatMonthListZh(unpaid)}的医保费(共${unpaid.length}个月)。`,
  );
  await expect(warning.getByTestId("arrears-suspension")).toHaveText(
    `${today >= c.suspendedFrom ? "已于" : "将于"}${formatDayZh(c.suspendedFrom)}起暂停统筹待遇。`,
  );
  await expect(warning.getByTestId("arrears-deadline")).toContainText(
    c.coverable ? (c.daysLeft === 0 ? "今天" : `还剩${c.daysLeft}天`) : "已超过补缴期限",
  );
  await expect(warning.getByTestId("arrears-deadline")).toContainText(formatDayZh(c.coverDeadline));
  await expect(warning.getByTestId("arrears-restore")).toHaveText("单位补缴全部欠费后,次月起恢复统筹待遇。");
  const arrearsRows = page
    .getByTestId(testInfo.project.name === "mobile" ? "contribution-item" : "contribution-row")
    .filter({ hasText: "欠费" });
  await expect(arrearsRows).toHaveCount(unpaid.length);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-contributions-arrears");
});

test("settlements: the page, the totals of the year and a settlement's detail equal the database", async ({
  page,
}, testInfo) => {
  const person = await personOfCard(DEMO.inService.card);
  await signIn(page, DEMO.inService);
  await page.goto("/me/settlements");
  type S = {
    id: number;
    day: string;
    institution: string;
    kind: string;
    total: string;
    fund: string;
    own: string;
    linked: string;
    cash: string;
  };
  const all = await query<S>(
    `SELECT s.id, to_char(s.service_date, 'YYYY-MM-DD') AS day, i.name AS institution, s.kind::text,
            s.total_fen::text AS total, s.fund_paid_fen::text AS fund, s.own_account_fen::text AS own,
            s.linked_account_fen::text AS linked, s.cash_fen::text AS cash
       FROM settlements s JOIN institutions i ON i.id = s.institution_id
      WHERE s.person_id = $1 ORDER BY s.service_date DESC, s.id DESC`,
    [person.id],
  );
  expect(all.length).toBeGreaterThan(20);
  const kindText: Record<string, string> = { PHARMACY: "购药", OUTPATIENT: "门诊", INPATIENT: "住院" };
  const mobile = testInfo.project.name === "mobile";
  const rows = page.getByTestId(mobile ? "settlement-item" : "settlement-row");
  const checkPage = async (expected: S[]) => {
    await expect(rows).toHaveCount(expected.length);
    expect(await fieldsOf(rows, "data-settlement-id", ["total", "fund", "own", "linked", "cash"])).toEqual(
      expected.map((s) => [
        String(s.id),
        yuan(s.total),
        yuan(s.fund),
        yuan(s.own),
        yuan(s.linked),
        yuan(s.cash),
      ]),
    );
    const texts = await rows.evaluateAll((els) => els.map((el) => el.textContent ?? ""));
    expect(
      texts.map((t, i) => [
        t.includes(expected[i]!.day),
        t.includes(expected[i]!.institution),
        t.includes(kindText[expected[i]!.kind]!),
      ]),
    ).toEqual(expected.map(() => [true, true, true]));
  };
  await checkPage(all.slice(0, 20));

  const [totals] = await query<{
    count: string;
    total: string;
    fund: string;
    own: string;
    linked: string;
    cash: string;
  }>(
    `SELECT count(*)::text AS count, coalesce(sum(total_fen), 0)::text AS total, coalesce(sum(fund_paid_fen), 0)::text AS fund,
            coalesce(sum(own_account_fen), 0)::text AS own, coalesce(sum(linked_account_fen), 0)::text AS linked, coalesce(sum(cash_fen), 0)::text AS cash
       FROM settlements WHERE person_id = $1 AND extract(year FROM service_date) = extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')`,
    [person.id],
  );
  const t = page.getByTestId("settlement-totals");
  await expect(t.locator("[data-field=count]")).toHaveText(`${totals!.count}笔`);
  for (const field of ["total", "fund", "own", "linked", "cash"] as const) {
    expect(await text(t.locator(`[data-field=${field}]`))).toBe(yuan(totals![field]));
  }
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-settlements");

  await page.getByRole("link", { name: "较早记录 →" }).click();
  await expect(page).toHaveURL(/after=\d{4}-\d{2}-\d{2}\.\d+/);
  await checkPage(all.slice(20, 40));
  await page.getByRole("link", { name: "← 较新记录" }).click();
  await checkPage(all.slice(0, 20));

  const s = all[0]!;
  await rows.first().getByRole("link", { name: s.institution }).click();
  await expect(page).toHaveURL(new RegExp(`/me/settlements/${s.id}$`));
  await expect(page.getByTestId("settlement-date")).toHaveText(s.day);
  await expect(page.getByTestId("settlement-institution")).toHaveText(s.institution);
  await expect(page.getByTestId("settlement-kind")).toHaveText(kindText[s.kind]!);
  for (const [id, fen] of [
    ["settlement-total", s.total],
    ["settlement-fund", s.fund],
    ["settlement-own", s.own],
    ["settlement-cash", s.cash],
  ] as const) {
    await expect(page.getByTestId(id)).toHaveText(yuan(fen));
  }
  await expect(page.getByTestId("settlement-linked")).toContainText(yuan(s.linked));
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-settlement-detail");
});

test("the retiree's settlements page", async ({ page }, testInfo) => {
  await signIn(page, DEMO.retired);
  await page.goto("/me/settlements");
  const person = await personOfCard(DEMO.retired.card);
  const [count] = await query<{ n: string }>(
    `SELECT least(count(*), 20)::text AS n FROM settlements WHERE person_id = $1`,
    [person.id],
  );
  await expect(
    page.getByTestId(testInfo.project.name === "mobile" ? "settlement-item" : "settlement-row"),
  ).toHaveCount(Number(count!.n));
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "portal-settlements-retired");
});

test("another person's statement entry or settlement id is a 404, on pages and in the API, with an audit row", async ({
  page,
}, testInfo) => {
  const me = await personOfCard(DEMO.inService.card);
  const other = await personOfCard(DEMO.retired.card);
  const [entry] = await query<{ id: string }>(
    `SELECT id::text FROM entries WHERE account_id = $1 ORDER BY id DESC LIMIT 1`,
    [other.account_id],
  );
  const [settlement] = await query<{ id: number }>(
    `SELECT id FROM settlements WHERE person_id = $1 ORDER BY id DESC LIMIT 1`,
    [other.id],
  );
  const [since] = await query<{ max: string }>(`SELECT coalesce(max(id), 0)::text AS max FROM audit_logs`);
  await signIn(page, DEMO.inService);

  for (const path of [`/me/statement/${entry!.id}`, `/me/settlements/${settlement!.id}`]) {
    const response = await page.goto(path);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("未找到");
    await expect(page.getByText("不属于您本人")).toBeVisible();
  }
  await screenshot(page, testInfo, "portal-not-found");
  for (const path of [`/api/v1/me/statement/${entry!.id}`, `/api/v1/me/settlements/${settlement!.id}`]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
  }
  const audits = await query<{ subject_person_id: number; kind: string; id: string }>(
    `SELECT subject_person_id, details->>'kind' AS kind, details->>'id' AS id FROM audit_logs
      WHERE id > $1 AND action = 'PERSON_RECORD_NOT_FOUND' AND actor_type = 'PERSON' AND actor_id = $2`,
    [since!.max, String(me.id)],
  );
  // The other project may be running the same test: count at least this test's four refusals.
  const mine = audits.filter(
    (a) =>
      (a.kind === "entry" && a.id === entry!.id) ||
      (a.kind === "settlement" && a.id === String(settlement!.id)),
  );
  expect(mine.length).toBeGreaterThanOrEqual(4);
  expect(mine.every((a) => a.subject_person_id === other.id)).toBe(true);
});

test("JSON API: statement page, contributions and settlements for the signed-in person", async ({
  page,
  request,
}) => {
  const unauthenticated = await request.get("/api/v1/me/statement");
  expect(unauthenticated.status()).toBe(401);

  const person = await personOfCard(DEMO.inService.card);
  await signIn(page, DEMO.inService);
  const statement = await (await page.request.get("/api/v1/me/statement?kind=PHARMACY&year=2025")).json();
  const pharmacy = await query<{ id: string; amount_fen: string; balance_after_fen: string }>(
    `SELECT e.id::text, e.amount_fen::text, e.balance_after_fen::text FROM entries e
      WHERE e.account_id = $1 AND e.kind = 'PHARMACY' AND e.occurred_at >= timestamp '2025-01-01' - interval '8 hours' AND e.occurred_at < timestamp '2026-01-01' - interval '8 hours'
      ORDER BY e.id DESC`,
    [person.account_id],
  );
  expect(
    statement.rows.map((r: { id: string; amountFen: number; balanceAfterFen: number }) => [
      r.id,
      String(r.amountFen),
      String(r.balanceAfterFen),
    ]),
  ).toEqual(pharmacy.map((e) => [e.id, e.amount_fen, e.balance_after_fen]));

  const bad = await page.request.get("/api/v1/me/statement?from=2026-13-01");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "INVALID_QUERY", field: "from" });

  const contributions = await (await page.request.get("/api/v1/me/contributions")).json();
  const [lines] = await query<{ n: string; due: string }>(
    `SELECT count(*)::text AS n, sum(due_fen)::text AS due FROM contribution_lines WHERE person_id = $1`,
    [person.id],
  );
  expect(contributions.rows).toHaveLength(Number(lines!.n));
  expect(String(contributions.rows.reduce((s: number, r: { dueFen: number }) => s + r.dueFen, 0))).toBe(
    lines!.due,
  );
  expect(contributions.arrears).toBeNull();
  expect(contributions.benefit.status).toBe("NORMAL");

  const settlements = await (await page.request.get("/api/v1/me/settlements")).json();
  const [first] = await query<{ id: number; own: string }>(
    `SELECT id, own_account_fen::text AS own FROM settlements WHERE person_id = $1 ORDER BY service_date DESC, id DESC LIMIT 1`,
    [person.id],
  );
  expect(settlements.rows[0]).toMatchObject({ id: first!.id, ownAccountFen: Number(first!.own) });
  const next = await (
    await page.request.get(`/api/v1/me/settlements?after=${settlements.olderCursor}`)
  ).json();
  expect(next.rows[0].id).not.toBe(first!.id);
});
