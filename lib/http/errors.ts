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
};

export function errorResponse(error: unknown): Response {
  if (isDomainError(error)) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } },
      { status: STATUS_BY_CODE[error.code] ?? 400, headers: { "cache-control": "no-store" } },
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
