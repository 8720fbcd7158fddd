/**
 * JSON error responses for route handlers: a DomainError becomes its status and Chinese message,
 * anything else is logged and answered with a generic 500. No session code here, so machine-facing
 * routes (institutions) can use it without loading next-auth.
 */
import type { z } from "zod";
import { isDomainError } from "@/lib/domain/errors";

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_CONFLICT: 409,
  NO_POLICY: 422,
  WRONG_AGENCY: 403,
  SEPARATION_OF_DUTIES: 403,
};

/**
 * Prisma's "could not get a connection / start a transaction in time" (P2024 pool timeout, P2028
 * transaction API): the database is saturated, not the request wrong. Answered 503 with Retry-After so
 * an institution's client retries with the same idempotency key instead of treating it as a failure.
 */
function isOverloaded(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2024" || code === "P2028";
}

/**
 * 429 for a throttled request (lib/auth/throttle.ts): the wait in Retry-After (whole seconds) and the
 * same {error:{code,message}} body as every other error.
 */
export function rateLimitedResponse(message: string, retryAfterSeconds: number): Response {
  return Response.json(
    { error: { code: "RATE_LIMITED", message } },
    {
      status: 429,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))),
      },
    },
  );
}

export function errorResponse(error: unknown): Response {
  if (isDomainError(error) && error.code === "RATE_LIMITED") {
    return rateLimitedResponse(error.message, Number(error.details?.retryAfterSeconds) || 1);
  }
  if (isDomainError(error)) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } },
      { status: STATUS_BY_CODE[error.code] ?? 400, headers: { "cache-control": "no-store" } },
    );
  }
  if (isOverloaded(error)) {
    return Response.json(
      { error: { code: "OVERLOADED", message: "系统繁忙,请稍后重试(同一业务请使用相同的单号重试,不会重复扣款)" } },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "1" } },
    );
  }
  console.error(error);
  return Response.json({ error: { code: "INTERNAL", message: "系统繁忙,请稍后再试" } }, { status: 500 });
}


/** The first message per field of a failed zod parse, for forms and 400 bodies. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
