import { expect, test } from "@playwright/test";
import { query, yuan } from "./db";
import { expectNoSeriousAxeViolations, screenshot, signInPerson } from "./helpers";

async function accountOfCard(cardNumber: string) {
  const [row] = await query<{ account_id: number; balance_fen: string }>(
    `SELECT a.id AS account_id, a.balance_fen::text FROM cards c JOIN accounts a ON a.person_id = c.person_id WHERE c.card_number = $1`,
    [cardNumber],
  );
  if (!row) throw new Error(`no account for ${cardNumber}`);
  return row;
}

test("the demo person sees the balance the ledger holds, and the statement newest first", async ({ page }, testInfo) => {
  await signInPerson(page, "A10000001", "demo-person-1");
  await expect(page).toHaveURL(/\/me$/);
  const account = await accountOfCard("A10000001");
  await expect(page.getByTestId("balance")).toHaveText(yuan(account.balance_fen));
  await expect(page.getByText("数据截至")).toBeVisible();
  await expect(page.getByText("500103********")).toBeVisible();
  // This year's 上年结转 + 本年划入 − 本年支出 is the balance: all three derived from the ledger.
  const fenOf = async (testId: string) => BigInt(((await page.getByTestId(testId).textContent()) ?? "").replace(/[¥,.]/g, ""));
  expect((await fenOf("carried-over")) + (await fenOf("credited")) - (await fenOf("spent"))).toBe(BigInt(account.balance_fen));
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "me");

  await page.getByRole("link", { name: "查看个人账户明细" }).click();
  await expect(page).toHaveURL(/\/me\/statement/);
  const entries = await query<{ amount_fen: string; balance_after_fen: string }>(
    `SELECT amount_fen::text, balance_after_fen::text FROM entries WHERE account_id = $1 ORDER BY id DESC LIMIT 51`,
    [account.account_id],
  );
  const rows = page.getByTestId("statement-row");
  await expect(rows).toHaveCount(50);
  const first = rows.first();
  await expect(first.locator("td").nth(3)).toHaveText(`${BigInt(entries[0]!.amount_fen) > 0n ? "+" : ""}${yuan(entries[0]!.amount_fen)}`);
  await expect(first.locator("td").nth(4)).toHaveText(yuan(entries[0]!.balance_after_fen));
  await expect(rows.last().locator("td").nth(4)).toHaveText(yuan(entries[49]!.balance_after_fen));
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "statement");

  // Keyset pagination: the next page starts right after the last row of this one.
  await page.getByRole("link", { name: "较早记录 →" }).click();
  await expect(page).toHaveURL(/after=\d+/);
  await expect(rows.first().locator("td").nth(4)).toHaveText(yuan(entries[50]!.balance_after_fen));
  await page.getByRole("link", { name: "← 较新记录" }).click();
  await expect(rows.first().locator("td").nth(4)).toHaveText(yuan(entries[0]!.balance_after_fen));
});

test("the year filter shows only that year's entries", async ({ page }) => {
  await signInPerson(page, "A10000001", "demo-person-1");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/statement");
  await page.getByLabel("年度").selectOption("2025");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/year=2025/);
  const dates = await page.getByTestId("statement-row").locator("td:first-child").allTextContents();
  expect(dates.length).toBeGreaterThan(0);
  for (const d of dates) expect(d).toMatch(/^2025-/);
});

test("the retired demo person signs in", async ({ page }, testInfo) => {
  await signInPerson(page, "A10000002", "demo-person-2");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("退休", { exact: true })).toBeVisible();
  const account = await accountOfCard("A10000002");
  await expect(page.getByTestId("balance")).toHaveText(yuan(account.balance_fen));
  await screenshot(page, testInfo, "me-retired");
});

test("a wrong password is refused with a message and the typed card number is kept", async ({ page }, testInfo) => {
  // A person of its own per project, so the two viewports never add up to a lockout.
  const card = testInfo.project.name === "mobile" ? "A10000011" : "A10000012";
  await signInPerson(page, card, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "账号或密码错误" })).toBeVisible();
  await expect(page.getByLabel("社会保障卡号或身份证号")).toHaveValue(card);
  await expect(page).toHaveURL(/\/login$/);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "login-refused");
});

test("a malformed card or ID number gets a message beside the field", async ({ page }) => {
  await signInPerson(page, "50010319900101123", "whatever");
  await expect(page.getByText("请输入社会保障卡号(1位字母加8位数字)或18位身份证号").or(page.getByText(/身份证号/).first())).toBeVisible();
  await signInPerson(page, "500103199001011235", "whatever");
  await expect(page.getByText(/校验位/)).toBeVisible();
});

test("first sign-in with the initial password must set a new one before anything else", async ({ page }, testInfo) => {
  const offset = testInfo.project.name === "mobile" ? 20 : 21;
  const [p] = await query<{ card_number: string; personal_number: string }>(
    `SELECT c.card_number, p.personal_number FROM persons p JOIN cards c ON c.person_id = p.id
     WHERE p.password_hash IS NULL ORDER BY p.id OFFSET $1 LIMIT 1`,
    [offset],
  );
  await signInPerson(page, p!.card_number, p!.personal_number.slice(-6));
  await expect(page).toHaveURL(/\/me\/password$/);
  await page.goto("/me/statement");
  await expect(page).toHaveURL(/\/me\/password$/);
  await screenshot(page, testInfo, "password-required");

  await page.getByLabel("当前密码").fill(p!.personal_number.slice(-6));
  await page.getByLabel("新密码", { exact: true }).fill("short");
  await page.getByLabel("确认新密码").fill("short");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("新密码长度应为8到64位")).toBeVisible();

  await page.getByLabel("当前密码").fill(p!.personal_number.slice(-6));
  await page.getByLabel("新密码", { exact: true }).fill("Chongqing2026");
  await page.getByLabel("确认新密码").fill("Chongqing2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/me(\?|$)/);
  await page.goto("/me/statement");
  await expect(page).toHaveURL(/\/me\/statement$/);
});
