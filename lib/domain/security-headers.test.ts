import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, mustNotBeStored, nonceOf, STATIC_SECURITY_HEADERS } from "./security-headers";

const NONCE = "MDEyMzQ1Njc4OWFiY2RlZg==";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1).join(" ")]));

describe("contentSecurityPolicy", () => {
  test("production over HTTP: scripts and styles by nonce only, nothing inline, nothing framed", () => {
    const csp = contentSecurityPolicy(NONCE, { dev: false, https: false });
    expect(csp).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self' 'nonce-${NONCE}'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`,
    );
  });

  test.each([
    { label: "production, http", dev: false, https: false },
    { label: "production, https", dev: false, https: true },
    { label: "development", dev: true, https: false },
  ])("$label: never 'unsafe-inline' for scripts, always the fixed directives", ({ dev, https }) => {
    const d = directives(contentSecurityPolicy(NONCE, { dev, https }));
    expect(d.get("script-src")).not.toContain("unsafe-inline");
    expect(d.get("script-src")).toContain(`'nonce-${NONCE}'`);
    expect(d.get("object-src")).toBe("'none'");
    expect(d.get("base-uri")).toBe("'self'");
    expect(d.get("form-action")).toBe("'self'");
    expect(d.get("frame-ancestors")).toBe("'none'");
    expect(d.has("upgrade-insecure-requests")).toBe(https);
    expect(d.get("script-src")?.includes("'unsafe-eval'")).toBe(dev);
    expect(d.get("style-src")).toBe(dev ? "'self' 'unsafe-inline'" : `'self' 'nonce-${NONCE}'`);
  });

  test.each([
    { label: "empty", nonce: "" },
    { label: "too short", nonce: "abc" },
    { label: "a quote would end the source expression", nonce: "abcdefghijklmnop' 'unsafe-inline" },
    { label: "a semicolon would start a directive", nonce: "abcdefghijklmnop;script-src *" },
  ])("refuses a nonce that is $label", ({ nonce }) => {
    expect(() => contentSecurityPolicy(nonce, { dev: false, https: false })).toThrow();
  });
});

test.each([
  { label: "the nonce of a policy", csp: `script-src 'self' 'nonce-${NONCE}'`, want: NONCE },
  { label: "no nonce", csp: "script-src 'self'", want: null },
  { label: "no policy", csp: null, want: null },
])("nonceOf: $label", ({ csp, want }) => {
  expect(nonceOf(csp)).toBe(want);
});

test("static headers: HSTS a year with subdomains, nosniff, no framing, a strict referrer policy", () => {
  expect(STATIC_SECURITY_HEADERS).toMatchObject({
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
  });
  const maxAge = Number(/max-age=(\d+)/.exec(STATIC_SECURITY_HEADERS["strict-transport-security"]!)?.[1]);
  expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 3600);
});

test.each([
  { path: "/me", want: true },
  { path: "/me/statement/export", want: true },
  { path: "/unit/months/2026-10", want: true },
  { path: "/office", want: true },
  { path: "/api/v1/me/balance", want: true },
  { path: "/api/auth/session", want: true },
  { path: "/", want: false },
  { path: "/faq", want: false },
  { path: "/meeting", want: false },
  { path: "/_next/static/chunks/app.js", want: false },
])("mustNotBeStored($path) is $want", ({ path, want }) => {
  expect(mustNotBeStored(path)).toBe(want);
});
