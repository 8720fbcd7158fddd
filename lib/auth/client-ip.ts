import { headers } from "next/headers";

/**
 * The client's address, stamped on every request by scripts/serve.ts from the socket (or, with
 * TRUST_PROXY=1, from the last X-Forwarded-For hop our own proxy appended). serve.ts overwrites whatever
 * a client sends in this header, so neither it nor a spoofed X-Forwarded-For can change who is asking;
 * audit rows and throttling (lib/auth/throttle.ts) rely on that. Null without serve.ts (`next dev`).
 */
export const CLIENT_IP_HEADER = "x-portal-client-ip";

const clean = (value: string | null) => {
  const text = value?.trim();
  return text && text !== "unknown" ? text : null;
};

export async function requestIp(): Promise<string | null> {
  return clean((await headers()).get(CLIENT_IP_HEADER));
}

/** The same, for a route handler that has the request at hand. */
export function ipOfRequest(request: Request): string | null {
  return clean(request.headers.get(CLIENT_IP_HEADER));
}
