/**
 * Verification codes 验证码 printed on a statement or a proof of insurance (DOMAIN §9, /verify).
 *
 * A code is 20 characters of Crockford base32, shown as five groups of four ("P7KQ-3M9X-…"):
 *   1 kind character (S statement, P proof) + 7 random characters (35 bits) + 12 characters of
 *   HMAC-SHA256 over the first 8, truncated to 60 bits.
 * The signature lets /verify refuse an invented or mistyped code without touching the database, and
 * makes guessing a real one hopeless (2^-60 a try). Expiry lives in the document row, not in the code.
 * Crockford's alphabet has no I, L, O or U, and reading folds I/L to 1 and O to 0, so a code read
 * aloud or copied from paper survives the usual confusions.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { normalizeInput } from "./input";

export type DocumentKindName = "STATEMENT" | "PROOF";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const KIND_CHAR: Record<DocumentKindName, string> = { STATEMENT: "S", PROOF: "P" };
const ID_LENGTH = 8;
const MAC_LENGTH = 12;
export const CODE_LENGTH = ID_LENGTH + MAC_LENGTH;
const MAC_CONTEXT = "cq-portal/verify/v1|";

/** How long a printed statement or proof can be verified. */
export const DOCUMENT_VALID_DAYS: Record<DocumentKindName, number> = { STATEMENT: 90, PROOF: 90 };

export const DOCUMENT_KIND_LABEL: Record<DocumentKindName, string> = { STATEMENT: "个人账户对账单", PROOF: "参保证明" };

/** The 32-byte signing key, derived with HKDF-SHA256 from a server secret (VERIFY_SECRET or AUTH_SECRET). */
export function deriveVerificationKey(secret: string): Buffer {
  if (secret.length < 32) throw new RangeError("verification secret must be at least 32 characters");
  return Buffer.from(hkdfSync("sha256", secret, "cq-medical-portal", "verification-code v1", 32));
}

/** Base32 of the leading bits of `bytes`, `length` characters (5 bits each). */
function base32(bytes: Uint8Array, length: number): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  if (out.length < length) throw new RangeError("base32: not enough bytes");
  return out;
}

function mac(key: Uint8Array, id: string): string {
  return base32(createHmac("sha256", key).update(MAC_CONTEXT + id).digest(), MAC_LENGTH);
}

/** "ABCDEFGH…" → "ABCD-EFGH-…" */
export function formatCode(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join("-") ?? canonical;
}

/** A new signed code for a document of this kind, formatted for print. `random` is injectable for tests. */
export function issueCode(kind: DocumentKindName, key: Uint8Array, random: (size: number) => Uint8Array = randomBytes): string {
  const id = KIND_CHAR[kind] + base32(random(5), ID_LENGTH - 1);
  return formatCode(id + mac(key, id));
}

export type CodeCheck =
  | { ok: true; code: string; kind: DocumentKindName }
  | { ok: false; reason: "EMPTY" | "FORMAT" | "SIGNATURE"; message: string };

/**
 * Reads what a person typed: full-width characters, lower case, spaces and dashes are all accepted;
 * I/L read as 1 and O as 0. Returns the canonical 20 characters, or null when it cannot be a code.
 */
export function normalizeCode(input: string): string | null {
  const text = normalizeInput(input)
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (text.length !== CODE_LENGTH) return null;
  for (const ch of text) if (!ALPHABET.includes(ch)) return null;
  return text;
}

/** Checks the form and the signature; says nothing yet about whether the document exists or has expired. */
export function checkCode(input: string, key: Uint8Array): CodeCheck {
  if (normalizeInput(input) === "") return { ok: false, reason: "EMPTY", message: "请输入验证码" };
  const canonical = normalizeCode(input);
  if (canonical === null) {
    return { ok: false, reason: "FORMAT", message: `验证码应为${CODE_LENGTH}位字母和数字(如 XXXX-XXXX-XXXX-XXXX-XXXX),请核对后重新输入` };
  }
  const kind = (Object.keys(KIND_CHAR) as DocumentKindName[]).find((k) => KIND_CHAR[k] === canonical[0]);
  const id = canonical.slice(0, ID_LENGTH);
  const expected = Buffer.from(mac(key, id));
  const given = Buffer.from(canonical.slice(ID_LENGTH));
  if (kind === undefined || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: "SIGNATURE", message: "验证码无效:该验证码不是本系统签发的,或有字符输错、被改动" };
  }
  return { ok: true, code: formatCode(canonical), kind };
}

export function documentExpiry(kind: DocumentKindName, issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + DOCUMENT_VALID_DAYS[kind] * 86_400_000);
}

/** A document can be verified until the instant it expires (exclusive). */
export function isDocumentExpired(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= now.getTime();
}
