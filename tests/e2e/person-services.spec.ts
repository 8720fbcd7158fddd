/**
 * The insured person's services (issue 4, items 5-10): linkage, card, retirement years, proof of
 * insurance, the printable statement, /verify, password and session expiry, on 375 px and desktop.
 *
 * Read-only walks use the demo persons A10000001 and A10000002. Flows that change data use persons of
 * their own, one per project, chosen so that no other spec picks them: retirees of agencies other than
 * S0001's (office.spec.ts takes S0001's never-signed-in employees from the top), with ids above the
 * "n-th person without a password" that person.spec.ts picks. Their providers never sign in:
 *   mobile  A10000043 (applies to link with A10000017), desktop A10000059 (applies to link with A10000020);
 *   both projects sign in as the seeded provider A10000050 (whichever comes first sets its password).
 */
import { type Browser, expect as baseExpect, type Page, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { query, yuan } from "./db";
import { expectNoSeriousAxeViolations, screenshot, signInPerson } from "./helpers";

// Several suites share the machine while this one runs: give each step room rather than retry.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const NEW_PASSWORD = "Person2-e2e-2026";
const SECOND_PASSWORD = "Person2-e2e-2027";
const AUTH_SECRET = "e2e-secret-not-for-production-0123456789abcdef";

interface PersonRow {
  id: number;
  name: string;
  personal_number: string;
  fresh: boolean;
}

/** Signs in and waits for the overview; argon2 on a machine shared with other suites can take a while. */
async function signIn(page: Page, card: string, password: string) {
  await signInPerson(page, card, password);
  await page.waitForURL(/\/me$/, { timeout: 60_000 });
}

async function personOfCard(card: string): Promise<PersonRow> {
  const [row] = await query<PersonRow>(
    `SELECT p.id, p.name, p.personal_number, p.password_hash IS NULL AS fresh FROM persons p JOIN cards c ON c.person_id = p.id WHERE c.card_number = $1`,
    [card],
  );
  if (!row) throw new Error(`no person with card ${card}`);
  return row;
}

/**
 * Signs in a person who may still have the initial password: the first to get there sets NEW_PASSWORD
 * (the two projects may race for the same person; the loser signs in with the new password).
 */
async function signInFresh(page: Page, card: string): Promise<PersonRow> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const person = await personOfCard(card);
    if (!person.fresh) {
      await signIn(page, card, NEW_PASSWORD);
      return person;
    }
    const initial = person.personal_number.slice(-6);
    await signInPerson(page, card, initial);
    // The other project may have set the password a moment ago: then this attempt is refused.
    const refused = page.getByRole("alert").filter({ hasText: "账号或密码错误" });
    await expect.poll(async () => page.url().endsWith("/me/password") || (await refused.count()) > 0, { timeout: 60_000 }).toBe(true);
    if (!page.url().endsWith("/me/password")) continue;
    await page.getByLabel("当前密码").fill(initial);
    await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("确认新密码").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "修改密码" }).click();
    const failed = page.getByText(/当前密码不正确|请先登录/);
    await expect.poll(async () => page.url().includes("passwordChanged=1") || (await failed.count()) > 0, { timeout: 60_000 }).toBe(true);
    if (page.url().includes("passwordChanged=1")) return person;
  }
  throw new Error(`could not sign in ${card}`);
}

const maskName = (name: string) => name[0] + "*".repeat(Array.from(name).length - 1);

