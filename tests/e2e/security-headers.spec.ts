/**
 * Issue 9 items 6 and 7: response headers, cross-site request refusal, and how sessions end.
 *
 * Read-only sign-ins: the demo person A10000001, clerk1 of unit 5001000001, staff S0003 (no TOTP, so
 * no one-time code is spent). Forged session tokens (timeouts) live only in their own browser context.
 * The revocation walk signs out and changes the password of a person of its own per project, chosen
 * with ids above those person.spec.ts picks and below the S0001 employees office.spec.ts takes from the
 * top, and used by no other spec: mobile A10000047, desktop A10000053.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIResponse, type Browser, expect as baseExpect, type Page, test, type TestInfo } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { query } from "./db";
import { expectNoSeriousAxeViolations, screenshot, signInPerson } from "./helpers";
import { signInStaff } from "./staff";

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const AUTH_SECRET = "e2e-secret-not-for-production-0123456789abcdef";
const SESSION_COOKIE = "authjs.session-token";
const BASE = `http://localhost:${process.env.E2E_PORT ?? 3210}`;
const FOREIGN = "https://evil.example";
const REFERRER_POLICIES = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];

/** The headers every answer carries, whatever it is (page, JSON, CSV, script, 404, redirect). */
function expectSecurityHeaders(label: string, response: APIResponse, options: { noStore: boolean }) {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `${label}: CSP`).toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
  expect(csp, `${label}: no unsafe-inline anywhere`).not.toContain("unsafe-inline");
  expect(csp, `${label}: no eval`).not.toContain("unsafe-eval");
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "default-src 'self'"]) {
    expect(csp.split("; "), `${label}: ${directive}`).toContain(directive);
  }
  const hsts = h["strict-transport-security"] ?? "";
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), `${label}: HSTS max-age`).toBeGreaterThanOrEqual(31_536_000);
  expect(hsts, `${label}: HSTS subdomains`).toMatch(/includeSubDomains/i);
  expect(h["x-content-type-options"], `${label}: nosniff`).toBe("nosniff");
  expect(REFERRER_POLICIES, `${label}: referrer policy ${h["referrer-policy"]}`).toContain(h["referrer-policy"]);
  expect(h["x-frame-options"], `${label}: X-Frame-Options`).toBe("DENY");
  expect(h["permissions-policy"], `${label}: Permissions-Policy`).toMatch(/camera=\(\)/);
  if (options.noStore) expect(h["cache-control"], `${label}: Cache-Control`).toMatch(/no-store/);
}

const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];

