/**
 * Runs before every request (Next 16 "proxy", formerly middleware), static files included:
 * 1. refuses a POST/PUT/PATCH/DELETE whose Origin is missing or not the portal's own (CSRF; only the
 *    institutions' Bearer-key settlement API is exempt, lib/domain/origin-check.ts);
 * 2. makes a fresh nonce and the Content-Security-Policy around it, passes the policy on as a request
 *    header (Next reads the nonce from it and stamps it on every script it renders) and sends it back;
 * 3. adds the fixed security headers, and Cache-Control: no-store under /me, /unit, /office and /api;
 * 4. on a page or API read with a session cookie, rewrites the session token with the new last-seen
 *    time (pages cannot set cookies; the idle timeout needs it), or deletes it once a limit is past.
 * Authorization is not decided here: every page, action and route handler checks the session itself.
 */
import NextAuth from "next-auth";
import { type NextRequest, NextResponse } from "next/server";
import { sessionConfig } from "@/lib/auth/session-config";
import { readSessionToken, SESSION_COOKIE, SINGLE_SESSION_COOKIE } from "@/lib/auth/session-read";
import { checkOrigin, isRefused, type OriginRequest, ownOrigin } from "@/lib/domain/origin-check";
import { contentSecurityPolicy, mustNotBeStored, STATIC_SECURITY_HEADERS } from "@/lib/domain/security-headers";
import { lastSeenIsStale } from "@/lib/domain/session-timeouts";

const { auth } = NextAuth(sessionConfig);

const NOT_ACTIVITY = /^\/(_next\/|api\/auth\/|favicon\.ico$)/;

function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function withSecurityHeaders<R extends Response>(response: R, csp: string, pathname: string): R {
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (mustNotBeStored(pathname)) response.headers.set("cache-control", "no-store");
  return response;
}

/**
 * Only reads refresh the token: on a POST the action or Auth.js itself may set or delete the session
 * cookie (sign-in, sign-out, password change), and a second Set-Cookie from here could undo that.
 * And only once the recorded last-seen time is a minute old (or the token has ended, so the cookie
 * goes): otherwise a page's burst of prefetches would each rewrite the cookie, and one still in flight
 * when the person signs out would bring the cookie back.
 */
async function isStaleActivity(request: NextRequest): Promise<boolean> {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (NOT_ACTIVITY.test(request.nextUrl.pathname)) return false;
  const cookies = request.cookies.getAll().filter((c) => SESSION_COOKIE.test(c.name));
  if (cookies.length === 0) return false;
  const secret = process.env.AUTH_SECRET;
  if (cookies.length > 1 || !secret) return true;
  if (!SINGLE_SESSION_COOKIE.test(cookies[0]!.name)) return true;
  // Decrypted once per cookie value (session-read.ts); null when unreadable, past its exp or a limit:
  // then Auth.js deletes it.
  const now = Date.now();
  const claims = await readSessionToken(cookies[0]!.name, cookies[0]!.value, secret, now);
  return claims === null || lastSeenIsStale(now, claims.lastSeenAt);
}

async function refreshSession(request: NextRequest, response: NextResponse): Promise<void> {
  try {
    // Called with the request, Auth.js runs its session endpoint (our jwt callback: timeouts and
    // last-seen time) and answers with the Set-Cookie that carries the rewritten or deleted token.
    const answer = (await (auth as unknown as (request: NextRequest) => Promise<Response>)(request)) ?? null;
    // Only the session token: the endpoint also hands out Auth.js's CSRF and callback cookies, not wanted here.
    for (const cookie of answer?.headers.getSetCookie() ?? []) {
      if (SESSION_COOKIE.test(cookie.slice(0, cookie.indexOf("=")))) response.headers.append("set-cookie", cookie);
    }
  } catch (error) {
    // The page still checks the session itself; a failed refresh only costs the last-seen update.
    console.error(error);
  }
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const headers = request.headers;
  const origin: OriginRequest = {
    method: request.method,
    pathname,
    origin: headers.get("origin"),
    host: headers.get("host"),
    forwardedHost: headers.get("x-forwarded-host"),
    forwardedProto: headers.get("x-forwarded-proto"),
    trustProxy: process.env.TRUST_PROXY === "1",
  };
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: ownOrigin(origin)?.startsWith("https:") ?? false,
  });

  if (isRefused(checkOrigin(origin))) {
    const refused = Response.json(
      { error: { code: "FORBIDDEN_ORIGIN", message: "请求来源无法确认,已拒绝。请在本站页面内操作" } },
      { status: 403 },
    );
    return withSecurityHeaders(refused, csp, "/api");
  }

  const forwarded = new Headers(headers);
  forwarded.set("content-security-policy", csp);
  forwarded.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: forwarded } });
  if (await isStaleActivity(request)) await refreshSession(request, response);
  return withSecurityHeaders(response, csp, pathname);
}
