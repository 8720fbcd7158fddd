import { expect, test } from "@playwright/test";
import { query } from "./db";
import { screenshot, signInPerson } from "./helpers";
import { signInStaff } from "./staff";

test("signed-out visitors are sent to the matching sign-in page", async ({ page }) => {
  for (const [path, login] of [
    ["/me", "/login"],
    ["/me/statement", "/login"],
    ["/me/password", "/login"],
    ["/unit", "/unit/login"],
    ["/office", "/office/login"],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`${login}$`));
  }
});

test("an action posted without a session is refused, not run", async ({ page, context }) => {
  await signInPerson(page, "A10000001", "demo-person-1");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/password");
  await context.clearCookies();
  await page.getByLabel("当前密码").fill("demo-person-1");
  await page.getByLabel("新密码", { exact: true }).fill("Another2026x");
  await page.getByLabel("确认新密码").fill("Another2026x");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请先登录" })).toBeVisible();
});

test("a person's session does not open the unit or office areas", async ({ page }) => {
  await signInPerson(page, "A10000001", "demo-person-1");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/unit");
  await expect(page).toHaveURL(/\/unit\/login$/);
  await page.goto("/office");
  await expect(page).toHaveURL(/\/office\/login$/);
});

test("the clerk signs in and sees the unit", async ({ page }, testInfo) => {
  // Signing out ends all of that clerk's sessions: a clerk per project that no other spec signs in as.
  const [unit, password] = testInfo.project.name === "mobile" ? ["5001000009", "demo-clerk-9"] : ["5001000010", "demo-clerk-10"];
  await page.goto("/unit/login");
  await page.getByLabel("单位编号").fill(unit);
  await page.getByLabel("经办人用户名").fill("clerk1");
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/unit$/);
  await expect(page.getByTestId("unit-number")).toHaveText(unit);
  await screenshot(page, testInfo, "unit");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/unit\/login$/);
  await page.goto("/unit");
  await expect(page).toHaveURL(/\/unit\/login$/);
});

test("a bad unit number is explained beside the field", async ({ page }) => {
  await page.goto("/unit/login");
  await page.getByLabel("单位编号").fill("50010");
  await page.getByLabel("经办人用户名").fill("clerk1");
  await page.getByLabel("密码", { exact: true }).fill("x");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("单位编号应为10位数字")).toBeVisible();
  await expect(page.getByLabel("单位编号")).toHaveValue("50010");
});

test("the staff member signs in with password and TOTP code", async ({ page }, testInfo) => {
  await signInStaff(page, "S0001");
  await expect(page.getByTestId("staff-number")).toHaveText("S0001");
  await screenshot(page, testInfo, "office");
});

test("the balance API refuses a signed-out caller and answers the signed-in person from the ledger", async ({ page, request }) => {
  const anonymous = await request.get("/api/v1/me/balance");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");

  await signInPerson(page, "A10000001", "demo-person-1");
  await expect(page).toHaveURL(/\/me$/);
  const response = await page.request.get("/api/v1/me/balance");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.json();
  const [row] = await query<{ balance_fen: string }>(
    `SELECT a.balance_fen::text FROM cards c JOIN accounts a ON a.person_id = c.person_id WHERE c.card_number = 'A10000001'`,
  );
  expect(body.balanceFen).toBe(Number(row!.balance_fen));
});
