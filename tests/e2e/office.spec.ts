/**
 * The office console end to end (issue 6, DOMAIN §7–§9): a linkage request taken at the counter by S0001,
 * approved by S0002 (not by S0001: separation of duties), seen by the user, used by a settlement once the
 * user's own money is spent, seen by the provider, refused to be cancelled by another agency's staff,
 * looked up with a reason (audited), and cancelled by the handling agency. Each project (mobile, desktop)
 * uses its own pair of persons, none of them in a linkage beforehand.
 */
import { type Browser, expect as baseExpect, type Page, type TestInfo, test } from "@playwright/test";
import { makeIdNumber } from "../../lib/domain/id-number";
import { DEMO_INSTITUTION } from "../../prisma/seed/load";
import { query, yuan } from "./db";
import { expectNoSeriousAxeViolations, screenshot, signInPerson } from "./helpers";
import { signInStaff } from "./staff";

// Several suites share this machine; password hashing and axe are slow under load, so waits are generous.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

interface Candidate {
  id: number;
  id_number: string;
  personal_number: string;
  card_number: string;
  name: string;
  balance_fen: string;
}

/**
 * Unit-insured persons of S0001's agency, not in arrears, not in the seed's story: six, newest first.
 * Only seed-time facts are used, so both projects get the same list however far the other has got.
 */
async function candidates(): Promise<Candidate[]> {
  const rows = await query<Candidate>(
    `SELECT p.id, p.id_number, p.personal_number, c.card_number, p.name, a.balance_fen::text
       FROM persons p
       JOIN staff s ON s.agency_id = p.agency_id AND s.staff_number = 'S0001'
       JOIN accounts a ON a.person_id = p.id
       JOIN LATERAL (SELECT card_number FROM cards WHERE person_id = p.id ORDER BY id LIMIT 1) c ON true
       JOIN units u ON u.id = p.unit_id AND u.unit_number <> '5001000002'
      WHERE p.category = 'EMPLOYEE_UNIT'
        AND c.card_number NOT IN ('A10000001', 'A10000002', 'A10000003', 'A10000006', 'A10000013', 'A10000050')
        AND NOT EXISTS (SELECT 1 FROM linkages l WHERE l.approved_by_staff_id IS NULL AND (l.user_person_id = p.id OR l.provider_person_id = p.id))
      ORDER BY p.id DESC LIMIT 6`,
  );
  expect(rows).toHaveLength(6);
  return rows;
}

/** Two per project for the linkage walk; the one with less money is the user, so a settlement soon runs through. */
async function pairFor(testInfo: TestInfo): Promise<{ user: Candidate; provider: Candidate }> {
  const rows = await candidates();
  const [a, b] = testInfo.project.name === "mobile" ? [rows[0]!, rows[1]!] : [rows[2]!, rows[3]!];
  return BigInt(a.balance_fen) <= BigInt(b.balance_fen) ? { user: a, provider: b } : { user: b, provider: a };
}

async function newPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const { viewport, baseURL, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ viewport, baseURL, locale, timezoneId });
  return context.newPage();
}

/** First sign-in of a demo person: the initial password (last 6 digits of the personal number), then a new one. */
async function signInFirstTime(page: Page, person: Candidate) {
  await signInPerson(page, person.card_number, person.personal_number.slice(-6));
  await expect(page).toHaveURL(/\/me\/password$/);
  await page.getByLabel("当前密码").fill(person.personal_number.slice(-6));
  await page.getByLabel("新密码", { exact: true }).fill("Linked2026ab");
  await page.getByLabel("确认新密码").fill("Linked2026ab");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/me(\?|$)/);
}

const masked = (name: string) => `${Array.from(name)[0]}${"*".repeat(Array.from(name).length - 1)}`;

