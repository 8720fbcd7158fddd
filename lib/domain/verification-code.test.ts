import { describe, expect, test } from "vitest";
import {
  CODE_LENGTH,
  checkCode,
  deriveVerificationKey,
  documentExpiry,
  formatCode,
  isDocumentExpired,
  issueCode,
  normalizeCode,
} from "./verification-code";

const key = deriveVerificationKey("test-secret-for-verification-codes-0123456789");
const otherKey = deriveVerificationKey("another-secret-for-verification-codes-987654");
const fixedRandom = () => new Uint8Array([0x12, 0x34, 0x56, 0x78, 0x9a]);

const proof = issueCode("PROOF", key, fixedRandom);
const statement = issueCode("STATEMENT", key, fixedRandom);

/** Replaces the character at `index` of the canonical code by the next one in the alphabet. */
function changeOne(code: string, index: number): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const chars = [...(normalizeCode(code) ?? "")];
  chars[index] = alphabet[(alphabet.indexOf(chars[index]!) + 1) % 32]!;
  return formatCode(chars.join(""));
}

describe("issueCode", () => {
  test("is five groups of four, kind first", () => {
    expect(proof).toMatch(/^P[0-9A-Z]{3}(-[0-9A-Z]{4}){4}$/);
    expect(statement.startsWith("S")).toBe(true);
    expect(normalizeCode(proof)).toHaveLength(CODE_LENGTH);
  });
  test("is deterministic for the same random bytes and key, and differs by key", () => {
    expect(issueCode("PROOF", key, fixedRandom)).toBe(proof);
    expect(issueCode("PROOF", otherKey, fixedRandom)).not.toBe(proof);
  });
  test("draws fresh random bytes by default", () => {
    expect(issueCode("PROOF", key)).not.toBe(issueCode("PROOF", key));
  });
});

test.each([
  { label: "the printed code", input: () => proof, ok: true, kind: "PROOF" },
  { label: "a statement code", input: () => statement, ok: true, kind: "STATEMENT" },
  { label: "lower case without dashes", input: () => proof.replaceAll("-", "").toLowerCase(), ok: true, kind: "PROOF" },
  { label: "full-width characters and spaces", input: () => ` ${proof.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))} `, ok: true, kind: "PROOF" },
  { label: "O typed for 0 and l for 1", input: () => proof.replaceAll("0", "O").replaceAll("1", "l"), ok: true, kind: "PROOF" },
  { label: "empty", input: () => "  ", ok: false, reason: "EMPTY" },
  { label: "too short", input: () => proof.slice(0, 10), ok: false, reason: "FORMAT" },
  { label: "one character too many", input: () => `${proof}7`, ok: false, reason: "FORMAT" },
  { label: "a U, not in the alphabet", input: () => `U${proof.slice(1)}`, ok: false, reason: "FORMAT" },
  { label: "kind changed from P to S", input: () => `S${proof.slice(1)}`, ok: false, reason: "SIGNATURE" },
  { label: "a random character changed", input: () => changeOne(proof, 5), ok: false, reason: "SIGNATURE" },
  { label: "a signature character changed", input: () => changeOne(proof, 15), ok: false, reason: "SIGNATURE" },
  { label: "the last character changed", input: () => changeOne(proof, CODE_LENGTH - 1), ok: false, reason: "SIGNATURE" },
  { label: "an invented code", input: () => "PABC-DEFG-HJKM-NPQR-STVW", ok: false, reason: "SIGNATURE" },
  { label: "an unknown kind letter", input: () => `X${proof.slice(1)}`, ok: false, reason: "SIGNATURE" },
])("checkCode: $label", ({ input, ok, kind, reason }) => {
  const result = checkCode(input(), key);
  expect(result.ok).toBe(ok);
  if (result.ok) {
    expect(result.kind).toBe(kind);
    expect(result.code).toBe(kind === "PROOF" ? proof : statement);
  } else {
    expect(result.reason).toBe(reason);
    expect(result.message).toMatch(/验证码/);
  }
});

test("a code signed with another key is refused", () => {
  expect(checkCode(issueCode("PROOF", otherKey), key)).toMatchObject({ ok: false, reason: "SIGNATURE" });
});

test("a short secret is refused", () => {
  expect(() => deriveVerificationKey("too-short")).toThrow(RangeError);
});

const issuedAt = new Date("2026-11-28T04:00:00Z");

test.each([
  { label: "a day after issue", now: "2026-11-29T04:00:00Z", expired: false },
  { label: "a moment before the 90 days end", now: "2027-02-26T03:59:59Z", expired: false },
  { label: "exactly at expiry", now: "2027-02-26T04:00:00Z", expired: true },
  { label: "a year later", now: "2027-11-28T04:00:00Z", expired: true },
])("a proof issued on 2026-11-28 is expired $label: $expired", ({ now, expired }) => {
  const expiresAt = documentExpiry("PROOF", issuedAt);
  expect(expiresAt.toISOString()).toBe("2027-02-26T04:00:00.000Z");
  expect(isDocumentExpired(expiresAt, new Date(now))).toBe(expired);
});