/** "YYYY-MM" of today in China time, and month arithmetic for the retirement check. */
function cstMonth(date = new Date()): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}
function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}
function monthsBetween(from: string, to: string): number {
  return to < from ? 0 : (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;
}

/** Employee months from the database, counted independently of the app (see lib/domain/contribution-months). */
async function expectedMonths(personId: number): Promise<number> {
  const [p] = await query<{ retired_from: string | null; employment_status: string }>(
    `SELECT retired_from, employment_status FROM persons WHERE id = $1`,
    [personId],
  );
  const enrolments = await query<{ start: string; end: string | null; category: string }>(
    `SELECT to_char(start_month, 'YYYY-MM') AS start, to_char(end_month, 'YYYY-MM') AS end, category FROM enrolments WHERE person_id = $1`,
    [personId],
  );
  let limit = addMonths(cstMonth(), -1);
  if (p!.employment_status === "RETIRED" && p!.retired_from && addMonths(p!.retired_from, -1) < limit) limit = addMonths(p!.retired_from, -1);
  let months = 0;
  for (const e of enrolments.filter((e) => e.category !== "RESIDENT")) months += monthsBetween(e.start, e.end && e.end < limit ? e.end : limit);
  const [unpaid] = await query<{ n: string }>(
    `SELECT count(DISTINCT cl.month)::text AS n FROM contribution_lines cl JOIN unit_months um ON um.id = cl.unit_month_id
     WHERE cl.person_id = $1 AND (um.paid_up_at IS NULL OR um.paid_up_at > now()) AND cl.month <= $2`,
    [personId, limit],
  );
  return months - Number(unpaid!.n);
}

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** Issues a proof on /me/proof and returns its id and printed code. */
async function issueProof(page: Page): Promise<{ id: number; code: string }> {
  await visit(page, "/me/proof", "参保证明");
  await page.getByRole("button", { name: "开具参保证明" }).click();
  await page.waitForURL(/\/me\/proof\/\d+$/);
  const code = (await page.getByTestId("verification-code").textContent())!.trim();
  return { id: Number(page.url().split("/").pop()), code };
}

async function expectVerified(page: Page, code: string, kind: "参保证明" | "个人账户对账单") {
  await page.goto(`/verify?code=${encodeURIComponent(code)}`);
  await expect(page.getByRole("status").filter({ hasText: "真实有效" })).toBeVisible();
  await expect(page.getByTestId("verify-kind")).toHaveText(kind);
}

/** One character of the code changed (the next one in Crockford's alphabet). */
function tamper(code: string, index: number): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const chars = [...code];
  let seen = -1;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "-") continue;
    seen += 1;
    if (seen === index) chars[i] = alphabet[(alphabet.indexOf(chars[i]!) + 1) % 32]!;
  }
  return chars.join("");
}

