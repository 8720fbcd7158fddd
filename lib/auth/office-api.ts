/** Shared pieces of the office JSON API (/api/v1/office/...): body parsing and id checks, in Chinese. */
import type { z } from "zod";
import { ipOfRequest } from "@/lib/auth/client-ip";
import { fieldErrorsOf } from "@/lib/auth/guard";
import { DomainError } from "@/lib/domain/errors";

export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  extra: Record<string, unknown> = {},
): Promise<z.infer<S>> {
  const json: unknown = await request.json().catch(() => undefined);
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new DomainError("INVALID_PARAMETER", "请求体应为 JSON 对象");
  }
  const parsed = schema.safeParse({ ...json, ...extra });
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrorsOf(parsed.error.issues))[0] ?? ["body", "请求体无效"];
    throw new DomainError("INVALID_PARAMETER", message, { field });
  }
  return parsed.data;
}

export function pathId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new DomainError("NOT_FOUND", "未找到");
  return Number(value);
}

export function clientIpOf(request: Request): string | null {
  return ipOfRequest(request);
}
