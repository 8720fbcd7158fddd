/**
 * Second factor for staff (DOMAIN §1: staff number + password + second factor): RFC 6238 TOTP codes
 * (6 digits, 30 s, SHA-1, as every authenticator app uses) through otplib, a short-lived signed challenge
 * that carries "password checked" from the first sign-in step to the second, and enrolment.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { recordStaffAudit } from "./office-audit";

export const TOTP_ISSUER = "重庆医保经办";
export const CHALLENGE_MINUTES = 5;
/** One period either side, for clock drift between the phone and the server. */
const TOLERANCE_SECONDS = 30;
const CODE = /^\d{6}$/;

/** The key that signs challenges and enrolment secrets: the app's AUTH_SECRET. */
export function signingKey(): string {
  const key = process.env.AUTH_SECRET;
  if (!key || key.length < 32)
    throw new Error("AUTH_SECRET is required (at least 32 characters) to sign staff sign-in challenges");
  return key;
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, staffNumber: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: staffNumber, secret });
}

export function normalizeCode(input: string): string {
  return input.replace(/\s+/g, "");
}

export async function isValidTotp(secret: string, code: string, now: Date = new Date()): Promise<boolean> {
  const token = normalizeCode(code);
  if (!CODE.test(token)) return false;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  return result.valid;
}

/** The current code for a secret (tests and the README's demo accounts use it). */
export function currentTotp(secret: string, now: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function sign(key: string, purpose: string, payload: string): string {
  return b64(createHmac("sha256", key).update(`${purpose}\n${payload}`).digest());
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface StaffChallenge {
  staffId: number;
  sessionVersion: number;
}

/** "password checked for this staff member" for CHALLENGE_MINUTES; a password change (sessionVersion) voids it. */
export function signStaffChallenge(challenge: StaffChallenge, key: string, now: Date = new Date()): string {
  const payload = [
    challenge.staffId,
    challenge.sessionVersion,
    now.getTime() + CHALLENGE_MINUTES * 60_000,
    b64(randomBytes(9)),
  ].join(".");
  return `${payload}.${sign(key, "staff-challenge", payload)}`;
}

export function readStaffChallenge(token: string, key: string, now: Date = new Date()): StaffChallenge {
  const expired = new DomainError("CHALLENGE_EXPIRED", "登录已超时,请重新输入工号和密码");
  const parts = token.split(".");
  if (parts.length !== 5) throw expired;
  const payload = parts.slice(0, 4).join(".");
  if (!sameSignature(parts[4]!, sign(key, "staff-challenge", payload))) throw expired;
  const [staffId, sessionVersion, expiresAt] = parts.slice(0, 3).map(Number) as [number, number, number];
  if (!Number.isSafeInteger(staffId) || !Number.isSafeInteger(sessionVersion) || !(expiresAt > now.getTime()))
    throw expired;
  return { staffId, sessionVersion };
}

/** The enrolment page hands the new secret to the browser and back; the signature stops a swapped secret. */
export function signEnrolment(staffId: number, secret: string, key: string): string {
  return sign(key, "totp-enrol", `${staffId}.${secret}`);
}

export async function enrolStaffTotp(
  database: Db,
  options: {
    staffId: number;
    secret: string;
    signature: string;
    code: string;
    key: string;
    ip?: string | null;
    now?: Date;
  },
): Promise<void> {
  const now = options.now ?? new Date();
  if (!sameSignature(options.signature, signEnrolment(options.staffId, options.secret, options.key))) {
    throw new DomainError("ENROLMENT_EXPIRED", "启用信息已失效,请刷新页面重新扫码");
  }
  if (!(await isValidTotp(options.secret, options.code, now))) {
    throw new DomainError("BAD_TOTP", "动态口令不正确,请核对手机上显示的6位数字(注意手机时间是否准确)", {
      field: "code",
    });
  }
  await database.$transaction(async (tx) => {
    const updated = await tx.staff.updateMany({
      where: { id: options.staffId, totpEnabledAt: null },
      data: { totpSecret: options.secret, totpEnabledAt: now },
    });
    if (updated.count === 0) throw new DomainError("TOTP_ALREADY_ENABLED", "您已启用动态口令");
    await recordStaffAudit(tx, { staffId: options.staffId, ip: options.ip }, { action: "TOTP_ENROL" });
  });
}
