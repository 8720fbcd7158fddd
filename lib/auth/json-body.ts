import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/auth/guard";
import { DomainError } from "@/lib/domain/errors";

/** A route handler's JSON body checked against a schema; the first problem becomes a 400 with its field. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const json: unknown = await request.json().catch(() => undefined);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrorsOf(parsed.error.issues))[0] ?? ["body", "请求体应为 JSON 对象"];
    throw new DomainError("INVALID_PARAMETER", message, { field });
  }
  return parsed.data;
}
