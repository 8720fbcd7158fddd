/** Medical institutions call the settlement API with a per-institution key (Authorization: Bearer …). */
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/http/errors";
import { hashApiKey } from "@/lib/services/api-keys";

export interface InstitutionPrincipal {
  id: number;
  code: string;
  name: string;
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