test("a counter linkage request goes from S0001 to S0002 to the user, a settlement, the provider, and back to cancellation", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(400_000);
  const { user, provider } = await pairFor(testInfo);
  const userBalance = BigInt(user.balance_fen);

  // 1. S0001 takes the request at the counter for the provider who walked in.
  await signInStaff(page, "S0001");
  await page.getByRole("link", { name: "关联申请" }).first().click();
  await expect(page).toHaveURL(/\/office\/linkage-requests/);
  await page.getByRole("link", { name: "窗口受理新申请" }).click();
  await page.getByLabel("提供人身份证号或社会保障卡号").fill(provider.card_number);
  await page.getByLabel("使用人身份证号或社会保障卡号").fill(user.id_number);
  for (const label of [
    "提供人居民身份证原件",
    "提供人居民身份证复印件",
    "提供人社会保障卡原件",
    "提供人社会保障卡复印件",
  ]) {
    await page.getByLabel(label).check();
  }
  await page.getByLabel(/申请表/).check();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "office-counter-form");
  await page.getByRole("button", { name: "受理申请" }).click();
  await expect(page).toHaveURL(/\/office\/linkage-requests\/\d+\?done=created$/);
  const requestId = Number(/linkage-requests\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByTestId("request-status")).toHaveText("待审核");
  for (const rule of ["NOT_SELF", "ONE_TO_ONE", "EMPLOYEE_INSURANCE", "CHONGQING_ONLY", "NORMAL_BENEFIT"]) {
    await expect(page.getByTestId(`rule-${rule}`)).toHaveAttribute("data-ok", "true");
  }
  // Separation of duties: the creator is told why there is no approve button.
  await expect(page.getByTestId("cannot-approve")).toContainText("岗位分离");
  await expect(page.getByRole("button", { name: "审批通过" })).toHaveCount(0);
  await expect(page.getByText(masked(user.name)).first()).toBeVisible();
  await expect(page.getByText(user.id_number)).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "office-request-pending");

  // 2. S0002 finds it in the queue by the user's ID number and approves it.
  const s2 = await newPage(browser, testInfo);
  await signInStaff(s2, "S0002");
  await s2.goto("/office/linkage-requests");
  await s2.getByRole("textbox", { name: "搜索" }).fill(user.id_number);
  await s2.getByRole("button", { name: "查询" }).click();
  await expect(s2.getByTestId("request-row")).toHaveCount(1);
  await expectNoSeriousAxeViolations(s2);
  await screenshot(s2, testInfo, "office-queue");
  await s2.getByRole("link", { name: `申请 #${requestId}` }).click();
  await expect(s2.getByLabel("提供人社会保障卡复印件")).toBeChecked();
  await s2.getByRole("button", { name: "审批通过" }).click();
  await expect(s2.getByTestId("request-status")).toHaveText("已通过");
  await expect(s2.getByText("已审批通过")).toBeVisible();
  await screenshot(s2, testInfo, "office-request-approved");
  const [linkage] = await query<{ id: number; status: string; approved_by: string; members: string }>(
    `SELECT l.id, l.status, s.staff_number AS approved_by, (SELECT count(*) FROM linkage_members m WHERE m.linkage_id = l.id)::text AS members
       FROM linkages l JOIN staff s ON s.id = l.approved_by_staff_id
      WHERE l.user_person_id = $1 AND l.provider_person_id = $2`,
    [user.id, provider.id],
  );
  expect(linkage).toMatchObject({ status: "ACTIVE", approved_by: "S0002", members: "2" });

  // 3. The user sees the linkage.
  const userPage = await newPage(browser, testInfo);
  await signInFirstTime(userPage, user);
  await userPage.goto("/me/linkage");
  await expect(userPage.getByTestId("linkage-role")).toHaveText("使用人");
  await expect(userPage.getByTestId("linkage-other")).toHaveText(masked(provider.name));
  await screenshot(userPage, testInfo, "office-walk-user-linkage");

  // 4. A settlement for the user: own account first, then the provider's.
  const extraFen = 5_000n;
  const totalFen = userBalance + extraFen;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const settled = await request.post("/api/v1/settlements", {
    headers: { authorization: `Bearer ${DEMO_INSTITUTION.apiKey}` },
    data: {
      institutionCode: DEMO_INSTITUTION.code,
      settlementNo: `E2E-LINK-${testInfo.project.name}-${requestId}`,
      idNumber: user.id_number,
      serviceDate: today,
      kind: "pharmacy",
      totalFen: Number(totalFen),
      fundPayableFen: 0,
      selfPayFen: Number(totalFen),
      channel: "voucher",
    },
  });
  expect(settled.status()).toBe(201);
  expect(await settled.json()).toMatchObject({
    ownAccountFen: Number(userBalance),
    linkedAccountFen: Number(extraFen),
    cashFen: 0,
  });

  await userPage.reload();
  await expect(userPage.getByTestId("linked-payment")).toHaveCount(1);
  await expect(userPage.getByTestId("linked-payment").first()).toContainText(yuan(extraFen));

  // 5. The provider sees that payment, from their account, for the user.
  const providerPage = await newPage(browser, testInfo);
  await signInFirstTime(providerPage, provider);
  await providerPage.goto("/me/linkage");
  await expect(providerPage.getByTestId("linkage-role")).toHaveText("提供人");
  await expect(providerPage.getByTestId("linked-payment").first()).toContainText(yuan(extraFen));
  await screenshot(providerPage, testInfo, "office-walk-provider-linkage");
  await providerPage.goto("/me/statement");
  const linkedRow = providerPage.getByTestId("statement-row").filter({ hasText: "关联支付" }).first();
  await expect(linkedRow).toContainText(`-${yuan(extraFen)}`);
  await screenshot(providerPage, testInfo, "office-walk-provider-statement");

  // 6. Staff of another agency (S0003, 渝中区) may not cancel it, and are told why.
  const s3 = await newPage(browser, testInfo);
  await signInStaff(s3, "S0003");
  await s3.goto(`/office/linkages/${linkage!.id}`);
  await expect(s3.getByTestId("cannot-cancel")).toContainText("只能由该机构取消");
  await expect(s3.getByRole("button", { name: "取消关联" })).toHaveCount(0);
  await screenshot(s3, testInfo, "office-linkage-other-agency");

  // 7. S0001 looks the user up (reason required, audited) and sees what the user sees.
  await page.getByRole("link", { name: "人员查询" }).first().click();
  await page.getByLabel("身份证号或社会保障卡号").fill(user.id_number);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("请填写原因")).toBeVisible();
  const reason = `e2e ${testInfo.project.name} 核对关联支付`;
  await page.getByLabel("查询原因").fill(reason);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(new RegExp(`/office/persons/${user.id}$`));
  await expect(page.getByTestId("lookup-reason")).toContainText(reason);
  await expect(page.getByTestId("person-linkage")).toContainText(masked(provider.name));
  await expect(page.getByTestId("balance")).toHaveText(yuan(0));
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "office-person-overview");
  await page.getByRole("link", { name: "就诊结算" }).last().click();
  await expect(page.getByTestId("settlement-row").first()).toContainText(`关联账户 ${yuan(extraFen)}`);
  await screenshot(page, testInfo, "office-person-settlements");
  const lookups = await query<{ action: string; reason: string; staff_number: string }>(
    `SELECT a.action, a.reason, s.staff_number FROM audit_logs a JOIN staff s ON a.actor_type = 'STAFF' AND s.id = a.actor_id::int
      WHERE a.subject_person_id = $1 AND a.action IN ('PERSON_LOOKUP', 'PERSON_VIEW') ORDER BY a.id`,
    [user.id],
  );
  expect(lookups.map((l) => l.action)).toEqual(["PERSON_LOOKUP", "PERSON_VIEW", "PERSON_VIEW"]);
  expect(lookups.every((l) => l.reason === reason && l.staff_number === "S0001")).toBe(true);

  // 8. The audit trail shows who did what to this person.
  await page.goto(`/office/audit?person=${user.id_number}`);
  const actions = await page
    .getByTestId("audit-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  for (const action of ["LINKAGE_REQUEST_CREATE", "LINKAGE_REQUEST_APPROVE", "PERSON_LOOKUP", "PERSON_VIEW"])
    expect(actions).toContain(action);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "office-audit");

  // 9. The handling agency cancels it; the user no longer has a linkage.
  await page.goto(`/office/linkages/${linkage!.id}`);
  await page.getByLabel("取消原因").fill("使用人申请取消关联");
  await page.getByRole("button", { name: "取消关联" }).click();
  await expect(page.getByTestId("linkage-status")).toHaveText("已取消");
  await screenshot(page, testInfo, "office-linkage-cancelled");
  const [after] = await query<{ status: string; members: string; request_status: string }>(
    `SELECT l.status, (SELECT count(*) FROM linkage_members m WHERE m.linkage_id = l.id)::text AS members, r.status AS request_status
       FROM linkages l JOIN linkage_requests r ON r.linkage_id = l.id WHERE l.id = $1`,
    [linkage!.id],
  );
  expect(after).toEqual({ status: "CANCELLED", members: "0", request_status: "CANCELLED" });
  await userPage.goto("/me/linkage");
  await expect(userPage.getByTestId("active-linkage")).toHaveCount(0);
});