for (const demo of [
  { card: "A10000001", password: "demo-person-1", label: "in service" },
  { card: "A10000002", password: "demo-person-2", label: "retired" },
]) {
  test(`demo person ${demo.card} (${demo.label}) walks linkage, card, retirement, proof, statement print and password`, async ({ page }, testInfo) => {
    const person = await personOfCard(demo.card);
    const shot = (name: string) => screenshot(page, testInfo, `${demo.card}-${name}`);
    await signIn(page, demo.card, demo.password);

    // Linkage: neither demo person is linked; the application form explains the counter step.
    await visit(page, "/me/linkage", "个人账户关联使用");
    const [linked] = await query<{ n: string }>(
      `SELECT count(*)::text AS n FROM linkages WHERE status = 'ACTIVE' AND (user_person_id = $1 OR provider_person_id = $1)`,
      [person.id],
    );
    expect(linked!.n).toBe("0");
    await expect(page.getByText("您目前没有有效的账户关联。")).toBeVisible();
    await expect(page.getByText(/提供人须携带本人身份证原件及复印件/)).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await shot("linkage");

    // Card: the status on screen is the database's, as of now.
    await visit(page, "/me/card", "社会保障卡");
    const [card] = await query<{ status: string; lapsed: boolean }>(
      `SELECT status, (pre_loss_expires_at IS NOT NULL AND pre_loss_expires_at <= now()) AS lapsed FROM cards WHERE card_number = $1`,
      [demo.card],
    );
    const label = { ACTIVE: "正常", PRE_LOST: "预挂失", LOST: "正式挂失", REPLACED: "已补换" }[card!.status]!;
    await expect(page.getByTestId("card-status")).toHaveText(card!.status === "PRE_LOST" && card!.lapsed ? "正常" : label);
    await expectNoSeriousAxeViolations(page);
    await shot("card");

    // Retirement years: the months on screen are the months in the database.
    await visit(page, "/me/retirement", /退休年限/);
    const months = await expectedMonths(person.id);
    await expect(page.getByTestId("contribution-months")).toHaveText(String(months));
    if (demo.card === "A10000002") {
      // A woman needs 300 months; the lump sum is priced with the unit's 2025 average base × 8%.
      await expect(page.getByTestId("months-short")).toHaveText(String(300 - months));
      const [base] = await query<{ total: string; n: string }>(
        `SELECT sum(cl.base_fen)::text AS total, count(*)::text AS n FROM contribution_lines cl
         JOIN unit_months um ON um.id = cl.unit_month_id JOIN persons p ON p.unit_id = um.unit_id
         WHERE p.id = $1 AND cl.month LIKE $2`,
        [person.id, `${Number(cstMonth().slice(0, 4)) - 1}-%`],
      );
      const half = (a: bigint, b: bigint) => (a * 2n + b) / (b * 2n);
      const average = half(BigInt(base!.total), BigInt(base!.n));
      await expect(page.getByTestId("lump-sum")).toHaveText(yuan(half(average * BigInt(300 - months) * 8n, 100n)));
    }
    await expectNoSeriousAxeViolations(page);
    await shot("retirement");

    // Proof of insurance: category and enrolment start from the record; the code verifies.
    const proof = await issueProof(page);
    const [enrolment] = await query<{ start: string }>(
      `SELECT to_char(start_month, 'YYYY"年"MM"月"') AS start FROM enrolments WHERE person_id = $1 ORDER BY start_month DESC LIMIT 1`,
      [person.id],
    );
    await expect(page.getByTestId("proof-from")).toHaveText(enrolment!.start);
    await expect(page.getByTestId("proof-category")).toHaveText("职工医保(随单位参保)");
    await expect(page.getByTestId("proof-name")).toHaveText(person.name);
    const [stored] = await query<{ code: string; person_id: number }>(`SELECT code, person_id FROM verification_documents WHERE id = $1`, [proof.id]);
    expect(stored).toEqual({ code: proof.code, person_id: person.id });
    await expectNoSeriousAxeViolations(page);
    await shot("proof");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "栏目导航" })).toBeHidden();
    await expect(page.getByRole("button", { name: "打印参保证明" })).toBeHidden();
    await shot("proof-print");
    await page.emulateMedia({ media: "screen" });

    // Printable statement of this year: figures equal the ledger up to the statement's last entry.
    await visit(page, "/me/statement/print", "打印个人账户对账单");
    await expectNoSeriousAxeViolations(page);
    const year = Number(cstMonth().slice(0, 4));
    await page.getByLabel("对账年度").selectOption(String(year));
    await page.getByRole("button", { name: "生成可打印对账单" }).click();
    await page.waitForURL(/\/me\/statement\/print\/\d+$/);
    const statementId = Number(page.url().split("/").pop());
    const [facts] = await query<{ last: string; code: string }>(
      `SELECT facts->>'lastEntryId' AS last, code FROM verification_documents WHERE id = $1 AND person_id = $2 AND kind = 'STATEMENT'`,
      [statementId, person.id],
    );
    const from = `${year}-01-01T00:00:00+08:00`;
    const to = `${year + 1}-01-01T00:00:00+08:00`;
    const [sums] = await query<{ carried: string | null; credited: string; spent: string; n: string }>(
      `SELECT (SELECT e.balance_after_fen::text FROM entries e WHERE e.account_id = a.id AND e.occurred_at < ($2::timestamptz AT TIME ZONE 'UTC') ORDER BY e.id DESC LIMIT 1) AS carried,
              coalesce(sum(x.amount_fen) FILTER (WHERE x.amount_fen > 0), 0)::text AS credited,
              coalesce(-sum(x.amount_fen) FILTER (WHERE x.amount_fen < 0), 0)::text AS spent,
              count(x.id)::text AS n
       FROM accounts a LEFT JOIN entries x ON x.account_id = a.id AND x.id <= $4::bigint
         AND x.occurred_at >= ($2::timestamptz AT TIME ZONE 'UTC') AND x.occurred_at < ($3::timestamptz AT TIME ZONE 'UTC')
       WHERE a.person_id = $1 GROUP BY a.id`,
      [person.id, from, to, facts!.last],
    );
    const carried = BigInt(sums!.carried ?? "0");
    await expect(page.getByTestId("statement-carried-over")).toHaveText(yuan(carried));
    await expect(page.getByTestId("statement-credited")).toHaveText(yuan(sums!.credited));
    await expect(page.getByTestId("statement-spent")).toHaveText(yuan(sums!.spent));
    await expect(page.getByTestId("statement-closing")).toHaveText(yuan(carried + BigInt(sums!.credited) - BigInt(sums!.spent)));
    await expect(page.getByTestId("printed-entry")).toHaveCount(Number(sums!.n));
    const statementCode = (await page.getByTestId("verification-code").textContent())!.trim();
    expect(statementCode).toBe(facts!.code);
    await expectNoSeriousAxeViolations(page);
    await shot("statement-print");
    await page.emulateMedia({ media: "print" });
    await shot("statement-printed");
    await page.emulateMedia({ media: "screen" });

    // Both printed documents verify on the public page, masked.
    await expectVerified(page, proof.code, "参保证明");
    await expect(page.getByTestId("proof-name")).toHaveText(maskName(person.name));
    await expect(page.getByText(person.name, { exact: true })).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
    await shot("verify-proof");
    await expectVerified(page, statementCode.toLowerCase(), "个人账户对账单");
    await expect(page.getByTestId("statement-closing")).toHaveText(yuan(carried + BigInt(sums!.credited) - BigInt(sums!.spent)));
    await shot("verify-statement");

    await visit(page, "/me/password", "修改密码");
    await expectNoSeriousAxeViolations(page);
    await shot("password");
  });
}

