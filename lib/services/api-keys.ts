import { createHash, randomBytes } from "node:crypto";

/**
 * Institution API keys are long random strings, so SHA-256 is enough to store them: a slow hash
 * would only add latency, and a leaked table still yields no usable key.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function newApiKey(institutionCode: string): string {
  return `cqyb-${institutionCode}-${randomBytes(24).toString("base64url")}`;
}