test("every counter refusal names its rule", async ({ page }, testInfo) => {
  const { user } = await pairFor(testInfo);
  const [resident] = await query<{ card_number: string }>(
    `SELECT c.card_number FROM persons p JOIN staff s ON s.agency_id = p.agency_id AND s.staff_number = 'S0001'
       JOIN cards c ON c.person_id = p.id WHERE p.category = 'RESIDENT' ORDER BY p.id LIMIT 1`,
  );
  const [linkedUser] = await query<{ id_number: string }>(
    `SELECT p.id_number FROM linkages l JOIN persons p ON p.id = l.user_person_id WHERE l.status = 'ACTIVE' AND l.approved_by_staff_id IS NULL LIMIT 1`,
  );
  await signInStaff(page, "S0001");
  const attempt = async (providerText: string, userText: string) => {
    await page.goto("/office/linkage-requests/new");
    await page.getByLabel("提供人身份证号或社会保障卡号").fill(providerText);
    await page.getByLabel("使用人身份证号或社会保障卡号").fill(userText);
    await page.getByRole("button", { name: "受理申请" }).click();
  };

  await attempt(resident!.card_number, user.id_number);
  await expect(page.getByRole("alert").filter({ hasText: "【" })).toContainText(
    "【仅限职工医保规则】提供人参加的是城乡居民医保",
  );
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "office-refused-resident");

  // 小明 in 成都: a provider insured outside Chongqing is not in our records at all.
  await attempt(makeIdNumber("510104", "1988-05-20", 321), user.id_number);
  await expect(page.getByText("【仅限重庆参保规则】")).toBeVisible();

  // Someone already linked (the seed's user) cannot link again, in either role.
  await attempt(user.card_number, linkedUser!.id_number);
  await expect(page.getByRole("alert").filter({ hasText: "【" })).toContainText(
    "【一对一关联规则】使用人已作为使用人在一项有效关联中",
  );
  await screenshot(page, testInfo, "office-refused-one-to-one");
});