test("a changed, invented or expired code is refused on /verify, for anyone signed in or not", async ({ page, browser }, testInfo) => {
  await signIn(page, "A10000001", "demo-person-1");
  const proof = await issueProof(page);

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  for (const path of ["/api/v1/me/card", "/api/v1/me/linkage"]) {
    const response = await anonymous.request.get(path);
    expect(response.status(), path).toBe(401);
  }
  await expectVerified(visitor, proof.code, "参保证明");
  for (const index of [0, 7, 19]) {
    await visitor.goto(`/verify?code=${encodeURIComponent(tamper(proof.code, index))}`);
    await expect(visitor.getByRole("alert").filter({ hasText: "未通过查验" })).toContainText("验证码无效");
    await expect(visitor.getByTestId("verify-kind")).toHaveCount(0);
  }
  // Typed by hand on the page itself, with a typo in the length.
  await visitor.goto("/verify");
  await visitor.getByLabel("验证码").fill(proof.code.slice(0, -1));
  await visitor.getByRole("button", { name: "查验" }).click();
  await expect(visitor.getByText(/验证码应为20位字母和数字/).first()).toBeVisible();
  await expect(visitor.getByLabel("验证码")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousAxeViolations(visitor);
  await screenshot(visitor, testInfo, "verify-refused");

  // The same document, once its validity has run out, is refused with the dates.
  await query(`UPDATE verification_documents SET expires_at = now() - interval '1 minute' WHERE id = $1`, [proof.id]);
  await visitor.goto(`/verify?code=${encodeURIComponent(proof.code)}`);
  await expect(visitor.getByRole("alert").filter({ hasText: "验证码已过期" })).toBeVisible();
  await expect(visitor.getByTestId("proof-name")).toHaveCount(0);
  await screenshot(visitor, testInfo, "verify-expired");
  await page.goto(`/me/proof/${proof.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "已过期" })).toBeVisible();
  await anonymous.close();
});

async function signedInContext(browser: Browser, card: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, card, password);
  return { context, page };
}

test("another person's proof or statement id is 404 and audited", async ({ page, browser }) => {
  await signIn(page, "A10000001", "demo-person-1");
  const proof = await issueProof(page);
  const [a2] = await query<{ id: number }>(`SELECT person_id AS id FROM cards WHERE card_number = 'A10000002'`);

  const other = await signedInContext(browser, "A10000002", "demo-person-2");
  for (const path of [`/me/proof/${proof.id}`, `/me/statement/print/${proof.id}`, "/me/proof/99999999", "/me/proof/abc"]) {
    const response = await other.page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(other.page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
    await expect(other.page.getByText(proof.code)).toHaveCount(0);
  }
  const audit = await query<{ subject: number | null }>(
    `SELECT subject_person_id AS subject FROM audit_logs WHERE action = 'DOCUMENT_NOT_FOUND' AND actor_id = $1 AND details->>'documentId' = $2`,
    [String(a2!.id), String(proof.id)],
  );
  expect(audit.length).toBeGreaterThanOrEqual(2);
  expect(audit[0]!.subject).not.toBeNull();
  await other.context.close();
});

test("the provider sees every payment made from their account for the user, as in the database", async ({ page }, testInfo) => {
  const provider = await signInFresh(page, "A10000050");
  const [linkage] = await query<{ id: number; user_name: string; user_id: number }>(
    `SELECT l.id, u.name AS user_name, u.id AS user_id FROM linkages l JOIN persons u ON u.id = l.user_person_id
     WHERE l.provider_person_id = $1 AND l.status = 'ACTIVE'`,
    [provider.id],
  );
  const [total] = await query<{ n: string; sum: string }>(
    `SELECT count(*)::text AS n, coalesce(sum(linked_account_fen), 0)::text AS sum FROM settlements WHERE linkage_id = $1 AND linked_account_fen > 0`,
    [linkage!.id],
  );
  const [entries] = await query<{ sum: string }>(
    `SELECT coalesce(-sum(e.amount_fen), 0)::text AS sum FROM entries e JOIN accounts a ON a.id = e.account_id
     WHERE a.person_id = $1 AND e.kind = 'LINKED_PAYMENT' AND e.counterparty_person_id = $2`,
    [provider.id, linkage!.user_id],
  );
  expect(entries!.sum).toBe(total!.sum);
  expect(Number(total!.n)).toBeGreaterThan(0);

  await visit(page, "/me/linkage", "个人账户关联使用");
  await expect(page.getByTestId("linkage-role")).toHaveText("提供人");
  await expect(page.getByTestId("linkage-other")).toHaveText(maskName(linkage!.user_name));
  await expect(page.getByText(linkage!.user_name, { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("linked-count")).toHaveText(total!.n);
  await expect(page.getByTestId("linked-sum")).toHaveText(yuan(total!.sum));
  const [latest] = await query<{ day: string; amount: string; institution: string }>(
    `SELECT to_char(s.service_date, 'YYYY-MM-DD') AS day, s.linked_account_fen::text AS amount, i.name AS institution
     FROM settlements s JOIN institutions i ON i.id = s.institution_id
     WHERE s.linkage_id = $1 AND s.linked_account_fen > 0 ORDER BY s.service_date DESC, s.id DESC LIMIT 1`,
    [linkage!.id],
  );
  const first = page.getByTestId("linked-payment").first();
  await expect(first.locator("td").nth(0)).toHaveText(latest!.day);
  await expect(first.locator("td").nth(1)).toContainText(latest!.institution);
  await expect(first.locator("td").nth(2)).toHaveText(yuan(latest!.amount));
  await expect(page.getByTestId("linked-payment")).toHaveCount(Math.min(Number(total!.n), 100));
  await expect(page.getByRole("heading", { name: "在线申请账户关联" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "linkage-provider");

  const api = await page.request.get("/api/v1/me/linkage");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.linkage).toMatchObject({ role: "PROVIDER", other: { maskedName: maskName(linkage!.user_name) } });
  expect(body.paymentsTotal).toEqual({ count: Number(total!.n), amountFen: Number(total!.sum) });
  expect(JSON.stringify(body)).not.toContain(linkage!.user_name);
});

test.describe("a person of this project's own", () => {
  test.describe.configure({ mode: "serial" });
  const own = (name: string) => (name === "mobile" ? { card: "A10000043", provider: "A10000017" } : { card: "A10000059", provider: "A10000020" });

  test("first sign-in sets a password, then the card is pre-lost, refused for a forged id, cancelled, and shown lapsed", async ({ page }, testInfo) => {
    const { card } = own(testInfo.project.name);
    const person = await signInFresh(page, card);
    await visit(page, "/me/card", "社会保障卡");
    await expect(page.getByTestId("card-status")).toHaveText("正常");

    await page.getByRole("button", { name: "预挂失" }).click();
    await expect(page.getByText("请先勾选确认社保卡已遗失")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel(/我确认社保卡已遗失/).check();
    await page.getByRole("button", { name: "预挂失" }).click();
    await expect(page).toHaveURL(/done=reported/);
    await expect(page.getByTestId("card-status")).toHaveText("预挂失");
    const [row] = await query<{ status: string; days: string; expires: string }>(
      `SELECT status, extract(epoch FROM pre_loss_expires_at - pre_lost_at)::text AS days,
              to_char(pre_loss_expires_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS expires
       FROM cards WHERE card_number = $1`,
      [card],
    );
    expect(row!.status).toBe("PRE_LOST");
    expect(Number(row!.days)).toBe(10 * 86_400);
    await expect(page.getByTestId("pre-loss-expires")).toHaveText(row!.expires);
    await expect(page.getByText("(还剩10天)")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, testInfo, "card-pre-lost");

    // A forged card id in the cancel form: refused as not found, the other card untouched, audited.
    const [victim] = await query<{ id: number; status: string }>(`SELECT id, status FROM cards WHERE card_number = 'A10000001'`);
    await page.locator('input[name="cardId"]').evaluate((el, id) => {
      (el as HTMLInputElement).value = String(id);
    }, victim!.id);
    await page.getByRole("button", { name: "已找到卡片,撤销预挂失" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "未找到该社保卡" })).toBeVisible();
    const denied = await query(`SELECT 1 FROM audit_logs WHERE action = 'ACTION_DENIED' AND actor_id = $1 AND details->>'cardId' = $2`, [
      String(person.id),
      String(victim!.id),
    ]);
    expect(denied).toHaveLength(1);
    expect((await query<{ status: string }>(`SELECT status FROM cards WHERE id = $1`, [victim!.id]))[0]!.status).toBe(victim!.status);

    await page.reload();
    await page.getByRole("button", { name: "已找到卡片,撤销预挂失" }).click();
    await expect(page).toHaveURL(/done=cancelled/);
    await expect(page.getByTestId("card-status")).toHaveText("正常");

    // Ten days later, without anyone touching the row: shown active, with the lapse explained.
    await query(
      `UPDATE cards SET status = 'PRE_LOST', pre_lost_at = now() - interval '10 days 1 minute', pre_loss_expires_at = now() - interval '1 minute' WHERE card_number = $1`,
      [card],
    );
    await page.goto("/me/card");
    await expect(page.getByTestId("card-status")).toHaveText("正常");
    await expect(page.getByTestId("pre-loss-lapsed")).toContainText("自动失效");
    await screenshot(page, testInfo, "card-lapsed");

    // The JSON API says the same and acts on the person's own card only.
    const status = await page.request.get("/api/v1/me/card");
    expect((await status.json()).card).toMatchObject({ status: "ACTIVE", preLoss: null });
    // A browser sends its Origin with every change; the portal refuses changes without one (proxy.ts).
    const headers = { origin: new URL(page.url()).origin };
    const reported = await page.request.post("/api/v1/me/card/pre-loss", { headers });
    expect(reported.status()).toBe(200);
    expect((await reported.json()).card).toMatchObject({ status: "PRE_LOST", statusText: "预挂失" });
    const twice = await page.request.post("/api/v1/me/card/pre-loss", { headers });
    expect(twice.status()).toBe(400);
    expect((await twice.json()).error.code).toBe("CARD_PRE_LOST");
    const cancelled = await page.request.delete("/api/v1/me/card/pre-loss", { headers });
    expect((await cancelled.json()).card).toMatchObject({ status: "ACTIVE" });
  });

  test("the linkage application is pre-checked rule by rule, submitted, shown pending, and withdrawn", async ({ page }, testInfo) => {
    const { card, provider: providerCard } = own(testInfo.project.name);
    const me = await signInFresh(page, card);
    const provider = await personOfCard(providerCard);
    const [resident] = await query<{ card_number: string; name: string }>(
      `SELECT c.card_number, p.name FROM persons p JOIN cards c ON c.person_id = p.id WHERE p.category = 'RESIDENT' ORDER BY p.id DESC LIMIT 1`,
    );
    await visit(page, "/me/linkage", "个人账户关联使用");

    const fill = async (id: string, name: string) => {
      await page.getByLabel("提供人社会保障卡号或身份证号").fill(id);
      await page.getByLabel("提供人姓名").fill(name);
    };
    await fill(providerCard, `${provider.name}某`);
    await page.getByRole("button", { name: "检查是否符合条件" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "未找到与所填证件号码和姓名相符" })).toBeVisible();

    await fill(resident!.card_number, resident!.name);
    await page.getByRole("button", { name: "检查是否符合条件" }).click();
    const refusals = page.getByTestId("precheck-refusals");
    await expect(refusals.locator('[data-rule="EMPLOYEE_INSURANCE"]')).toContainText("【仅限职工医保规则】");
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, testInfo, "linkage-precheck-refused");
    expect(await query(`SELECT 1 FROM linkage_requests WHERE user_person_id = $1`, [me.id])).toHaveLength(0);

    await fill(providerCard, provider.name);
    await page.getByRole("button", { name: "检查是否符合条件" }).click();
    await expect(page.getByTestId("precheck-passed")).toContainText(maskName(provider.name));
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page).toHaveURL(/done=submitted/);
    await expect(page.getByText(/关联申请已提交/)).toBeVisible();
    const [request] = await query<{ id: number; status: string; source: string; agency: string; provider_agency: string }>(
      `SELECT r.id, r.status, r.source, a.name AS agency, pa.name AS provider_agency
       FROM linkage_requests r JOIN agencies a ON a.id = r.agency_id JOIN persons p ON p.id = r.provider_person_id JOIN agencies pa ON pa.id = p.agency_id
       WHERE r.user_person_id = $1 AND r.provider_person_id = $2`,
      [me.id, provider.id],
    );
    expect(request).toMatchObject({ status: "PENDING", source: "ONLINE" });
    expect(request!.agency).toBe(request!.provider_agency);
    const item = page.getByTestId("linkage-request").first();
    await expect(item.getByTestId("request-status")).toHaveText("待审核");
    await expect(item).toContainText(maskName(provider.name));
    await expect(item).toContainText(request!.agency);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, testInfo, "linkage-pending");

    // The JSON API: the same status; a second application is refused naming the rule; a forged id is 404.
    const api = await (await page.request.get("/api/v1/me/linkage")).json();
    expect(api.requests[0]).toMatchObject({ id: request!.id, status: "PENDING", canWithdraw: true });
    const headers = { origin: new URL(page.url()).origin };
    const again = await page.request.post("/api/v1/me/linkage/requests", { data: { provider: providerCard, providerName: provider.name }, headers });
    expect(again.status()).toBe(400);
    expect((await again.json()).error).toMatchObject({ code: "LINKAGE_REFUSED", message: expect.stringContaining("【申请处理中】") });
    const check = await page.request.post("/api/v1/me/linkage/check", { data: { provider: resident!.card_number, providerName: resident!.name }, headers });
    expect((await check.json()).refusals.map((r: { rule: string }) => r.rule)).toContain("EMPLOYEE_INSURANCE");
    const [foreign] = await query<{ id: number }>(`SELECT id FROM linkage_requests WHERE user_person_id <> $1 ORDER BY id LIMIT 1`, [me.id]);
    for (const id of [foreign?.id, request!.id + 100_000].filter((id) => id !== undefined)) {
      const forged = await page.request.delete(`/api/v1/me/linkage/requests/${id}`, { headers });
      expect(forged.status()).toBe(404);
    }

    await page.getByRole("button", { name: /^撤回申请/ }).click();
    await expect(page).toHaveURL(/done=withdrawn/);
    await expect(page.getByTestId("linkage-request").first().getByTestId("request-status")).toHaveText("已撤销");
    expect((await query<{ status: string }>(`SELECT status FROM linkage_requests WHERE id = $1`, [request!.id]))[0]!.status).toBe("CANCELLED");
  });

  test("a session ends when the password is changed elsewhere, when it expires, and on sign-out, each with a clear page", async ({ page, browser }, testInfo) => {
    const { card } = own(testInfo.project.name);
    const me = await signInFresh(page, card);
    const elsewhere = await signedInContext(browser, card, NEW_PASSWORD);

    await visit(page, "/me/password", "修改密码");
    await page.getByLabel("当前密码").fill(NEW_PASSWORD);
    await page.getByLabel("新密码", { exact: true }).fill(SECOND_PASSWORD);
    await page.getByLabel("确认新密码").fill(SECOND_PASSWORD);
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/me\?passwordChanged=1$/);

    await elsewhere.page.goto("/me/card");
    await expect(elsewhere.page).toHaveURL(/\/login\?expired=1$/);
    await expect(elsewhere.page.getByRole("alert").filter({ hasText: "登录已过期,请重新登录" })).toBeVisible();
    await expectNoSeriousAxeViolations(elsewhere.page);
    await screenshot(elsewhere.page, testInfo, "login-expired");
    await elsewhere.context.close();

    // A token past its 8 hours (signed with the server's secret, expired an hour ago).
    const expired = await browser.newContext();
    const token = await encode({
      token: { sub: `person:${me.id}`, role: "person", principalId: me.id, sessionVersion: 1 },
      secret: AUTH_SECRET,
      salt: "authjs.session-token",
      maxAge: -3600,
    });
    await expired.addCookies([{ name: "authjs.session-token", value: token, url: `http://localhost:${process.env.E2E_PORT ?? 3210}` }]);
    const stale = await expired.newPage();
    await stale.goto("/me/linkage");
    await expect(stale).toHaveURL(/\/login\?expired=1$/);
    await expect(stale.getByText("登录已过期,请重新登录", { exact: false })).toBeVisible();
    await expired.close();

    // Signing out is not an expiry: the plain sign-in page, and the pages stay closed.
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText("登录已过期")).toHaveCount(0);
    await page.goto("/me/card");
    await expect(page).toHaveURL(/\/login$/);
  });
});
