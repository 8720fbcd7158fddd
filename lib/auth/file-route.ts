/**
 * A route handler that answers with a file (CSV) instead of JSON, with the same checks as defineRoute
 * in guard.ts: a session, the role, and no forced password change pending; a burst of exports gets 429
 * with Retry-After (RATE_LIMITS.exports, per principal). Errors are answered in
 * JSON like every other route, so a script sees the same {error:{code,message}}.
 */
import { DomainError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/http/errors";
import type { Role } from "@/lib/services/sign-in";
import { getPrincipal, type SessionPrincipal } from "./guard";
import { enforcePrincipalLimit } from "./throttle";

export interface FileBody {
  body: string;
  contentType: string;
  contentDisposition: string;
}

export function defineFileRoute(options: {
  role: Role;
  run: (principal: SessionPrincipal, request: Request) => Promise<FileBody>;
}) {
  return async (request: Request): Promise<Response> => {
    try {
      const principal = await getPrincipal();
      if (!principal) throw new DomainError("UNAUTHENTICATED", "请先登录");
      if (principal.role !== options.role) throw new DomainError("FORBIDDEN", "无权进行此操作");
      if (principal.mustChangePassword)
        throw new DomainError("PASSWORD_CHANGE_REQUIRED", "首次登录须先修改初始密码");
      await enforcePrincipalLimit("exports", principal);
      const file = await options.run(principal, request);
      return new Response(file.body, {
        headers: {
          "content-type": file.contentType,
          "content-disposition": file.contentDisposition,
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
