/**
 * Throttling against the production build (issue 9, item 5): failed sign-ins per client address, spoofed
 * forwarding headers, and bursts on expensive endpoints (429 with Retry-After, or a Chinese message on a
 * page). The counters are the real ones in PostgreSQL with the real limits (lib/domain/rate-limit.ts).
 *
 * Every other spec reaches the app from the loopback address, and blocking that address would break
 * them. So this spec sends its blocking traffic from addresses of its own — by binding the client socket
 * (source-address.ts), not through a header the app would have to be told to trust: the server sees a
 * genuinely different socket address, exactly as in production. Per project:
 *   mobile  127.0.0.71 gets blocked, .73 is a clean address, .75 bursts the calculator, .77 /verify;
 *   desktop 127.0.0.72,              .74,                     .76,                      .78.
 * Accounts: one wrong password each for seeded persons no spec signs in with (mobile A10000033-37, desktop
 * A10000054-58: far from their own lockout of 5), the rest of the failures on card numbers that do not
 * exist, so no account anyone uses is locked. The export burst uses the clerks of units 5001000007
 * (mobile) and 5001000008 (desktop), which no other spec signs in as (access.spec.ts signs out, and so
 * ends every session of, the clerks of 5001000009 and 5001000010).
 */
import { type APIResponse, type Browser, expect, request, test, type TestInfo } from "@playwright/test";
import { RATE_LIMITS } from "@/lib/domain/rate-limit";
import { query } from "./db";
import { expectNoSeriousAxeViolations, screenshot, signInPerson } from "./helpers";
import { sourceAddressProxy } from "./source-address";

function plan(testInfo: TestInfo) {
  const mobile = testInfo.project.name === "mobile";
  const n = mobile ? 0 : 1;
  return {
    blocked: `127.0.0.${71 + n}`,
    clean: `127.0.0.${73 + n}`,
    calculator: `127.0.0.${75 + n}`,
    verify: `127.0.0.${77 + n}`,
    persons: (mobile ? [33, 34, 35, 36, 37] : [54, 55, 56, 57, 58]).map((k) => `A100000${k}`),
    unknown: (i: number) => `A98${n}${String(i).padStart(5, "0")}`,
    clerk: mobile ? { unitNumber: "5001000007", password: "demo-clerk-7" } : { unitNumber: "5001000008", password: "demo-clerk-8" },
  };
}

async function contextVia(browser: Browser, testInfo: TestInfo, server: string) {
  const { viewport, baseURL, locale, timezoneId } = testInfo.project.use;
  return browser.newContext({ viewport, baseURL, locale, timezoneId, proxy: { server } });
}

/**
 * A request context whose connections leave from the proxy's address; `signIn` is one person sign-in
 * through Auth.js's credentials endpoint, as a script would send it, returning the refusal message Auth.js
 * hands back (null when signed in).
 */
async function clientVia(baseURL: string, server: string) {
  const api = await request.newContext({ baseURL, proxy: { server } });
  const origin = new URL(baseURL).origin;
  async function signIn(loginId: string, password: string, headers: Record<string, string> = {}) {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await api.post("/api/auth/callback/person", {
      form: { csrfToken, loginId, password, callbackUrl: "/me" },
      headers: { "x-auth-return-redirect": "1", origin, ...headers },
    });
    const { url } = (await response.json()) as { url: string };
    return new URL(url, origin).searchParams.get("code");
  }
  return { api, signIn };
}

/** Waits for a fresh window when fewer than `needMs` are left in the current one, so a burst fits in one. */
async function roomInWindow(windowMs: number, needMs: number) {
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 250));
  return Math.floor(Date.now() / windowMs);
}

/** Sends until the first 429 (at most `max`), `parallel` at a time; how many got through, and the 429. */
async function burst(send: () => Promise<APIResponse>, max: number, parallel: number) {
  let passed = 0;
  let refused: APIResponse | undefined;
  for (let sent = 0; sent < max && !refused; sent += parallel) {
    for (const response of await Promise.all(Array.from({ length: parallel }, send))) {
      if (response.status() === 429) refused ??= response;
      else if (!refused) {
        expect(response.status()).toBeLessThan(400);
        passed++;
      }
    }
  }
  if (!refused) throw new Error(`no 429 after ${max} requests`);
  return { passed, refused };
}