/** Every <script> of the HTML carries exactly this response's nonce; no style attribute needs 'unsafe-inline'. */
function expectNoncedHtml(label: string, html: string, nonce: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${label}: scripts in the page`).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag, `${label}: ${tag}`).toContain(`nonce="${nonce}"`);
  for (const tag of html.match(/<style\b[^>]*>/g) ?? []) expect(tag, `${label}: ${tag}`).toContain(`nonce="${nonce}"`);
  expect(html.match(/\sstyle="[^"]*"/g) ?? [], `${label}: inline style attributes`).toEqual([]);
}

async function newPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const { viewport, baseURL, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ viewport, baseURL, locale, timezoneId });
  return context.newPage();
}

async function signInClerk(page: Page, unitNumber: string, password: string) {
  await page.goto("/unit/login");
  await page.getByLabel("单位编号").fill(unitNumber);
  await page.getByLabel("经办人用户名").fill("clerk1");
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/unit$/, { timeout: 60_000 });
}

async function signInDemoPerson(page: Page) {
  await signInPerson(page, "A10000001", "demo-person-1");
  await expect(page).toHaveURL(/\/me$/, { timeout: 60_000 });
}

test("no page is prerendered at build time: each HTML answer is rendered per request and can carry its nonce", () => {
  const manifest = JSON.parse(readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "prerender-manifest.json"), "utf8")) as {
    routes: Record<string, unknown>;
  };
  // Next's own fallback for a crash of the root layout is the only prerendered document.
  expect(Object.keys(manifest.routes).filter((r) => r !== "/_global-error")).toEqual([]);
});

test("every kind of answer carries the security headers; signed-in pages, APIs and files are never stored", async ({ page, browser, request }, testInfo) => {
  const seen: string[] = [];
  const check = async (label: string, response: Promise<APIResponse>, expected: { status: number; noStore: boolean; type?: RegExp }) => {
    const r = await response;
    expect(r.status(), `${label}: status`).toBe(expected.status);
    if (expected.type) expect(r.headers()["content-type"], `${label}: content type`).toMatch(expected.type);
    expectSecurityHeaders(label, r, expected);
    seen.push(label);
    return r;
  };
  const html = /^text\/html/;
  const json = /^application\/json/;
  const csv = /^text\/csv/;

  // Signed out: public pages, the sign-in pages, a 404, a redirect, the JSON API, Auth.js, static files.
  for (const url of ["/", "/login", "/faq", "/calculator", "/drugs", "/institutions", "/agencies", "/verify", "/unit/login", "/office/login"]) {
    await check(`public ${url}`, request.get(url), { status: 200, noStore: false, type: html });
  }
  const loginPage = await request.get("/login");
  const assets = [...(await loginPage.text()).matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  expect(assets.length).toBeGreaterThan(2);
  for (const asset of [assets.find((a) => a.endsWith(".js"))!, assets.find((a) => a.endsWith(".css"))!]) {
    await check(`static ${asset}`, request.get(asset), { status: 200, noStore: false });
  }
  const missing = await check("404 page", request.get("/no-such-page"), { status: 404, noStore: false, type: html });
  expect(await missing.text()).toContain("页面不存在");
  const redirect = await check("redirect of a signed-out visitor", request.get("/me/statement", { maxRedirects: 0 }), { status: 307, noStore: true });
  expect(redirect.headers().location).toBe("/login");
  await check("API 401", request.get("/api/v1/me/balance"), { status: 401, noStore: true, type: json });
  await check("public API 400", request.get("/api/v1/calculator/contribution"), { status: 400, noStore: true, type: json });
  await check("Auth.js session", request.get("/api/auth/session"), { status: 200, noStore: true, type: json });

  // The person: pages, an in-area 404, JSON, the CSV export, and the redirect out of another area.
  await signInDemoPerson(page);
  const asPerson = page.request;
  for (const url of ["/me", "/me/statement", "/me/card", "/me/contributions", "/me/settlements", "/me/password"]) {
    await check(`person ${url}`, asPerson.get(url), { status: 200, noStore: true, type: html });
  }
  await check("person 404 in the area", asPerson.get("/me/statement/999999999"), { status: 404, noStore: true, type: html });
  await check("person JSON", asPerson.get("/api/v1/me/balance"), { status: 200, noStore: true, type: json });
  await check("person JSON list", asPerson.get("/api/v1/me/statement"), { status: 200, noStore: true, type: json });
  await check("person CSV", asPerson.get("/me/statement/export?year=2025"), { status: 200, noStore: true, type: csv });
  const away = await check("person sent away from /office", asPerson.get("/office", { maxRedirects: 0 }), { status: 307, noStore: true });
  expect(away.headers().location).toBe("/office/login");

  // The clerk.
  const clerk = await newPage(browser, testInfo);
  await signInClerk(clerk, "5001000001", "demo-clerk-1");
  for (const url of ["/unit", "/unit/months", "/unit/months/2026-10", "/unit/affected"]) {
    await check(`clerk ${url}`, clerk.request.get(url), { status: 200, noStore: true, type: html });
  }
  await check("clerk JSON", clerk.request.get("/api/v1/unit/months"), { status: 200, noStore: true, type: json });
  await check("clerk CSV", clerk.request.get("/api/v1/unit/months/2026-10/employees.csv"), { status: 200, noStore: true, type: csv });

  // The staff member.
  const staff = await newPage(browser, testInfo);
  await signInStaff(staff, "S0003");
  for (const url of ["/office", "/office/persons", "/office/linkage-requests", "/office/audit"]) {
    await check(`staff ${url}`, staff.request.get(url), { status: 200, noStore: true, type: html });
  }
  await check("staff JSON", staff.request.get("/api/v1/office/linkage-requests"), { status: 200, noStore: true, type: json });
  await check("staff 404 JSON", staff.request.get("/api/v1/office/linkages/999999999"), { status: 404, noStore: true, type: json });

  testInfo.annotations.push({ type: "checked", description: `${seen.length} answers: ${seen.join(", ")}` });
  await clerk.context().close();
  await staff.context().close();
});

test("the CSP nonce is new on every answer and on every script of the page", async ({ page, request }) => {
  await signInDemoPerson(page);
  const pages: [string, (url: string) => Promise<APIResponse>][] = [
    ["/login", (u) => request.get(u)],
    ["/faq", (u) => request.get(u)],
    ["/no-such-page", (u) => request.get(u)],
    ["/me", (u) => page.request.get(u)],
    ["/me/statement", (u) => page.request.get(u)],
    ["/me/no-such-page", (u) => page.request.get(u)],
  ];
  for (const [url, get] of pages) {
    const first = await get(url);
    const second = await get(url);
    const [a, b] = [nonceOf(first), nonceOf(second)];
    expect(a, url).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b, url).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(a, `${url}: two answers, two nonces`).not.toBe(b);
    expectNoncedHtml(`${url} (1)`, await first.text(), a!);
    expectNoncedHtml(`${url} (2)`, await second.text(), b!);
  }
});

test("a change posted from another site or without an Origin is refused; the portal's own requests go through", async ({ page, request }, testInfo) => {
  await signInDemoPerson(page);
  const refused = async (label: string, response: APIResponse) => {
    expect(response.status(), label).toBe(403);
    expect((await response.json()).error.code, label).toBe("FORBIDDEN_ORIGIN");
    expectSecurityHeaders(label, response, { noStore: true });
  };
  const body = { provider: "A10000002", providerName: "王秀英" };

  // A session-cookie JSON API: foreign Origin, no Origin, Origin "null", another port of the same host.
  await refused("API, foreign Origin", await page.request.post("/api/v1/me/linkage/check", { data: body, headers: { origin: FOREIGN } }));
  await refused("API, no Origin", await page.request.post("/api/v1/me/linkage/check", { data: body }));
  await refused("API, Origin null", await page.request.post("/api/v1/me/linkage/check", { data: body, headers: { origin: "null" } }));
  await refused("API, other port", await page.request.post("/api/v1/me/linkage/check", { data: body, headers: { origin: "http://localhost:1" } }));
  await refused("API DELETE, no Origin", await page.request.delete("/api/v1/me/card/pre-loss"));
  // A spoofed X-Forwarded-Host does not make a foreign Origin the portal's (TRUST_PROXY is off here).
  await refused(
    "API, spoofed forwarded host",
    await page.request.post("/api/v1/me/linkage/check", { data: body, headers: { origin: FOREIGN, "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } }),
  );
  // Server actions (the sign-in form) and Auth.js's own endpoints.
  const action = { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }, data: "[]" };
  await refused("server action, foreign Origin", await request.post("/login", { ...action, headers: { ...action.headers, origin: FOREIGN } }));
  await refused("server action, no Origin", await request.post("/login", action));
  await refused("Auth.js sign-out, foreign Origin", await page.request.post("/api/auth/signout", { form: { csrfToken: "x" }, headers: { origin: FOREIGN } }));
  await refused("Auth.js credentials callback, no Origin", await request.post("/api/auth/callback/person", { form: { loginId: "A10000001", password: "demo-person-1" } }));

  // Nothing ran: the person is still signed in, with an active card and no pre-loss audited.
  const [card] = await query<{ status: string }>(`SELECT status FROM cards WHERE card_number = 'A10000001'`);
  expect(card!.status).toBe("ACTIVE");
  expect((await page.request.get("/api/v1/me/balance")).status()).toBe(200);

  // The same requests from the portal's own origin are answered by the application.
  const own = await page.request.post("/api/v1/me/linkage/check", { data: body, headers: { origin: BASE } });
  expect(own.status()).toBe(200);
  expect(await own.json()).toHaveProperty("refusals");
  // The institutions' settlement API authenticates by Bearer key only and needs no Origin.
  const machine = await request.post("/api/v1/settlements", { data: {}, headers: { authorization: "Bearer not-a-real-key-0123456789" } });
  expect(machine.status()).toBe(401);
  expect((await machine.json()).error.code).toBe("UNAUTHENTICATED");

  // And the browser's own form posts (server actions) still work: a GET filter and a refused password change.
  await page.goto("/me/password");
  await page.getByLabel("当前密码").fill("not-the-password");
  await page.getByLabel("新密码", { exact: true }).fill("Another-2026-pass");
  await page.getByLabel("确认新密码").fill("Another-2026-pass");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确")).toBeVisible();
  await screenshot(page, testInfo, "origin-form-still-works");
});

for (const role of ["person", "clerk", "staff"] as const) {
  test(`no CSP violation while the ${role} clicks through the signed-in pages`, async ({ page }, testInfo) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    page.on("pageerror", (e) => violations.push(`page error: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const w = window as unknown as { __csp?: string[] };
        w.__csp ??= [];
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const reported = async () => (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[];

    if (role === "person") await signInDemoPerson(page);
    if (role === "clerk") await signInClerk(page, "5001000001", "demo-clerk-1");
    if (role === "staff") await signInStaff(page, "S0003");
    // The framework's scripts ran (hydration): Next's client runtime is present.
    expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");

    const nav = page.getByRole("navigation", { name: "栏目导航" });
    const links = await nav.getByRole("link").evaluateAll((as) => as.map((a) => [a.textContent ?? "", a.getAttribute("href") ?? ""] as const));
    expect(links.length).toBeGreaterThan(2);
    for (const [label, href] of links) {
      // Client-side navigation through next/link: the nonce'd runtime loads each page's chunks.
      await nav.getByRole("link", { name: label, exact: true }).click();
      await page.waitForURL((u) => `${u.pathname}${u.search}` === href);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      expect(await reported(), `after ${label}`).toEqual([]);
    }
    if (role === "person") {
      await page.goto("/me/statement");
      await page.getByLabel("年度").selectOption("2025");
      await page.getByRole("button", { name: "查询" }).click();
      await expect(page).toHaveURL(/year=2025/);
    }
    // The portal's own 404 pages (the built-in one carries inline styles the policy would block).
    for (const url of ["/no-such-page", role === "person" ? "/me/statement/999999999" : "/unit/employees/0000000000"]) {
      if (role === "staff" && url.startsWith("/unit")) continue;
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      expect(await reported(), url).toEqual([]);
    }
    await page.goto({ person: "/me", clerk: "/unit", staff: "/office" }[role]);
    await page.reload();
    expect(await reported()).toEqual([]);
    expect(violations).toEqual([]);
    await screenshot(page, testInfo, `csp-clean-${role}`);
  });
}

