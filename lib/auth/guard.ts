/**
 * The one place that decides who is asking. Pages call requireRole(); every server action is built
 * with defineAction() and every route handler with defineRoute(), each of which checks the session
 * and the role itself, because a layout check never protects an action or a handler.
 */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { auth } from "@/lib/auth/config";
import { db, rawPool } from "@/lib/db/client";
import { DomainError, isDomainError } from "@/lib/domain/errors";
import { errorResponse, fieldErrorsOf } from "@/lib/http/errors";
import { readSessionToken, SESSION_COOKIE, SINGLE_SESSION_COOKIE } from "./session-read";
import { enforcePrincipalLimit } from "./throttle";

export { fieldErrorsOf };
import type { Role } from "@/lib/services/sign-in";

export interface SessionPrincipal {
  role: Role;
  id: number;
  name: string;
  mustChangePassword: boolean;
}

export const LOGIN_PATH: Record<Role, string> = { person: "/login", clerk: "/unit/login", staff: "/office/login" };
export const HOME_PATH: Record<Role, string> = { person: "/me", clerk: "/unit", staff: "/office" };
export const PASSWORD_PATH = "/me/password";

/**
 * The session check every request makes: one row by primary key, on the pool behind db() without the
 * ORM, because it is the hottest query in the app (issue 8's P1: Prisma's findUnique costs it about
 * 0.27 ms of CPU, $queryRaw 0.11 ms, the pg pool 0.04 ms).
 */
const PRINCIPAL_SQL: Record<Role, string> = {
  person: "SELECT name, session_version, password_hash IS NULL AS must_change FROM persons WHERE id = $1",
  clerk: "SELECT name, session_version, false AS must_change FROM unit_clerks WHERE id = $1",
  staff: "SELECT name, session_version, false AS must_change FROM staff WHERE id = $1",
};

async function loadPrincipal(role: Role, id: number): Promise<{ name: string; sessionVersion: number; mustChangePassword: boolean } | null> {
  type Row = { name: string; session_version: number; must_change: boolean };
  const pool = rawPool(db());
  const rows = pool
    ? (await pool.query<Row>(PRINCIPAL_SQL[role], [id])).rows
    : await db().$queryRawUnsafe<Row[]>(PRINCIPAL_SQL[role], id);
  const row = rows[0];
  return row ? { name: row.name, sessionVersion: row.session_version, mustChangePassword: row.must_change } : null;
}

/** The signed-in principal, re-read from the database once per request so revoked sessions end at once. */
export const getPrincipal = cache(async (): Promise<SessionPrincipal | null> => {
  const session = await sessionClaims();
  if (!session?.role || typeof session.principalId !== "number") return null;
  const row = await loadPrincipal(session.role, session.principalId);
  if (!row || row.sessionVersion !== session.sessionVersion) return null;
  return { role: session.role, id: session.principalId, name: row.name, mustChangePassword: row.mustChangePassword };
});

/**
 * The session token's claims: read directly (session-read.ts, decrypted once per cookie value) when it
 * is one plain cookie, which is always the case for the portal's small tokens; through Auth.js's auth()
 * otherwise. Both apply the same expiry and idle/absolute limits.
 */
async function sessionClaims(): Promise<{ role?: Role; principalId?: number; sessionVersion?: number } | null> {
  const secret = process.env.AUTH_SECRET;
  const tokens = (await cookies()).getAll().filter((c) => SESSION_COOKIE.test(c.name));
  if (tokens.length === 0) return null;
  if (secret && tokens.length === 1 && SINGLE_SESSION_COOKIE.test(tokens[0]!.name)) {
    return readSessionToken(tokens[0]!.name, tokens[0]!.value, secret);
  }
  return auth();
}

/** A session cookie that no longer yields a principal: the token expired, or the session was revoked. */
async function hasStaleSessionCookie(): Promise<boolean> {
  return (await cookies()).getAll().some((c) => SESSION_COOKIE.test(c.name));
}

/**
 * For pages and layouts: redirects to the right sign-in page, or to the forced password change.
 * When a session cookie was sent but no longer counts, the sign-in page is told (?expired=1) so it can
 * say why the person has to sign in again.
 */
export async function requireRole(role: Role, options: { allowPasswordChange?: boolean } = {}): Promise<SessionPrincipal> {
  const principal = await getPrincipal();
  if (!principal) redirect((await hasStaleSessionCookie()) ? `${LOGIN_PATH[role]}?expired=1` : LOGIN_PATH[role]);
  if (principal.role !== role) redirect(LOGIN_PATH[role]);
  if (principal.mustChangePassword && !options.allowPasswordChange) redirect(PASSWORD_PATH);
  return principal;
}

async function checkRole(role: Role, allowPasswordChange: boolean): Promise<SessionPrincipal> {
  const principal = await getPrincipal();
  if (!principal) throw new DomainError("UNAUTHENTICATED", "请先登录");
  if (principal.role !== role) throw new DomainError("FORBIDDEN", "无权进行此操作");
  if (principal.mustChangePassword && !allowPasswordChange) {
    throw new DomainError("PASSWORD_CHANGE_REQUIRED", "首次登录须先修改初始密码");
  }
  return principal;
}

export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed (never passwords), so a refused form loses nothing. */
  values?: Record<string, string>;
}

export const initialActionState: ActionState = { ok: false };

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

/** Sorts errors once: DomainErrors are shown, anything else is logged and replaced by a generic message. */
export function toActionError(error: unknown, values?: Record<string, string>): ActionState {
  if (isDomainError(error)) {
    return error.field
      ? { ok: false, fieldErrors: { [error.field]: error.message }, values }
      : { ok: false, message: error.message, values };
  }
  console.error(error);
  return { ok: false, message: "系统繁忙,请稍后再试", values };
}


type Redirecting = { readonly __redirect: true };
function isNextControlFlow(error: unknown): error is Redirecting {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_NOT_FOUND") || digest.startsWith("NEXT_HTTP_ERROR"));
}

/**
 * A server action for a form (useActionState): checks session and role, validates with zod,
 * runs, and turns failures into field messages.
 */
export function defineAction<S extends z.ZodType>(options: {
  role: Role;
  schema: S;
  allowPasswordChange?: boolean;
  run: (principal: SessionPrincipal, input: z.infer<S>) => Promise<ActionState | undefined>;
}) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    try {
      const principal = await checkRole(options.role, options.allowPasswordChange ?? false);
      const parsed = options.schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues), values };
      return (await options.run(principal, parsed.data)) ?? { ok: true };
    } catch (error) {
      if (isNextControlFlow(error)) throw error;
      return toActionError(error, values);
    }
  };
}

/**
 * A JSON route handler for a signed-in role, throttled per principal (RATE_LIMITS.api: 429 with
 * Retry-After) unless `throttle: false`: for a single primary-key read such as the balance, counting the
 * call in PostgreSQL would cost more than answering it (issue 8's P1 measures that route).
 */
export function defineRoute<P = unknown>(options: {
  role: Role;
  throttle?: false;
  run: (principal: SessionPrincipal, request: Request, context: { params: Promise<P> }) => Promise<unknown>;
}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const principal = await checkRole(options.role, false);
      if (options.throttle !== false) await enforcePrincipalLimit("api", principal);
      const body = await options.run(principal, request, context);
      return new Response(JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? Number(v) : v)), {
        headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
