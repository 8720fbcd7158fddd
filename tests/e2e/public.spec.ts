/**
 * The public site (issue 7): home → every public page through the header navigation, at 375 px and on
 * desktop, each with a screenshot and no serious or critical axe violation; catalogue searches compared
 * with the e2e database; and reading without JavaScript.
 */
import { expect, type Page, test } from "@playwright/test";
import { query } from "./db";
import { expectNoSeriousAxeViolations, screenshot } from "./helpers";

const PAGES = [
  { link: "经办机构", path: "/agencies", heading: "经办机构", shot: "public-agencies" },
  { link: "定点医药机构", path: "/institutions", heading: "定点医药机构查询", shot: "public-institutions" },
  { link: "药品目录", path: "/drugs", heading: "药品目录查询", shot: "public-drugs" },
  { link: "诊疗项目", path: "/treatments", heading: "诊疗项目查询", shot: "public-treatments" },
  { link: "缴费计算器", path: "/calculator", heading: "医保缴费计算器", shot: "public-calculator" },
  { link: "常见问题", path: "/faq", heading: "常见问题", shot: "public-faq" },
] as const;

/** The header navigation: a <details> menu at 375 px (opened first), a row of links on desktop. */
async function siteNav(page: Page) {
  const nav = page.getByRole("navigation", { name: "网站导航" });
  const menu = nav.locator("summary");
  if (await menu.isVisible()) {
    await menu.click();
    await expect(nav.locator("details")).toHaveAttribute("open", "");
  }
  return nav;
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("home leads each kind of visitor on", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "重庆医保个人账户查询门户" })).toBeVisible();
  const main = page.getByRole("main");
  for (const [name, href] of [
    ["参保人登录", "/login"],
    ["单位经办人登录", "/unit/login"],
    ["工作人员登录", "/office/login"],
  ] as const) {
    await expect(main.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  }
  await expect(main.getByRole("link", { name: /^医保缴费计算器/ })).toHaveAttribute("href", "/calculator");
  await expect(main.getByRole("link", { name: "12333" })).toHaveAttribute("href", "tel:12333");
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "public-home");

  // At 375 px the header menu is a disclosure; open, it must pass axe too.
  if (testInfo.project.name === "mobile") {
    await siteNav(page);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: `tests/.artifacts/screenshots/${testInfo.project.name}-public-menu-open.png` });
  }
});

for (const target of PAGES) {
  test(`home → ${target.link} through the header`, async ({ page }, testInfo) => {
    await page.goto("/");
    const nav = await siteNav(page);
    await nav.getByRole("link", { name: target.link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${target.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: target.heading })).toBeVisible();
    // The menu closes after the navigation, and both link lists mark the current page.
    const header = page.getByRole("navigation", { name: "网站导航" });
    await expect(header.locator("details")).not.toHaveAttribute("open", "");
    await expect(header.locator(`a[aria-current="page"]`)).toHaveText([target.link, target.link]);
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, testInfo, target.shot);

    const back = await siteNav(page);
    await back.getByRole("link", { name: "首页", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
  });
}

test("a drug is found by a Chinese name fragment and by its code", async ({ page }, testInfo) => {
  const [drug] = await query<{ code: string; name: string; class: string }>(
    `SELECT code, name, class FROM drugs WHERE name = '阿莫西林胶囊'`,
  );
  expect(drug).toBeDefined();

  await page.goto("/");
  await page.getByLabel("查药品或诊疗项目(名称、编码均可)").fill("莫西林");
  await page.getByRole("button", { name: "查药品" }).click();
  await expect(page).toHaveURL(/\/drugs\?q=/);
  const rows = page.getByTestId("drug-row");
  const expected = await query<{ name: string }>(
    `SELECT name FROM drugs WHERE name LIKE '%莫西林%' ORDER BY code COLLATE "C"`,
  );
  await expect(rows).toHaveCount(Math.min(expected.length, 20));
  await expect(rows.filter({ hasText: drug!.name })).toHaveCount(1);
  await expect(page.getByTestId("result-count")).toHaveText(`共 ${expected.length} 条记录。`);
  await expect(rows.first().locator("mark").first()).toHaveText("莫西林");
  await expect(page.getByLabel("名称或编码")).toHaveValue("莫西林");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "public-drugs-by-name");

  // Two characters (no trigram) still find it.
  await page.getByLabel("名称或编码").fill("西林");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(rows.filter({ hasText: drug!.name })).toHaveCount(1);

  // The code, typed in lower case: exactly that drug, with its class.
  await page.getByLabel("名称或编码").fill(drug!.code.toLowerCase());
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(drug!.name);
  await expect(rows.first()).toContainText(`${drug!.class}类`);
  await expect(rows.first()).toContainText(drug!.code);
  await expectNoHorizontalOverflow(page);
  await screenshot(page, testInfo, "public-drugs-by-code");
});

test("drug pages go forward and back by code, keeping the filter", async ({ page }) => {
  const codes = (
    await query<{ code: string }>(`SELECT code FROM drugs WHERE class = '甲' ORDER BY code`)
  ).map((r) => r.code);
  expect(codes.length).toBeGreaterThan(40);
  await page.goto("/drugs");
  await page.getByLabel("类别").selectOption("甲");
  await page.getByRole("button", { name: "搜索" }).click();
  const rows = page.getByTestId("drug-row");
  await expect(rows.first()).toContainText(codes[0]!);
  await page.getByRole("link", { name: "下一页 →" }).click();
  await expect(page).toHaveURL(/class=%E7%94%B2.*after=/);
  await expect(rows.first()).toContainText(codes[20]!);
  await expect(rows.last()).toContainText(codes[39]!);
  await page.getByRole("link", { name: "← 上一页" }).click();
  await expect(rows.first()).toContainText(codes[0]!);
  await expect(page.getByRole("link", { name: "← 上一页" })).toHaveCount(0);
});

