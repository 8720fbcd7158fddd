import { deriveVerificationKey } from "@/lib/domain/verification-code";
import { env } from "@/lib/env";

let cached: Buffer | undefined;

/**
 * The key that signs verification codes: from VERIFY_SECRET when set, else derived from AUTH_SECRET
 * (HKDF with its own label, so it never equals the session-signing key).
 */
export function verificationKey(): Buffer {
  if (cached) return cached;
  const { VERIFY_SECRET, AUTH_SECRET } = env();
  const secret = VERIFY_SECRET ?? AUTH_SECRET;
  if (!secret) throw new Error("缺少 VERIFY_SECRET 或 AUTH_SECRET:无法签发或查验验证码");
  cached = deriveVerificationKey(secret);
  return cached;
}
