import { expect as baseExpect, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_STAFF_TOTP } from "../../prisma/seed/demo-staff-totp";

// Password hashing is slow on purpose; a busy test machine needs more than the default 5 s.
const expect = baseExpect.configure({ timeout: 30_000 });

export const STAFF_PASSWORDS: Record<string, string> = {
  S0001: "demo-staff-1",
  S0002: "demo-staff-2",
  S0003: "demo-staff-3",
};

/** Signs a demo staff member in: password, then (S0001, S0002) the current TOTP code from the README secret. */
export async function signInStaff(page: Page, staffNumber: "S0001" | "S0002" | "S0003") {
  await page.goto("/office/login");
  await page.getByLabel("工号").fill(staffNumber);
  await page.getByLabel("密码", { exact: true }).fill(STAFF_PASSWORDS[staffNumber]!);
  await page.getByRole("button", { name: "登录" }).click();
  const secret = DEMO_STAFF_TOTP[staffNumber];
  if (secret) {
    await expect(page.getByLabel("动态口令")).toBeVisible();
    await page.getByLabel("动态口令").fill(await generate({ secret }));
    await page.getByRole("button", { name: "验证并登录" }).click();
  }
  await expect(page).toHaveURL(/\/office$/);
}
