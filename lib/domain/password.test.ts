import { expect, test } from "vitest";
import { assertAcceptablePassword } from "./password";

test.each([
  { label: "letters and digits, 8 long", password: "abcd1234", forbidden: [], ok: true },
  { label: "7 characters is too short", password: "abc1234", forbidden: [], ok: false },
  { label: "65 characters is too long", password: `a1${"x".repeat(63)}`, forbidden: [], ok: false },
  { label: "digits only", password: "12345678", forbidden: [], ok: false },
  { label: "letters only", password: "abcdefgh", forbidden: [], ok: false },
  { label: "contains the initial password", password: "ab123456cd", forbidden: ["123456"], ok: false },
])("$label", ({ password, forbidden, ok }) => {
  const run = () => assertAcceptablePassword(password, forbidden);
  if (ok) expect(run).not.toThrow();
  else expect(run).toThrow(expect.objectContaining({ code: "WEAK_PASSWORD", field: "newPassword" }));
});
