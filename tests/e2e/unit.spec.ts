/**
 * The employer clerk's portal in a real browser (DOMAIN §6, §9), at 375 px and desktop: every page with
 * a screenshot and no serious or critical axe violation, and every figure compared with the database.
 * clerk1 of 5001000001 pays on time; clerk1 of 5001000002 (demo-clerk-2) is in arrears since 2026-08.
 */
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { formatDateCst } from "@/lib/domain/dates";
import { runningArrears, unitArrearsOutlook } from "@/lib/domain/unit-arrears";
import { query, yuan } from "./db";
import { expectNoSeriousAxeViolations, screenshot } from "./helpers";

// The machine these run on is shared with other suites: allow for slow sign-ins (argon2) and renders.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const ON_TIME = { unitNumber: "5001000001", password: "demo-clerk-1" };
const IN_ARREARS = { unitNumber: "5001000002", password: "demo-clerk-2" };

async function signInClerk(page: Page, clerk: { unitNumber: string; password: string }) {
  await page.goto("/unit/login");
  await page.getByLabel("单位编号").fill(clerk.unitNumber);
  await page.getByLabel("经办人用户名").fill("clerk1");
  await page.getByLabel("密码", { exact: true }).fill(clerk.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/unit$/);
}

async function unitMonths(unitNumber: string) {
  return query<{
    id: number;
    month: string;
    employees: number;
    due_fen: string;
    paid_fen: string;
    paid_up_at: Date | null;
  }>(
    `SELECT um.id, um.month, um.employees, um.due_fen::text, um.paid_fen::text, um.paid_up_at
     FROM unit_months um JOIN units u ON u.id = um.unit_id WHERE u.unit_number = $1 ORDER BY um.month`,
    [unitNumber],
  );
}

async function arrearsOf(unitNumber: string) {
  const months = await unitMonths(unitNumber);
  return runningArrears(
    months.map((m) => ({ month: m.month, dueFen: BigInt(m.due_fen), paidFen: BigInt(m.paid_fen) })),
  );
}

const navLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "栏目导航" }).getByRole("link", { name });