const OWN_PERSON = { mobile: "A10000047", desktop: "A10000053" } as Record<string, string>;
const FIRST_PASSWORD = "Hdr-e2e-2026a";
const SECOND_PASSWORD = "Hdr-e2e-2026b";

async function changePassword(page: Page, current: string, next: string) {
  await page.goto("/me/password");
  await page.getByLabel("当前密码").fill(current);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("确认新密码").fill(next);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/me\?passwordChanged=1$/, { timeout: 60_000 });
}

async function expectSentToSignIn(page: Page, url: string, login = "/login") {
  await page.goto(url);
  await expect(page).toHaveURL(new RegExp(`${login.replace(/\//g, "\\/")}\\?expired=1$`));
  await expect(page.getByRole("alert").filter({ hasText: "登录已过期,请重新登录" })).toBeVisible();
  expect((await page.request.get("/api/v1/me/balance")).status()).toBe(401);
}

test("signing out in one browser ends the person's other sessions, and so does a password change", async ({ page, browser }, testInfo) => {
  const card = OWN_PERSON[testInfo.project.name]!;
  const [person] = await query<{ id: number; personal_number: string; session_version: number }>(
    `SELECT p.id, p.personal_number, p.session_version FROM persons p JOIN cards c ON c.person_id = p.id WHERE c.card_number = $1`,
    [card],
  );
  // First sign-in: the initial password must be replaced (this already bumps the session version).
  await signInPerson(page, card, person!.personal_number.slice(-6));
  await expect(page).toHaveURL(/\/me\/password$/, { timeout: 60_000 });
  await changePassword(page, person!.personal_number.slice(-6), FIRST_PASSWORD);

  // A second browser signs in; the first signs out: the second is signed out too.
  const other = await newPage(browser, testInfo);
  await signInPerson(other, card, FIRST_PASSWORD);
  await expect(other).toHaveURL(/\/me$/, { timeout: 60_000 });
  const before = (await query<{ v: number }>(`SELECT session_version AS v FROM persons WHERE id = $1`, [person!.id]))[0]!.v;
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  const after = (await query<{ v: number }>(`SELECT session_version AS v FROM persons WHERE id = $1`, [person!.id]))[0]!.v;
  expect(after).toBe(before + 1);
  const [audit] = await query<{ n: string }>(`SELECT count(*) AS n FROM audit_logs WHERE action = 'SIGN_OUT' AND actor_id = $1`, [String(person!.id)]);
  expect(Number(audit!.n)).toBe(1);
  await expectSentToSignIn(other, "/me/card");
  await expectNoSeriousAxeViolations(other);
  await screenshot(other, testInfo, "revoked-by-sign-out");

  // Both sign in again; a password change in the first ends the second, the first stays signed in.
  await signInPerson(page, card, FIRST_PASSWORD);
  await expect(page).toHaveURL(/\/me$/, { timeout: 60_000 });
  await signInPerson(other, card, FIRST_PASSWORD);
  await expect(other).toHaveURL(/\/me$/, { timeout: 60_000 });
  await changePassword(page, FIRST_PASSWORD, SECOND_PASSWORD);
  await expectSentToSignIn(other, "/me/statement");
  await page.goto("/me/card");
  await expect(page).toHaveURL(/\/me\/card$/);
  expect((await page.request.get("/api/v1/me/balance")).status()).toBe(200);
  await other.context().close();
});

