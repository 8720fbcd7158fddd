import { headers } from "next/headers";

const firstForwarded = (value: string | null) => value?.split(",")[0]?.trim() || null;

/** The caller's address for the audit trail; only meaningful behind a proxy that sets x-forwarded-for. */
export async function requestIp(): Promise<string | null> {
  return firstForwarded((await headers()).get("x-forwarded-for"));
}

/** The same, for a route handler that has the request at hand. */
export function ipOfRequest(request: Request): string | null {
  return firstForwarded(request.headers.get("x-forwarded-for"));
}
