/**
 * Cross-site request forgery defence (issue 9 item 6; ASVS 50.4): a request that changes something must
 * carry an Origin header naming the portal itself. Browsers send Origin on every POST/PUT/PATCH/DELETE,
 * same-origin ones included, so a missing Origin is refused as well as a foreign one.
 *
 * Exempt is only the settlement API of medical institutions: it authenticates by a Bearer key in the
 * Authorization header, never by cookie, so a forged browser request cannot carry the credential.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths answered by the Bearer-key machine API (lib/auth/institution.ts). */
const BEARER_ONLY_PATHS = new Set(["/api/v1/settlements"]);

export interface OriginRequest {
  method: string;
  pathname: string;
  /** The Origin header as sent, or null. */
  origin: string | null;
  /** The Host header. */
  host: string | null;
  /** X-Forwarded-Host / X-Forwarded-Proto: believed only when trustProxy. */
  forwardedHost: string | null;
  forwardedProto: string | null;
  /** TRUST_PROXY=1: a reverse proxy we run sets the X-Forwarded-* headers (README). */
  trustProxy: boolean;
}

export type OriginVerdict = "safe-method" | "exempt" | "same-origin" | "missing" | "foreign";

/** The value a proxy appended last: the one our own proxy wrote (earlier ones came from the client). */
const lastHop = (value: string | null) =>
  value
    ?.split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .at(-1) ?? null;

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/**
 * The portal's own origin as the browser sees it. scripts/serve.ts speaks plain HTTP, so without a
 * trusted proxy the scheme is http and the authority is the Host header; behind TRUST_PROXY=1 the
 * proxy's X-Forwarded-Proto and X-Forwarded-Host (falling back to Host) describe what the browser used.
 * A client cannot choose these when the proxy is not trusted: they are ignored then.
 */
export function ownOrigin(request: Pick<OriginRequest, "host" | "forwardedHost" | "forwardedProto" | "trustProxy">): string | null {
  const host = (request.trustProxy ? lastHop(request.forwardedHost) : null) ?? request.host?.trim() ?? null;
  if (!host || /[\s/\\@?#]/.test(host)) return null;
  const forwardedProto = request.trustProxy ? lastHop(request.forwardedProto)?.toLowerCase() : null;
  const scheme = forwardedProto === "https" ? "https" : "http";
  return originOf(`${scheme}://${host}`);
}

export function checkOrigin(request: OriginRequest): OriginVerdict {
  const method = request.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return "safe-method";
  if (BEARER_ONLY_PATHS.has(request.pathname.replace(/\/+$/, ""))) return "exempt";
  if (request.origin === null || request.origin.trim() === "") return "missing";
  // "null" (sandboxed frames, privacy-sensitive redirects) is as foreign as any other site.
  const claimed = originOf(request.origin.trim());
  const own = ownOrigin(request);
  return claimed !== null && own !== null && claimed === own ? "same-origin" : "foreign";
}

export const isRefused = (verdict: OriginVerdict) => verdict === "missing" || verdict === "foreign";
