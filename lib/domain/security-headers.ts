/**
 * The response headers every answer of the portal carries (issue 9 item 6; ASVS 14.4, 50.x) and the
 * Content-Security-Policy built around a per-request nonce. proxy.ts applies them; pure so the exact
 * strings are tested and quoted in one place.
 */

export interface CspOptions {
  /** `next dev` needs eval for React's debugging aids and inline styles for its overlay. */
  dev: boolean;
  /** Only when the page was reached over HTTPS: on plain HTTP (tests, a local start) it would break every asset. */
  https: boolean;
}

/**
 * Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic'); no
 * 'unsafe-inline', no eval. Styles: the portal's stylesheets ('self') and nonced <style> only; the
 * pages carry no style attributes, so 'unsafe-inline' is not needed. Nothing may frame the portal,
 * post a form elsewhere, rebase relative URLs, or load plugins.
 */
export function contentSecurityPolicy(nonce: string, options: CspOptions): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error("CSP nonce must be base64 of at least 12 random bytes");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${options.dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The nonce a Content-Security-Policy allows scripts with, or null. */
export function nonceOf(csp: string | null | undefined): string | null {
  return /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? null;
}

/** Headers that do not depend on the request. HSTS is sent over HTTP too (browsers ignore it there). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  // Stricter than strict-origin-when-cross-origin: other sites are not even told the portal's origin.
  "referrer-policy": "same-origin",
  // For browsers older than CSP frame-ancestors.
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/**
 * Whether an answer must not be stored by any cache: the signed-in areas and every API answer.
 * (Next marks its dynamic pages no-store itself; this also covers error answers and file downloads.)
 */
export function mustNotBeStored(pathname: string): boolean {
  return /^\/(api|me|unit|office)(\/|$)/.test(pathname);
}