/** A session token as the server would have written it, with chosen sign-in and last-seen times. */
async function forgedSession(browser: Browser, testInfo: TestInfo, claims: Record<string, unknown>) {
  const token = await encode({ token: claims, secret: AUTH_SECRET, salt: SESSION_COOKIE });
  const page = await newPage(browser, testInfo);
  await page.context().addCookies([{ name: SESSION_COOKIE, value: token, url: BASE, httpOnly: true, sameSite: "Lax" }]);
  return page;
}

async function tokenAfter(response: APIResponse) {
  const header = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${SESSION_COOKIE}=`));
  if (!header) return null;
  const value = header.value.slice(SESSION_COOKIE.length + 1).split(";")[0]!;
  if (value === "") return { deleted: true as const };
  return { deleted: false as const, claims: await decode({ token: value, secret: AUTH_SECRET, salt: SESSION_COOKIE }) };
}

test("idle and absolute timeouts end a session with the expiry notice; each page or API read moves the idle clock on", async ({ browser }, testInfo) => {
  const [person] = await query<{ id: number; v: number }>(
    `SELECT p.id, p.session_version AS v FROM persons p JOIN cards c ON c.person_id = p.id WHERE c.card_number = 'A10000001'`,
  );
  const [staff] = await query<{ id: number; v: number }>(`SELECT id, session_version AS v FROM staff WHERE staff_number = 'S0003'`);
  const now = Date.now();
  const minutesAgo = (n: number) => now - n * 60_000;
  const asPerson = { sub: `person:${person!.id}`, role: "person", principalId: person!.id, sessionVersion: person!.v };
  const asStaff = { sub: `staff:${staff!.id}`, role: "staff", principalId: staff!.id, sessionVersion: staff!.v };

  // Idle 20 minutes (person limit 30): still signed in, and the answer carries a token seen just now.
  const active = await forgedSession(browser, testInfo, { ...asPerson, signedInAt: minutesAgo(60), lastSeenAt: minutesAgo(20) });
  const read = await active.request.get("/me", { maxRedirects: 0 });
  expect(read.status()).toBe(200);
  const refreshed = await tokenAfter(read);
  expect(refreshed?.deleted).toBe(false);
  if (refreshed && !refreshed.deleted) {
    expect(refreshed.claims?.lastSeenAt as number).toBeGreaterThanOrEqual(now - 1000);
    expect(refreshed.claims?.signedInAt).toBe(minutesAgo(60));
  }
  // The browser now holds the new token: the session goes on, and a read within the minute leaves the
  // cookie alone (the last-seen time is kept to the minute, proxy.ts).
  const soon = await active.request.get("/api/v1/me/balance");
  expect(soon.status()).toBe(200);
  expect(await tokenAfter(soon)).toBeNull();
  await active.goto("/me");
  await expect(active).toHaveURL(/\/me$/);
  await active.context().close();
  // API reads count as use too.
  const viaApi = await forgedSession(browser, testInfo, { ...asPerson, signedInAt: minutesAgo(60), lastSeenAt: minutesAgo(5) });
  const apiRead = await viaApi.request.get("/api/v1/me/balance");
  expect(apiRead.status()).toBe(200);
  const apiToken = await tokenAfter(apiRead);
  expect(apiToken?.deleted === false && (apiToken.claims?.lastSeenAt as number) >= now - 1000).toBe(true);
  await viaApi.context().close();

  // Past a limit: the page goes to the sign-in page with the notice, the cookie is deleted.
  const ended: [string, Record<string, unknown>, string, string][] = [
    ["person idle 31 minutes", { ...asPerson, signedInAt: minutesAgo(60), lastSeenAt: minutesAgo(31) }, "/me/statement", "/login"],
    ["person signed in 12 hours 1 minute ago", { ...asPerson, signedInAt: minutesAgo(721), lastSeenAt: minutesAgo(1) }, "/me", "/login"],
    ["person token without the times", { ...asPerson }, "/me", "/login"],
    ["staff idle 16 minutes", { ...asStaff, signedInAt: minutesAgo(60), lastSeenAt: minutesAgo(16) }, "/office", "/office/login"],
    ["staff signed in 8 hours 1 minute ago", { ...asStaff, signedInAt: minutesAgo(481), lastSeenAt: minutesAgo(1) }, "/office/persons", "/office/login"],
  ];
  for (const [label, claims, url, login] of ended) {
    const page = await forgedSession(browser, testInfo, claims);
    const answer = await page.request.get(url, { maxRedirects: 0 });
    expect(answer.status(), label).toBe(307);
    expect(answer.headers().location, label).toBe(`${login}?expired=1`);
    expect(await tokenAfter(answer), `${label}: cookie deleted`).toEqual({ deleted: true });
    await page.context().addCookies([{ name: SESSION_COOKIE, value: await encode({ token: claims, secret: AUTH_SECRET, salt: SESSION_COOKIE }), url: BASE }]);
    await page.goto(url);
    await expect(page, label).toHaveURL(new RegExp(`${login}\\?expired=1$`));
    await expect(page.getByRole("alert").filter({ hasText: "登录已过期,请重新登录" }), label).toBeVisible();
    expect((await page.context().cookies()).some((c) => c.name === SESSION_COOKIE), `${label}: no session cookie left`).toBe(false);
    if (label.startsWith("staff idle")) {
      await expect(page.getByRole("alert").filter({ hasText: "登录已过期" })).toContainText("连续15分钟无操作或登录满8小时");
      await screenshot(page, testInfo, "staff-idle-expired");
    }
    await page.context().close();
  }

  // Staff idle 10 minutes is still inside the 15-minute limit.
  const staffActive = await forgedSession(browser, testInfo, { ...asStaff, signedInAt: minutesAgo(60), lastSeenAt: minutesAgo(10) });
  await staffActive.goto("/office");
  await expect(staffActive).toHaveURL(/\/office$/);
  await staffActive.context().close();
});