async function expectRateLimited(response: APIResponse, windowSeconds: number) {
  expect(response.status()).toBe(429);
  const retryAfter = response.headers()["retry-after"];
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(2 * windowSeconds);
  expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("RATE_LIMITED");
  expect(body.error.message).toMatch(/^请求过于频繁,请\d+(秒|分钟)后再试$/);
  return Number(retryAfter);
}

test("failed sign-ins over many accounts from one address block that address; spoofed forwarding headers neither lift nor move the block", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const p = plan(testInfo);
  const limit = RATE_LIMITS["sign-in-failures"].limit;
  const seeded = await query<{ card_number: string }>(`SELECT card_number FROM cards WHERE card_number = ANY($1)`, [p.persons]);
  expect(seeded).toHaveLength(p.persons.length);

  const blocked = await sourceAddressProxy(p.blocked);
  const clean = await sourceAddressProxy(p.clean);
  const client = await clientVia(baseURL!, blocked.server);
  const cleanClient = await clientVia(baseURL!, clean.server);
  try {
    // `limit` failures, spread over accounts: every one is checked and refused as a wrong password.
    const loginIds = [...p.persons, ...Array.from({ length: limit - p.persons.length }, (_, i) => p.unknown(i))];
    for (const id of loginIds) expect(await client.signIn(id, "Wrong-password-1"), id).toMatch(/^账号或密码错误/);

    // The next attempt from that address is refused before any password is checked, the right one included.
    const refusal = await client.signIn("A10000001", "demo-person-1");
    expect(refusal).toMatch(/^尝试次数过多,请\d+分钟后再试$/);
    const minutes = Number(/请(\d+)分钟/.exec(refusal!)![1]);
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(16);

    // TRUST_PROXY is not set: forwarding headers, and the app's own address header sent by the client, change nothing.
    const spoofs: Record<string, string>[] = [
      { "x-forwarded-for": "198.51.100.23" },
      { "x-forwarded-for": "198.51.100.24, 10.1.2.3" },
      { "x-real-ip": "198.51.100.25", forwarded: "for=198.51.100.25" },
      { "x-portal-client-ip": "198.51.100.26" },
    ];
    for (const spoof of spoofs) {
      expect(await client.signIn("A10000001", "demo-person-1", spoof), JSON.stringify(spoof)).toMatch(/^尝试次数过多/);
    }
    // Nor can a header pin the block on someone else: a clean address naming the blocked one is not blocked.
    expect(await cleanClient.signIn(p.unknown(90), "Wrong-password-1", { "x-forwarded-for": p.blocked })).toMatch(
      /^账号或密码错误/,
    );

    // The audit trail has the socket address, never a spoofed one: one row per failed password on a real
    // account, and one row for the block (two if a 15-minute window ended in between).
    const ips = [p.blocked, `::ffff:${p.blocked}`];
    const rows = await query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_logs WHERE ip = ANY($1) GROUP BY action`,
      [ips],
    );
    const count = (action: string) => rows.find((r) => r.action === action)?.n ?? 0;
    expect(count("SIGN_IN_FAILED")).toBe(p.persons.length);
    expect(count("SIGN_IN_THROTTLED")).toBeGreaterThanOrEqual(1);
    expect(count("SIGN_IN_THROTTLED")).toBeLessThanOrEqual(2);
    const [spoofed] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE ip LIKE '198.51.100.%'`);
    expect(spoofed?.n).toBe(0);
    // One wrong password each: nobody's account came near its own lockout.
    const locked = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM persons p JOIN cards c ON c.person_id = p.id WHERE c.card_number = ANY($1) AND p.failed_logins > 1`,
      [p.persons],
    );
    expect(locked[0]?.n).toBe(0);

    // What a person behind that address sees on the sign-in page.
    const context = await contextVia(browser, testInfo, blocked.server);
    try {
      const page = await context.newPage();
      await signInPerson(page, p.unknown(91), "Wrong-password-1");
      await expect(page.getByRole("alert").filter({ hasText: /尝试次数过多,请\d+分钟后再试/ })).toBeVisible();
      await expect(page).toHaveURL(/\/login$/);
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, testInfo, "sign-in-throttled");
    } finally {
      await context.close();
    }
  } finally {
    await client.api.dispose();
    await cleanClient.api.dispose();
    await blocked.close();
    await clean.close();
  }
});

test("a burst on the public calculator API gets 429 with Retry-After for that address only", async ({ baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const p = plan(testInfo);
  const rule = RATE_LIMITS.calculator;
  const proxy = await sourceAddressProxy(p.calculator);
  const other = await sourceAddressProxy(p.clean);
  const { api } = await clientVia(baseURL!, proxy.server);
  const { api: otherApi } = await clientVia(baseURL!, other.server);
  const url = "/api/v1/calculator/contribution?category=unit-employee&month=2025-10&wage=6000.00";
  try {
    const window = await roomInWindow(rule.windowMs, 40_000);
    const { passed, refused } = await burst(() => api.get(url), rule.limit + 40, 20);
    // Exactly the limit within one window (the integration test proves it under concurrency); if this slow
    // machine crossed into the next minute, the weighted count lets about the limit through.
    if (Math.floor(Date.now() / rule.windowMs) === window) expect(passed).toBe(rule.limit);
    else expect(passed).toBeGreaterThanOrEqual(rule.limit - 1);
    await expectRateLimited(refused, rule.windowMs / 1000);

    const spoofed = await api.get(url, { headers: { "x-forwarded-for": "198.51.100.40", "x-portal-client-ip": "198.51.100.40" } });
    expect(spoofed.status()).toBe(429);
    const elsewhere = await otherApi.get(url);
    expect(elsewhere.status()).toBe(200);
    expect(((await elsewhere.json()) as { baseFen: number }).baseFen).toBe(600000);
  } finally {
    await api.dispose();
    await otherApi.dispose();
    await proxy.close();
    await other.close();
  }
});

test("a burst of CSV exports by one clerk gets 429 with Retry-After", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const p = plan(testInfo);
  const rule = RATE_LIMITS.exports;
  const [latest] = await query<{ month: string }>(
    `SELECT um.month FROM unit_months um JOIN units u ON u.id = um.unit_id WHERE u.unit_number = $1 ORDER BY um.month DESC LIMIT 1`,
    [p.clerk.unitNumber],
  );
  expect(latest).toBeDefined();

  await page.goto("/unit/login");
  await page.getByLabel("单位编号").fill(p.clerk.unitNumber);
  await page.getByLabel("经办人用户名").fill("clerk1");
  await page.getByLabel("密码", { exact: true }).fill(p.clerk.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/unit$/);

  const url = `/api/v1/unit/months/${latest!.month}/employees.csv`;
  const window = await roomInWindow(rule.windowMs, 60_000);
  const { passed, refused } = await burst(() => page.request.get(url), rule.limit + 10, 1);
  if (Math.floor(Date.now() / rule.windowMs) === window) expect(passed).toBe(rule.limit);
  else expect(passed).toBeGreaterThanOrEqual(rule.limit - 1);
  const retryAfter = await expectRateLimited(refused, rule.windowMs / 1000);
  // Counted per clerk, 30 in 10 minutes: the wait is minutes, not seconds.
  expect(retryAfter).toBeGreaterThan(60);
  // Other JSON APIs of the same clerk have their own, larger allowance.
  expect((await page.request.get("/api/v1/unit")).status()).toBe(200);
});

test("a burst of look-ups on /verify shows a Chinese message on the page, not an error", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const p = plan(testInfo);
  const rule = RATE_LIMITS.verify;
  const proxy = await sourceAddressProxy(p.verify);
  const { api } = await clientVia(baseURL!, proxy.server);
  const context = await contextVia(browser, testInfo, proxy.server);
  const code = "ABCD-EFGH-JKLM-NPQR-STUV";
  try {
    await roomInWindow(rule.windowMs, 30_000);
    for (let i = 0; i < rule.limit; i++) {
      const html = await (await api.get(`/verify?code=${code}`)).text();
      expect(html).not.toContain("查验过于频繁");
    }
    const page = await context.newPage();
    const response = await page.goto(`/verify?code=${code}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("verify-result")).toHaveText(/查验过于频繁,请\d+(秒|分钟)后再试/);
    await expect(page.getByLabel("验证码")).toHaveValue(code);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, testInfo, "verify-throttled");
  } finally {
    await context.close();
    await api.dispose();
    await proxy.close();
  }
});