test("staff sign-in asks for the TOTP code after the password; a wrong code is refused", async ({
  page,
}, testInfo) => {
  await page.goto("/office/login");
  await page.getByLabel("工号").fill("S0002");
  await page.getByLabel("密码", { exact: true }).fill("demo-staff-2");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByLabel("动态口令")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "office-totp-step");
  await page.getByLabel("动态口令").fill("12345");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByText("动态口令为6位数字")).toBeVisible();
  await page.getByLabel("动态口令").fill("000000");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByText(/动态口令错误,还可尝试\d次/)).toBeVisible();
  await expect(page).toHaveURL(/\/office\/login$/);
  await page.goto("/office");
  await expect(page).toHaveURL(/\/office\/login$/);
});

test("S0003 (no TOTP yet) sees the enrolment page with a secret to add", async ({ page }, testInfo) => {
  await signInStaff(page, "S0003");
  await expect(page.getByText("您尚未启用动态口令")).toBeVisible();
  await page.getByRole("link", { name: "动态口令" }).first().click();
  await expect(page.getByTestId("totp-secret")).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{4})+$/);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "office-totp-enrol");
});

test("card at the counter: pre-loss, cancel, formal loss (confirmed, final) with the reissue date, not collected early", async ({
  page,
}, testInfo) => {
  const person = (await candidates())[testInfo.project.name === "mobile" ? 4 : 5]!;
  await signInStaff(page, "S0001");
  await page.goto("/office/persons");
  await page.getByLabel("身份证号或社会保障卡号").fill(person.card_number);
  await page.getByLabel("查询原因").fill("窗口办理社保卡挂失");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(new RegExp(`/office/persons/${person.id}$`));
  const status = page.getByTestId("card-status").first();
  await expect(status).toHaveText("正常");

  await page.getByRole("button", { name: "预挂失", exact: true }).click();
  await expect(page.getByText("已办理预挂失")).toBeVisible();
  await expect(status).toHaveText("预挂失");
  await page.getByRole("button", { name: "撤销预挂失(卡已找到)" }).click();
  await expect(page.getByText("已撤销预挂失")).toBeVisible();
  await expect(status).toHaveText("正常");

  // Formal loss cannot be undone: the box must be ticked first.
  await page.getByRole("button", { name: "正式挂失" }).click();
  await expect(page.getByText("请先勾选确认")).toBeVisible();
  await expect(status).toHaveText("正常");
  await page.getByLabel(/正式挂失不可撤销/).check();
  await page.getByRole("button", { name: "正式挂失" }).click();
  await expect(page.getByText("已办理正式挂失")).toBeVisible();
  await expect(status).toHaveText("正式挂失");
  const [card] = await query<{ status: string; ready: string; lost_on: string }>(
    `SELECT status, reissue_ready_on::text AS ready, to_char(lost_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS lost_on
       FROM cards WHERE card_number = $1`,
    [person.card_number],
  );
  expect(card!.status).toBe("LOST");
  await expect(page.getByTestId("reissue-ready")).toContainText(`新卡预计 ${card!.ready} 可领取`);
  // 15 working days, weekends skipped: three calendar weeks from a weekday, a little less from a weekend.
  const days = (Date.parse(card!.ready) - Date.parse(card!.lost_on)) / 86_400_000;
  expect(days).toBeGreaterThanOrEqual(19);
  expect(days).toBeLessThanOrEqual(21);
  await expect(page.getByRole("button", { name: "撤销预挂失(卡已找到)" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "office-card-lost");

  await page.getByRole("button", { name: "新卡已领取" }).click();
  await expect(page.getByText(`新卡预计 ${card!.ready} 制作完成`)).toBeVisible();
  const audit = await query<{ action: string }>(
    `SELECT action FROM audit_logs WHERE subject_person_id = $1 AND action LIKE 'CARD_%' ORDER BY id`,
    [person.id],
  );
  expect(audit.map((a) => a.action)).toEqual(["CARD_PRE_LOSS", "CARD_PRE_LOSS_CANCEL", "CARD_FORMAL_LOSS"]);
});

test("the office JSON API is for signed-in staff only and answers in Chinese", async ({ page, request }) => {
  const anonymous = await request.get("/api/v1/office/linkage-requests");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");

  await signInStaff(page, "S0002");
  const queue = await page.request.get("/api/v1/office/linkage-requests?status=PENDING");
  expect(queue.status()).toBe(200);
  expect(queue.headers()["cache-control"]).toContain("no-store");
  const body = await queue.json();
  expect(Object.keys(body.counts).sort()).toEqual(["APPROVED", "CANCELLED", "PENDING", "REFUSED"]);
  for (const r of body.requests) expect(r.user.maskedIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);

  // A browser sends its Origin with every POST; the portal refuses changes without one (proxy.ts).
  const headers = { origin: new URL(page.url()).origin };
  const noReason = await page.request.post("/api/v1/office/linkage-requests/1/refuse", { data: {}, headers });
  expect(noReason.status()).toBe(400);
  expect((await noReason.json()).error).toMatchObject({ code: "INVALID_PARAMETER", message: "请填写原因" });
  const missing = await page.request.post("/api/v1/office/linkage-requests/99999/approve", { data: {}, headers });
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toBe("未找到该关联申请");
  const refused = await page.request.post("/api/v1/office/linkage-requests", {
    data: { user: "A10000006", provider: "A10000050" },
    headers,
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toMatch(/【.+规则】/);
});
