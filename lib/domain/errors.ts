/**
 * Codes in use across the domain. `DomainError.code` stays a plain string so a new rule can add its own
 * code without touching this file; this list is for reference and autocomplete.
 */
export type KnownDomainErrorCode =
  | "INVALID_AMOUNT"
  | "INVALID_ID_NUMBER"
  | "INVALID_CARD_NUMBER"
  | "INVALID_PERSONAL_NUMBER"
  | "INVALID_UNIT_NUMBER"
  | "INVALID_CREDIT_CODE"
  | "UNBALANCED_JOURNAL"
  | "INSUFFICIENT_BALANCE"
  | "IDEMPOTENCY_CONFLICT"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "NO_POLICY";

export interface DomainErrorOptions {
  /** Form field the error belongs to, so a form can show it beside the input. */
  field?: string;
  /** Machine-readable context. Like `message`, it is returned to the caller: no secrets, no unmasked data. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * An expected failure whose Chinese `message` is safe to show to the user as is.
 * Anything that is not a DomainError is a bug: it is logged and the user sees a generic message.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
    if (options.details !== undefined) this.details = options.details;
  }
}

/**
 * Also accepts a DomainError from another copy of this module (bundlers can load it twice, e.g. once for
 * a server action and once for a route handler), where `instanceof` would say no.
 */
export function isDomainError(e: unknown): e is DomainError {
  if (e instanceof DomainError) return true;
  if (!(e instanceof Error) || e.name !== "DomainError") return false;
  return typeof (e as { code?: unknown }).code === "string";
}
