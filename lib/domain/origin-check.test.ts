import { describe, expect, test } from "vitest";
import { checkOrigin, isRefused, type OriginRequest, ownOrigin } from "./origin-check";

const base: OriginRequest = {
  method: "POST",
  pathname: "/me/password",
  origin: "http://localhost:3000",
  host: "localhost:3000",
  forwardedHost: null,
  forwardedProto: null,
  trustProxy: false,
};

describe("ownOrigin", () => {
  test.each([
    { label: "plain HTTP: the Host header", host: "localhost:3000", fh: null, fp: null, trust: false, want: "http://localhost:3000" },
    { label: "host without port", host: "portal.example.cn", fh: null, fp: null, trust: false, want: "http://portal.example.cn" },
    { label: "untrusted forwarded headers are ignored", host: "portal.example.cn", fh: "evil.example", fp: "https", trust: false, want: "http://portal.example.cn" },
    { label: "trusted proxy: forwarded host and https", host: "127.0.0.1:3000", fh: "portal.example.cn", fp: "https", trust: true, want: "https://portal.example.cn" },
    { label: "trusted proxy: the default port is dropped", host: "127.0.0.1:3000", fh: "portal.example.cn:443", fp: "https", trust: true, want: "https://portal.example.cn" },
    { label: "trusted proxy: the last hop counts", host: "127.0.0.1:3000", fh: "evil.example, portal.example.cn", fp: "http, https", trust: true, want: "https://portal.example.cn" },
    { label: "trusted proxy without forwarded host: Host", host: "portal.example.cn", fh: null, fp: "https", trust: true, want: "https://portal.example.cn" },
    { label: "trusted proxy without forwarded proto: http", host: "portal.example.cn", fh: null, fp: null, trust: true, want: "http://portal.example.cn" },
    { label: "upper-case host is normalised", host: "Portal.Example.CN", fh: null, fp: null, trust: false, want: "http://portal.example.cn" },
    { label: "no Host header", host: null, fh: null, fp: null, trust: false, want: null },
    { label: "Host with a path is not a host", host: "portal.example.cn/x", fh: null, fp: null, trust: false, want: null },
    { label: "Host with credentials is not a host", host: "a@portal.example.cn", fh: null, fp: null, trust: false, want: null },
  ])("$label", ({ host, fh, fp, trust, want }) => {
    expect(ownOrigin({ host, forwardedHost: fh, forwardedProto: fp, trustProxy: trust })).toBe(want);
  });
});

describe("checkOrigin", () => {
  test.each([
    { label: "GET is never checked", change: { method: "GET", origin: null }, want: "safe-method" },
    { label: "HEAD is never checked", change: { method: "HEAD", origin: "https://evil.example" }, want: "safe-method" },
    { label: "OPTIONS is never checked", change: { method: "OPTIONS", origin: null }, want: "safe-method" },
    { label: "POST from the portal itself", change: {}, want: "same-origin" },
    { label: "lower-case method", change: { method: "post" }, want: "same-origin" },
    { label: "POST without Origin", change: { origin: null }, want: "missing" },
    { label: "POST with an empty Origin", change: { origin: " " }, want: "missing" },
    { label: "POST from another site", change: { origin: "https://evil.example" }, want: "foreign" },
    { label: "Origin null (sandboxed frame)", change: { origin: "null" }, want: "foreign" },
    { label: "same host, other port", change: { origin: "http://localhost:3001" }, want: "foreign" },
    { label: "same host, https while the portal is plain http", change: { origin: "https://localhost:3000" }, want: "foreign" },
    { label: "a look-alike suffix", change: { origin: "http://localhost:3000.evil.example" }, want: "foreign" },
    { label: "not a URL", change: { origin: "localhost:3000" }, want: "foreign" },
    { label: "file: scheme", change: { origin: "file://" }, want: "foreign" },
    { label: "PUT without Origin", change: { method: "PUT", origin: null }, want: "missing" },
    { label: "PATCH from another site", change: { method: "PATCH", origin: "https://evil.example" }, want: "foreign" },
    { label: "DELETE from the portal", change: { method: "DELETE" }, want: "same-origin" },
    { label: "sign-in post to Auth.js without Origin", change: { pathname: "/api/auth/callback/person", origin: null }, want: "missing" },
    { label: "session-cookie API from another site", change: { pathname: "/api/v1/me/card/pre-loss", origin: "https://evil.example" }, want: "foreign" },
    { label: "institution settlement API (Bearer key) without Origin", change: { pathname: "/api/v1/settlements", origin: null }, want: "exempt" },
    { label: "institution settlement API with a trailing slash", change: { pathname: "/api/v1/settlements/", origin: null }, want: "exempt" },
    { label: "a path below the settlement API is not exempt", change: { pathname: "/api/v1/settlements/1", origin: null }, want: "missing" },
    { label: "the person's settlement list is not exempt", change: { pathname: "/api/v1/me/settlements", origin: null }, want: "missing" },
    {
      label: "behind a trusted TLS proxy, the browser's https origin",
      change: { origin: "https://portal.example.cn", host: "127.0.0.1:3000", forwardedHost: "portal.example.cn", forwardedProto: "https", trustProxy: true },
      want: "same-origin",
    },
    {
      label: "a spoofed X-Forwarded-Host without a trusted proxy does not make a foreign origin ours",
      change: { origin: "https://evil.example", forwardedHost: "evil.example", forwardedProto: "https" },
      want: "foreign",
    },
    { label: "no Host header at all", change: { host: null }, want: "foreign" },
  ] satisfies { label: string; change: Partial<OriginRequest>; want: string }[])("$label → $want", ({ change, want }) => {
    expect(checkOrigin({ ...base, ...change })).toBe(want);
  });
});

test.each([
  { verdict: "safe-method", refused: false },
  { verdict: "exempt", refused: false },
  { verdict: "same-origin", refused: false },
  { verdict: "missing", refused: true },
  { verdict: "foreign", refused: true },
] as const)("isRefused($verdict) is $refused", ({ verdict, refused }) => {
  expect(isRefused(verdict)).toBe(refused);
});
