/**
 * Medical institutions call the settlement API with a per-institution key (Authorization: Bearer …).
 * Only its SHA-256 is stored: the keys are long random strings, so a slow hash adds nothing but
 * latency, while a leaked table still gives no usable key.
 */
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/auth/guard";

export interface InstitutionPrincipal {
  id: number;
  code: string;
  name: string;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

async function authenticate(request: Request): Promise<InstitutionPrincipal> {
  const match = /^Bearer\s+(\S{16,200})$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) throw new DomainError("UNAUTHENTICATED", "缺少接口密钥(Authorization: Bearer …)");
  // The key is looked up by its hash: no comparison of secrets happens in this process at all.
  const institution = await db().institution.findUnique({
    where: { apiKeyHash: hashApiKey(match[1]!) },
    select: { id: true, code: true, name: true },
  });
  if (!institution) throw new DomainError("UNAUTHENTICATED", "接口密钥不正确");
  return institution;
}

/** A route handler for institutions: authenticates the key itself, then runs. */
export function defineInstitutionRoute(run: (institution: InstitutionPrincipal, request: Request) => Promise<{ status?: number; body: unknown }>) {
  return async (request: Request): Promise<Response> => {
    try {
      const institution = await authenticate(request);
      const { status, body } = await run(institution, request);
      return Response.json(body, { status: status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
