import { handlers } from "@/lib/auth/config";

export const { GET } = handlers;

/**
 * Auth.js answers POST /api/auth/session by running the jwt callback with the client's own data as a
 * session update: a client could rewrite its token's session version and so revive a session that a
 * password change or a sign-out had ended (issue 9, authorization matrix). The portal updates a session
 * only on the server (unstable_update after a password change calls Auth.js directly, never this route),
 * so the update over HTTP is refused; every other POST (sign-in callback, sign-out) goes to Auth.js.
 */
export async function POST(request: Request): Promise<Response> {
  // The action is the first path segment after /api/auth, as Auth.js itself reads it.
  const [action] = new URL(request.url).pathname
    .replace(/^\/api\/auth/, "")
    .split("/")
    .filter(Boolean);
  if (action === "session") {
    return Response.json(
      { error: { code: "FORBIDDEN", message: "会话不能由客户端更新" } },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
  }
  return handlers.POST(request as Parameters<typeof handlers.POST>[0]);
}