test("treatment items are found by name and by code prefix", async ({ page }, testInfo) => {
  await page.goto("/treatments?q=胃镜");
  const rows = page.getByTestId("treatment-row");
  await expect(rows.filter({ hasText: "无痛胃镜检查" })).toHaveCount(1);
  await page.getByLabel("名称或编码").fill("1102");
  await page.getByRole("button", { name: "搜索" }).click();
  const expected = await query<{ name: string }>(
    `SELECT name FROM treatment_items WHERE code LIKE '1102%' ORDER BY code`,
  );
  await expect(rows).toHaveCount(expected.length);
  await expect(rows.first()).toContainText(expected[0]!.name);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "public-treatments-by-code");
});

test("institutions are filtered by district, level and type", async ({ page }, testInfo) => {
  await page.goto("/institutions");
  await page.getByLabel("区县").selectOption({ label: "渝中区" });
  await page.getByLabel("医院等级").selectOption("三级");
  await page.getByLabel("机构类型").selectOption({ label: "医院" });
  await page.getByRole("button", { name: "搜索" }).click();
  const expected = await query<{ name: string }>(
    `SELECT name FROM institutions WHERE district_code = '500103' AND level LIKE '三级%' AND type = 'HOSPITAL'`,
  );
  expect(expected.length).toBeGreaterThan(3);
  const rows = page.getByTestId("institution-row");
  await expect(rows).toHaveCount(expected.length);
  for (const { name } of expected) await expect(rows.filter({ hasText: name })).toHaveCount(1);
  await expect(page.getByLabel("区县")).toHaveValue("500103");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "public-institutions-filtered");

  await page.goto("/institutions?type=FITNESS&q=全民健身");
  const fitness = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM institutions WHERE type = 'FITNESS' AND name LIKE '%全民健身%'`,
  );
  await expect(rows).toHaveCount(fitness[0]!.n);
  await expect(rows.first()).toContainText("健身场所");
});

test("the agency for a district: its own office, or the city centre", async ({ page }, testInfo) => {
  await page.goto("/agencies");
  await expect(page.getByTestId("agency")).toHaveCount(5);
  await expect(page.getByRole("link", { name: "023-63892269" }).first()).toHaveAttribute(
    "href",
    "tel:02363892269",
  );
  await page.getByLabel("我的参保区县").selectOption({ label: "大渡口区" });
  await page.getByRole("button", { name: "查找" }).click();
  const answer = page.getByTestId("district-answer");
  await expect(answer).toContainText("重庆市医疗保险管理中心大渡口区分中心");
  await expect(answer).toContainText("重庆市大渡口区双山路11号");
  await expect(answer.getByRole("link", { name: "023-68951283" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "public-agencies-district");

  await page.getByLabel("我的参保区县").selectOption({ label: "渝北区" });
  await page.getByRole("button", { name: "查找" }).click();
  await expect(answer).toContainText("市医保中心办理");
  await expect(answer).toContainText("重庆市渝中区人民路13号");
  await expect(answer).toContainText("400015");
});

test("the FAQ answers seed 004 and the account rules, linking to the pages that do it", async ({ page }) => {
  await page.goto("/faq");
  expect(await page.getByTestId("faq-item").count()).toBeGreaterThanOrEqual(15);
  const pays = page.locator("#account-pays");
  await expect(pays).toContainText("健身");
  await expect(pays).toContainText("不能提取现金");
  await expect(page.locator("#fund-pays")).toContainText("肾透析");
  await expect(page.locator("#card-loss")).toContainText("10 天");
  await expect(page.locator("#linkage")).toContainText("一对一");
  await page
    .locator("#card-loss")
    .getByRole("link", { name: /在线预挂失/ })
    .click();
  // The person area asks a signed-out visitor to sign in first.
  await expect(page).toHaveURL(/\/login$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the menu opens, pages read, and a search runs", async ({ page }, testInfo) => {
    await page.goto("/");
    const nav = await siteNav(page);
    await nav.getByRole("link", { name: "药品目录", exact: true }).click();
    await expect(page).toHaveURL(/\/drugs$/);
    await page.getByLabel("名称或编码").fill("头孢");
    await page.getByLabel("类别").selectOption("乙");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/q=%E5%A4%B4%E5%AD%A2/);
    const rows = page.getByTestId("drug-row");
    await expect(rows.first()).toContainText("头孢");
    await expect(rows.first()).toContainText("乙类");
    // The home search's second button posts the same form to the treatment items (formaction).
    await page.goto("/");
    await page.getByLabel("查药品或诊疗项目(名称、编码均可)").fill("胃镜");
    await page.getByRole("button", { name: "查诊疗项目" }).click();
    await expect(page).toHaveURL(/\/treatments\?q=/);
    await expect(page.getByTestId("treatment-row").filter({ hasText: "胃镜检查" }).first()).toBeVisible();
    await page.goto("/faq#card-loss");
    await expect(page.locator("#card-loss")).toContainText("预挂失");
    await screenshot(page, testInfo, "public-no-js-faq");
  });
});
