import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations, screenshot } from "./helpers";

test("unit employee, 2025-10, wage 6000: the amounts on screen", async ({ page }, testInfo) => {
  await page.goto("/calculator");
  await expect(page.getByRole("heading", { name: "医保缴费计算器" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("月份").fill("2025-10");
  await page.getByLabel("月工资(元)").fill("6000");
  await page.getByRole("button", { name: "计算" }).click();

  await expect(page).toHaveURL(/category=unit-employee&month=2025-10&wage=6000/);
  const result = page.getByTestId("calculator-result");
  await expect(result.getByRole("row", { name: /个人缴纳基本医疗保险费/ })).toContainText("¥120.00");
  await expect(result.getByRole("row", { name: /单位缴纳基本医疗保险费/ })).toContainText("¥510.00");
  await expect(result.getByRole("row", { name: /划入个人账户/ })).toContainText("¥120.00");
  await expect(result.getByRole("row", { name: /单位每月应缴合计/ })).toContainText("¥725.00");
  await expect(result.getByText("暂定")).toHaveCount(0);
  await expect(page.getByLabel("月工资(元)")).toHaveValue("6000");

  // Mobile-first: nothing wider than the viewport.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "calculator-unit-employee");
});

test("a bad wage is explained beside the field and what was typed stays", async ({ page }, testInfo) => {
  await page.goto("/calculator?category=unit-employee");
  await page.getByLabel("月份").fill("2025-10");
  await page.getByLabel("月工资(元)").fill("6000.001");
  await page.getByRole("button", { name: "计算" }).click();

  const wage = page.getByLabel("月工资(元)");
  await expect(wage).toHaveValue("6000.001");
  await expect(wage).toHaveAttribute("aria-invalid", "true");
  const error = page.locator("#wage-error");
  await expect(error).toHaveText("金额最多保留两位小数（精确到分）");
  await expect(wage).toHaveAttribute("aria-describedby", /wage-error/);
  await expect(page.getByTestId("calculator-result")).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "calculator-bad-wage");
});

test("a month without policy is refused beside the month field", async ({ page }) => {
  await page.goto("/calculator?category=unit-employee&month=2019-05&wage=6000");
  await expect(page.locator("#month-error")).toHaveText("没有 2019-05 的政策参数");
  await expect(page.getByLabel("月工资(元)")).toHaveValue("6000");
});

test("a provisional period says 暂定", async ({ page }, testInfo) => {
  await page.goto("/calculator?category=individual-tier2&year=2026");
  await expect(page.getByRole("note").filter({ hasText: "暂定" })).toBeVisible();
  await expect(page.getByTestId("calculator-result").getByRole("row", { name: /年缴费合计/ })).toContainText("¥6,765.00");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "calculator-provisional");
});

test("the retirement check, DOMAIN's example", async ({ page }, testInfo) => {
  await page.goto("/calculator");
  await page.getByRole("link", { name: "退休缴费年限" }).click();
  await page.getByLabel("性别").selectOption("M");
  await page.getByLabel("总缴费月数").fill("341");
  await page.getByLabel("本市实际缴费月数").fill("200");
  await page.getByLabel("单位上年度平均月缴费基数(元)").fill("4775");
  await page.getByRole("button", { name: "计算" }).click();
  const result = page.getByTestId("calculator-result");
  await expect(result.getByRole("row", { name: /总缴费月数尚差/ })).toContainText("19个月");
  await expect(result.getByRole("row", { name: /一次性缴费金额/ })).toContainText("¥7,258.00");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "calculator-retirement");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still computes", async ({ page }) => {
    await page.goto("/calculator?category=unit-employee");
    await page.getByLabel("月份").fill("2025-10");
    await page.getByLabel("月工资(元)").fill("6000.00");
    await page.getByRole("button", { name: "计算" }).click();
    await expect(page.getByTestId("calculator-result").getByRole("row", { name: /单位缴纳基本医疗保险费/ })).toContainText(
      "¥510.00",
    );
  });
});

test.describe("the API", () => {
  const url = "/api/v1/calculator/contribution";

  test("the done-when example, exactly", async ({ request }) => {
    const response = await request.get(`${url}?category=unit-employee&month=2025-10&wage=6000.00`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({
      baseFen: 600000,
      unitBasicFen: 51000,
      employeeBasicFen: 12000,
      unitMutualAidFen: 9000,
      employeeMutualAidFen: 500,
      ltcFundFen: 600,
      ltcAccountFen: 600,
      accountCreditFen: 12000,
      provisional: false,
    });
  });

  test("the other categories", async ({ request }) => {
    const cases: [string, unknown][] = [
      [
        "category=unit-retiree&month=2025-10&birthDate=1955-10-31",
        { accountCreditFen: 11500, mutualAidDeductionFen: 500, ltcDeductionFen: 550, netCreditFen: 10450, provisional: false },
      ],
      [
        "category=individual-tier1&year=2024",
        { yearlyBaseFen: 5820000, basicFen: 232800, mutualAidFen: 58200, totalFen: 291000, ltcFen: 12600, provisional: false },
      ],
      ["category=resident-tier2&year=2026", { premiumFen: 77500, provisional: false }],
    ];
    for (const [query, body] of cases) {
      const response = await request.get(`${url}?${query}`);
      expect(response.status(), query).toBe(200);
      expect(await response.json()).toEqual(body);
    }
    const retirement = await request.get(
      "/api/v1/calculator/retirement?gender=M&totalMonths=341&localMonths=200&unitAverageBase=4775",
    );
    expect(await retirement.json()).toEqual({
      eligible: false,
      requiredMonths: 360,
      monthsShort: 19,
      localMonthsShort: 0,
      lumpSumFen: 725800,
    });
  });

  test("a bad parameter is a 400 naming it", async ({ request }) => {
    for (const query of [
      "category=unit-employee&month=2025-10&wage=abc",
      "category=unit-employee&month=2025-10&wage=1e5",
      "category=unit-employee&month=2025-10&wage=-1",
      "category=unit-employee&month=2025-10&wage=6000.001",
      `category=unit-employee&month=2025-10&wage=${"9".repeat(300)}`,
      "category=unit-employee&month=2025-10&wage=6000&wage=7000",
    ]) {
      const response = await request.get(`${url}?${query}`);
      expect(response.status(), query).toBe(400);
      expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
      const body = await response.json();
      expect(body.error.code, query).toBe("INVALID_PARAMETER");
      expect(body.error.message, query).toMatch(/^参数 wage\(月工资\)有误:/);
    }
    const missing = await request.get(`${url}?month=2025-10&wage=6000`);
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toEqual({ error: { code: "MISSING_PARAMETER", message: "缺少参数 category(计算类别)" } });
  });

  test("a month without policy is a 422 naming it", async ({ request }) => {
    const response = await request.get(`${url}?category=unit-employee&month=2019-05&wage=6000.00`);
    expect(response.status()).toBe(422);
    expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({ error: { code: "NO_POLICY", message: "没有 2019-05 的政策参数" } });
  });
});
