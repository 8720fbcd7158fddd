import { headers } from "next/headers";

/** The /verify address as the person reached this site, for printing beside a code. */
export async function verifyUrlFor(code: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}/verify?code=${encodeURIComponent(code)}`;
}