test("clerk1 walks the overview, the months, one month's employees (search, pages, CSV) and an employee; figures equal the database", async ({
  page,
}, testInfo) => {
  await signInClerk(page, ON_TIME);

  // Overview.
  const [counts] = await query<{ in_service: string; retired: string; credit_code: string }>(
    `SELECT count(*) FILTER (WHERE p.employment_status = 'IN_SERVICE') AS in_service,
            count(*) FILTER (WHERE p.employment_status = 'RETIRED') AS retired, min(u.credit_code) AS credit_code
     FROM units u LEFT JOIN persons p ON p.unit_id = u.id WHERE u.unit_number = $1`,
    [ON_TIME.unitNumber],
  );
  await expect(page.getByTestId("unit-number")).toHaveText(ON_TIME.unitNumber);
  await expect(page.getByTestId("credit-code")).toHaveText(
    `${counts!.credit_code.slice(0, 2)}${"*".repeat(12)}${counts!.credit_code.slice(-4)}`,
  );
  await expect(page.getByTestId("in-service")).toHaveText(`${counts!.in_service}人`);
  await expect(page.getByTestId("retired")).toHaveText(`${counts!.retired}人`);
  const settled = await arrearsOf(ON_TIME.unitNumber);
  await expect(page.getByTestId("arrears-total")).toHaveText(yuan(settled.arrearsFen));
  const latest = (await unitMonths(ON_TIME.unitNumber)).at(-1)!;
  await expect(page.getByTestId("latest-month")).toContainText(
    `${latest.employees} 人,应缴 ${yuan(latest.due_fen)}`,
  );
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-overview");

  // Months.
  await navLink(page, "月度缴费").click();
  await expect(page).toHaveURL(/\/unit\/months$/);
  const rows = page.getByTestId("month-row");
  await expect(rows).toHaveCount(settled.months.length);
  for (const m of settled.months) {
    const row = page.locator(`[data-testid="month-row"][data-month="${m.month}"]`);
    await expect(row.getByTestId("due")).toHaveText(yuan(m.dueFen));
    await expect(row.getByTestId("paid")).toHaveText(yuan(m.paidFen));
    await expect(row.getByTestId("arrears")).toHaveText(yuan(m.arrearsFen));
    await expect(row.getByTestId("running")).toHaveText(yuan(m.runningArrearsFen));
  }
  const parts = await query<{ unit_part: string; employee_part: string; mutual_aid: string }>(
    `SELECT sum(unit_basic_fen + unit_mutual_aid_fen)::text AS unit_part, sum(employee_basic_fen + employee_mutual_aid_fen)::text AS employee_part,
            sum(unit_mutual_aid_fen + employee_mutual_aid_fen)::text AS mutual_aid
     FROM contribution_lines WHERE unit_month_id = $1`,
    [latest.id],
  );
  const latestRow = page.locator(`[data-testid="month-row"][data-month="${latest.month}"]`);
  await expect(latestRow.getByTestId("unit-part")).toHaveText(yuan(parts[0]!.unit_part));
  await expect(latestRow.getByTestId("employee-part")).toHaveText(yuan(parts[0]!.employee_part));
  await expect(latestRow.getByTestId("mutual-aid")).toHaveText(yuan(parts[0]!.mutual_aid));
  // Each payment lists the months it settled.
  const allocations = await query<{ reference: string; month: string; amount_fen: string }>(
    `SELECT p.reference, um.month, a.amount_fen::text FROM payment_allocations a
     JOIN unit_payments p ON p.id = a.payment_id JOIN unit_months um ON um.id = a.unit_month_id JOIN units u ON u.id = p.unit_id
     WHERE u.unit_number = $1 ORDER BY p.received_at DESC, um.month`,
    [ON_TIME.unitNumber],
  );
  const newest = allocations[0]!;
  const paymentRow = page.locator(`[data-testid="payment-row"][data-reference="${newest.reference}"]`);
  await expect(
    paymentRow.getByTestId("payment-settled").getByRole("listitem").filter({ hasText: newest.month }),
  ).toContainText(yuan(newest.amount_fen));
  await expect(page.getByTestId("payment-row")).toHaveCount(
    new Set(allocations.map((a) => a.reference)).size,
  );
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-months");

  // One month.
  await latestRow.getByRole("link", { name: latest.month }).click();
  await expect(page).toHaveURL(new RegExp(`/unit/months/${latest.month}$`));
  await expect(page.getByTestId("month-employees")).toHaveText(`${latest.employees} 人`);
  await expect(page.getByTestId("month-due")).toHaveText(yuan(latest.due_fen));
  await expect(page.getByTestId("month-paid")).toHaveText(yuan(latest.paid_fen));
  await expect(page.getByTestId("month-unit-part")).toHaveText(yuan(parts[0]!.unit_part));
  await expect(page.getByTestId("month-employee-part")).toHaveText(yuan(parts[0]!.employee_part));
  const lines = await query<{ personal_number: string; name: string; base_fen: string; due_fen: string }>(
    `SELECT p.personal_number, p.name, cl.base_fen::text, cl.due_fen::text FROM contribution_lines cl JOIN persons p ON p.id = cl.person_id
     WHERE cl.unit_month_id = $1 ORDER BY cl.person_id`,
    [latest.id],
  );
  const employeeRows = page.getByTestId("employee-row");
  await expect(employeeRows).toHaveCount(Math.min(50, lines.length));
  for (const line of lines.slice(0, 50)) {
    const row = page.locator(`[data-testid="employee-row"][data-personal-number="${line.personal_number}"]`);
    await expect(row.getByTestId("base")).toHaveText(yuan(line.base_fen));
    await expect(row.getByTestId("due")).toHaveText(yuan(line.due_fen));
    await expect(row.getByTestId("paid")).toHaveText(yuan(line.due_fen));
    await expect(row.getByTestId("state")).toHaveText("已缴清");
    // Never the full name.
    await expect(row.getByTestId("employee-name")).not.toContainText(line.name);
  }
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-month");

  // Keyset pages of 4: forwards to the end and back to the start, in person-id order.
  await page.goto(`/unit/months/${latest.month}?size=4`);
  const seen: string[] = [];
  // Each click waits for the exact page it asked for, so no row is read from the page before.
  const follow = async (name: string) => {
    const link = page.getByRole("link", { name });
    if ((await link.count()) === 0) return false;
    const href = (await link.getAttribute("href"))!;
    const firstBefore = (await employeeRows.first().getAttribute("data-personal-number"))!;
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await expect(employeeRows.first()).not.toHaveAttribute("data-personal-number", firstBefore);
    return true;
  };
  do {
    seen.push(
      ...(await employeeRows.evaluateAll((els) => els.map((e) => e.getAttribute("data-personal-number")!))),
    );
  } while (await follow("下一页 →"));
  expect(seen).toEqual(lines.map((l) => l.personal_number));
  while (await follow("← 上一页")) {}
  await expect(employeeRows.first()).toHaveAttribute("data-personal-number", lines[0]!.personal_number);

  // Search by name, then by personal number.
  const target = lines[lines.length - 1]!;
  await page.getByLabel("姓名或个人编号").fill(target.name);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(
    page.locator(`[data-testid="employee-row"][data-personal-number="${target.personal_number}"]`),
  ).toHaveCount(1);
  expect(await employeeRows.count()).toBeLessThan(lines.length);
  await page.getByLabel("姓名或个人编号").fill(target.personal_number);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(employeeRows).toHaveCount(1);

  // CSV of the whole month: BOM, header, one line per employee, amounts as the database has them.
  await page.goto(`/unit/months/${latest.month}`);
  const csvHref = await page.getByRole("link", { name: /导出 CSV/ }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvLines = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(csvLines[0]).toMatch(/^月份,个人编号,姓名,/);
  expect(csvLines.slice(1).map((l) => l.split(",")[1])).toEqual(lines.map((l) => l.personal_number));
  expect(csvLines[1]!.split(",")[12]).toBe(
    `${BigInt(lines[0]!.due_fen) / 100n}.${String(BigInt(lines[0]!.due_fen) % 100n).padStart(2, "0")}`,
  );

  // One employee.
  await page
    .locator(`[data-testid="employee-row"][data-personal-number="${lines[0]!.personal_number}"]`)
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(new RegExp(`/unit/employees/${lines[0]!.personal_number}$`));
  await expect(page.getByTestId("benefit-status")).toHaveText("正常");
  const employeeMonths = await query<{ n: string }>(
    `SELECT count(*) AS n FROM contribution_lines cl JOIN unit_months um ON um.id = cl.unit_month_id JOIN units u ON u.id = um.unit_id
     JOIN persons p ON p.id = cl.person_id WHERE u.unit_number = $1 AND p.personal_number = $2`,
    [ON_TIME.unitNumber, lines[0]!.personal_number],
  );
  await expect(page.getByTestId("employee-month-row")).toHaveCount(Number(employeeMonths[0]!.n));
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-employee");

  // Nobody is affected at a unit that pays on time.
  await navLink(page, "欠费影响职工").click();
  await expect(page.getByTestId("no-affected")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-affected-none");
});

test("the arrears unit's clerk sees the arrears, the next consequence and the suspended employees as the database and DOMAIN §6 say", async ({
  page,
}, testInfo) => {
  await signInClerk(page, IN_ARREARS);
  const settled = await arrearsOf(IN_ARREARS.unitNumber);
  expect(settled.arrearsFen).toBeGreaterThan(0n);
  const today = formatDateCst(new Date());
  const outlook = unitArrearsOutlook(settled.months, today);

  await expect(page.getByTestId("arrears-total")).toHaveText(yuan(settled.arrearsFen));
  await expect(page.getByTestId("arrears-months")).toContainText(outlook.arrearsSince!);
  await expect(page.getByTestId("next-consequence-date")).toHaveText(outlook.next!.date);
  await expect(page.getByTestId("next-consequence")).toContainText(
    `须在 ${outlook.next!.payBy} 前缴纳 ${yuan(outlook.next!.amountFen)}`,
  );
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-overview-arrears");

  await navLink(page, "欠费影响职工").click();
  await expect(page).toHaveURL(/\/unit\/affected$/);
  // Everyone declared in an owing month, with the month after their oldest owing month as the day benefits stopped.
  const owing = settled.months.filter((m) => m.arrearsFen > 0n).map((m) => m.month);
  const people = await query<{ personal_number: string; oldest: string; employment_status: string }>(
    `SELECT p.personal_number, min(um.month) AS oldest, min(p.employment_status::text) AS employment_status
     FROM contribution_lines cl JOIN unit_months um ON um.id = cl.unit_month_id JOIN units u ON u.id = um.unit_id
     JOIN persons p ON p.id = cl.person_id
     WHERE u.unit_number = $1 AND um.month = ANY($2) GROUP BY p.id, p.personal_number ORDER BY p.id`,
    [IN_ARREARS.unitNumber, owing],
  );
  expect(people.length).toBeGreaterThan(0);
  const affected = page.getByTestId("affected-row");
  await expect(affected).toHaveCount(Math.min(50, people.length));
  await expect(page.getByRole("heading", { name: `受影响职工(${people.length} 人)` })).toBeVisible();
  for (const p of people.slice(0, 50)) {
    const row = page.locator(`[data-testid="affected-row"][data-personal-number="${p.personal_number}"]`);
    const [y, m] = p.oldest.split("-").map(Number) as [number, number];
    const suspendedFrom = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, "0")}-01`;
    if (p.employment_status === "IN_SERVICE" && suspendedFrom <= today) {
      await expect(row.getByTestId("benefit-status")).toHaveText("暂停");
      await expect(row.getByTestId("since")).toContainText(suspendedFrom);
      await expect(row.getByTestId("restore")).toContainText(yuan(settled.arrearsFen));
    }
  }
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-affected");

  // An owing month: every employee owes their line.
  await page.goto(`/unit/months/${owing[0]}`);
  const states = await page.getByTestId("state").allTextContents();
  expect(states.length).toBeGreaterThan(0);
  for (const s of states) expect(s).toBe("欠缴");
  await expect(page.getByTestId("month-arrears")).toHaveText(
    yuan(settled.months.find((x) => x.month === owing[0])!.arrearsFen),
  );
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-month-arrears");

  // The employee page says why and until when.
  await page.goto(`/unit/employees/${people[0]!.personal_number}`);
  await expect(page.getByTestId("benefit-status")).toHaveText(
    people[0]!.employment_status === "IN_SERVICE" ? "暂停" : "正常",
  );
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-employee-suspended");
});

test("a forged unit number, month or employee id is a 404 with an audit row, on the pages and in the API", async ({
  page,
}, testInfo) => {
  // Values of their own per viewport, since both projects run at once against one database.
  const mobile = testInfo.project.name === "mobile";
  const otherUnit = mobile ? "5001000003" : "5001000004";
  const month = mobile ? "2019-01" : "2019-02";
  const [stranger] = await query<{ personal_number: string; id: number }>(
    `SELECT p.personal_number, p.id FROM persons p JOIN units u ON u.id = p.unit_id WHERE u.unit_number = $1 ORDER BY p.id LIMIT 1`,
    [otherUnit],
  );
  const [{ id: clerkId }] = (await query<{ id: number }>(
    `SELECT c.id FROM unit_clerks c JOIN units u ON u.id = c.unit_id WHERE u.unit_number = $1`,
    [ON_TIME.unitNumber],
  )) as [{ id: number }];
  const anonymous = await page.request.get("/api/v1/unit");
  expect(anonymous.status()).toBe(401);

  await signInClerk(page, ON_TIME);
  const response = await page.goto(`/unit/months/${month}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "未找到该记录" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, testInfo, "unit-not-found");
  expect((await page.goto(`/unit/months?unit=${otherUnit}`))?.status()).toBe(404);
  expect((await page.goto(`/unit/employees/${stranger!.personal_number}`))?.status()).toBe(404);

  for (const path of [
    `/api/v1/unit?unit=${otherUnit}`,
    `/api/v1/unit/months/${month}`,
    `/api/v1/unit/months/${month}/employees.csv`,
    `/api/v1/unit/employees/${stranger!.personal_number}`,
  ]) {
    const res = await page.request.get(path);
    expect([path, res.status()]).toEqual([path, 404]);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
  }

  const audits = await query<{ kind: string; value: string; subject_person_id: number | null }>(
    `SELECT details->>'kind' AS kind, details->>'value' AS value, subject_person_id FROM audit_logs
     WHERE action = 'UNIT_ACCESS_REFUSED' AND actor_type = 'CLERK' AND actor_id = $1 AND details->>'value' = ANY($2) ORDER BY id`,
    [String(clerkId), [otherUnit, month, stranger!.personal_number]],
  );
  const tally = (kind: string) => audits.filter((a) => a.kind === kind).length;
  expect([tally("unit"), tally("month"), tally("employee")]).toEqual([2, 3, 2]);
  expect(audits.filter((a) => a.kind === "employee").every((a) => a.subject_person_id === stranger!.id)).toBe(
    true,
  );

  // The clerk's own unit number is fine, and the API's figures are the database's.
  const own = await page.request.get(`/api/v1/unit?unit=${ON_TIME.unitNumber}`);
  expect(own.status()).toBe(200);
  const body = await own.json();
  expect(body.arrears.totalFen).toBe(Number((await arrearsOf(ON_TIME.unitNumber)).arrearsFen));
  const latest = (await unitMonths(ON_TIME.unitNumber)).at(-1)!;
  const monthBody = await (await page.request.get(`/api/v1/unit/months/${latest.month}?size=2`)).json();
  expect([monthBody.month.dueFen, monthBody.employees.length, monthBody.total]).toEqual([
    Number(latest.due_fen),
    2,
    latest.employees,
  ]);
  const bad = await page.request.get(`/api/v1/unit/months/${latest.month}?after=abc`);
  expect([bad.status(), (await bad.json()).error.code]).toEqual([400, "INVALID_QUERY"]);
});
