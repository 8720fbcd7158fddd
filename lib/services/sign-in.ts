/**
 * Verifies the three kinds of sign-in (DOMAIN §1), counting failures per account (lockout) and per client
 * address (throttle-sign-in.ts), and writing an audit row for each password checked. Returns the
 * principal that goes into the session.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { classifyLoginId, parseUnitNumber } from "@/lib/domain/identifiers";
import { afterAttempt, initialPassword, isLocked, type LockState, MAX_FAILED_LOGINS, minutesLeft } from "@/lib/domain/lockout";
import type { PrincipalType } from "@/lib/generated/prisma/enums";
import { isValidTotp, type StaffChallenge } from "./totp";
import { burnVerifyTime, sameText, verifyPassword } from "./passwords";
import { throttleSignIn } from "./throttle-sign-in";

export type Role = "person" | "clerk" | "staff";

export interface Principal {
  role: Role;
  id: number;
  name: string;
  mustChangePassword: boolean;
  sessionVersion: number;
}

interface Candidate extends LockState {
  id: number;
  name: string;
  passwordHash: string | null;
  /** Set for persons who have not chosen a password yet. */
  initialPassword: string | null;
  sessionVersion: number;
}


type PrincipalTable = "persons" | "unit_clerks" | "staff";

type AttemptOutcome = { ok: true } | { ok: false; error: DomainError };

function lockedError(state: LockState, now: Date): DomainError {
  return new DomainError(
    "ACCOUNT_LOCKED",
    `密码连续输错${MAX_FAILED_LOGINS}次,账号已锁定,请${minutesLeft(state, now)}分钟后再试`,
  );
}

/**
 * Checks one password under a row lock on the account, so parallel wrong attempts are counted one by
 * one (without the lock they would all start from the same count and never lock the account).
 * Writes an audit row for every password actually checked.
 */
async function attempt(
  database: Db,
  options: {
    role: Role;
    actorType: PrincipalType;
    table: PrincipalTable;
    candidate: Candidate | null;
    password: string;
    now: Date;
    ip: string | null;
    /**
     * Set when a second factor follows: a right password is audited as this action and does not clear the
     * failure count (only the full sign-in does), so codes cannot be guessed by re-entering the password.
     */
    partialAction?: string;
  },
): Promise<Principal> {
  const { candidate, password, now, table } = options;
  if (!candidate) {
    await burnVerifyTime(password);
    throw new DomainError("BAD_CREDENTIALS", "账号或密码错误");
  }
  const outcome = await database.$transaction(
    async (tx): Promise<AttemptOutcome> => {
      const [row] = await tx.$queryRawUnsafe<{ failed_logins: number; locked_until: Date | null }[]>(
        `SELECT failed_logins, locked_until FROM "${table}" WHERE id = $1 FOR UPDATE`,
        candidate.id,
      );
      const state: LockState = { failedLogins: row?.failed_logins ?? 0, lockedUntil: row?.locked_until ?? null };
      if (isLocked(state, now)) return { ok: false, error: lockedError(state, now) };

      let ok: boolean;
      if (candidate.passwordHash) {
        ok = await verifyPassword(candidate.passwordHash, password);
      } else {
        // The initial password is compared in plain text; spend the hashing time anyway so timing says nothing.
        await burnVerifyTime(password);
        ok = sameText(password, candidate.initialPassword ?? "");
      }
      const next = ok && options.partialAction ? state : afterAttempt(state, now, ok);
      await tx.$executeRawUnsafe(
        `UPDATE "${table}" SET failed_logins = $1, locked_until = $2 WHERE id = $3`,
        next.failedLogins,
        next.lockedUntil,
        candidate.id,
      );
      await tx.auditLog.create({
        data: {
          actorType: options.actorType,
          actorId: String(candidate.id),
          action: ok ? (options.partialAction ?? "SIGN_IN") : "SIGN_IN_FAILED",
          subjectPersonId: options.role === "person" ? candidate.id : null,
          ip: options.ip,
        },
      });
      if (ok) return { ok: true };
      if (next.lockedUntil) return { ok: false, error: lockedError(next, now) };
      return {
        ok: false,
        error: new DomainError("BAD_CREDENTIALS", `账号或密码错误,还可尝试${MAX_FAILED_LOGINS - next.failedLogins}次`),
      };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
  // Thrown only after the commit: a refusal must still count.
  if (!outcome.ok) throw outcome.error;
  return {
    role: options.role,
    id: candidate.id,
    name: candidate.name,
    mustChangePassword: candidate.passwordHash === null,
    sessionVersion: candidate.sessionVersion,
  };
}

const lockFields = { id: true, name: true, failedLogins: true, lockedUntil: true, sessionVersion: true } as const;

/** A person signs in with a social-security card number or an ID number (seed 000/001). */
export async function signInPerson(
  database: Db,
  input: { loginId: string; password: string; now?: Date; ip?: string | null },
): Promise<Principal> {
  const login = classifyLoginId(input.loginId);
  if (login.kind === "invalid") throw new DomainError("INVALID_LOGIN_ID", login.message, { field: "loginId" });
  const select = { ...lockFields, personalNumber: true, passwordHash: true } as const;
  const now = input.now ?? new Date();
  const ip = input.ip ?? null;
  return throttleSignIn(database, { ip, now, actorType: "PERSON" }, async () => {
    const person =
      login.kind === "cardNumber"
        ? ((
            await database.card.findFirst({
              where: { cardNumber: login.value, status: { not: "REPLACED" } },
              select: { person: { select } },
            })
          )?.person ?? null)
        : await database.person.findUnique({ where: { idNumber: login.value }, select });
    return attempt(database, {
      role: "person",
      actorType: "PERSON",
      candidate: person && {
        ...person,
        initialPassword: person.passwordHash ? null : initialPassword(person.personalNumber),
      },
      password: input.password,
      now,
      ip,
      table: "persons",
    });
  });
}

export async function signInClerk(
  database: Db,
  input: { unitNumber: string; username: string; password: string; now?: Date; ip?: string | null },
): Promise<Principal> {
  const unitNumber = parseUnitNumber(input.unitNumber);
  const now = input.now ?? new Date();
  const ip = input.ip ?? null;
  return throttleSignIn(database, { ip, now, actorType: "CLERK" }, async () => {
    const clerk = await database.unitClerk.findFirst({
      where: { username: input.username.trim(), unit: { unitNumber } },
      select: { ...lockFields, passwordHash: true },
    });
    return attempt(database, {
      role: "clerk",
      actorType: "CLERK",
      candidate: clerk && { ...clerk, initialPassword: null },
      password: input.password,
      now,
      ip,
      table: "unit_clerks",
    });
  });
}

/** The password step of a staff sign-in; `needsTotp` says a code must follow before there is a session. */
export async function checkStaffPassword(
  database: Db,
  input: { staffNumber: string; password: string; now?: Date; ip?: string | null },
): Promise<{ principal: Principal; needsTotp: boolean }> {
  const now = input.now ?? new Date();
  const ip = input.ip ?? null;
  return throttleSignIn(database, { ip, now, actorType: "STAFF" }, async () => {
    const staff = await database.staff.findUnique({
      where: { staffNumber: input.staffNumber.trim().toUpperCase() },
      select: { ...lockFields, passwordHash: true, totpEnabledAt: true },
    });
    const needsTotp = staff?.totpEnabledAt != null;
    const principal = await attempt(database, {
      role: "staff",
      actorType: "STAFF",
      candidate: staff && { ...staff, initialPassword: null },
      password: input.password,
      now,
      ip,
      table: "staff",
      ...(needsTotp ? { partialAction: "SIGN_IN_PASSWORD_OK" } : {}),
    });
    return { principal, needsTotp };
  });
}

/** Staff sign-in for staff without a second factor; with one enrolled, the code step must follow. */
export async function signInStaff(
  database: Db,
  input: { staffNumber: string; password: string; now?: Date; ip?: string | null },
): Promise<Principal> {
  const { principal, needsTotp } = await checkStaffPassword(database, input);
  if (needsTotp) throw new DomainError("TOTP_REQUIRED", "请输入动态口令", { field: "code" });
  return principal;
}

/**
 * The code step: the challenge says the password was right moments ago. Wrong codes count towards the
 * same lockout as wrong passwords; every code checked is audited.
 */
export async function verifyStaffSecondFactor(
  database: Db,
  input: { challenge: StaffChallenge; code: string; now?: Date; ip?: string | null },
): Promise<Principal> {
  const now = input.now ?? new Date();
  return throttleSignIn(database, { ip: input.ip ?? null, now, actorType: "STAFF" }, () =>
    checkSecondFactor(database, input, now),
  );
}

async function checkSecondFactor(
  database: Db,
  input: { challenge: StaffChallenge; code: string; ip?: string | null },
  now: Date,
): Promise<Principal> {
  const expired = new DomainError("CHALLENGE_EXPIRED", "登录已超时,请重新输入工号和密码");
  const outcome = await database.$transaction(
    async (tx): Promise<{ ok: true; name: string } | { ok: false; error: DomainError }> => {
      const [row] = await tx.$queryRaw<
        {
          failed_logins: number;
          locked_until: Date | null;
          session_version: number;
          totp_secret: string | null;
          name: string;
        }[]
      >`SELECT failed_logins, locked_until, session_version, totp_secret, name FROM staff WHERE id = ${input.challenge.staffId} FOR UPDATE`;
      if (!row || row.session_version !== input.challenge.sessionVersion || !row.totp_secret)
        return { ok: false, error: expired };
      const state: LockState = { failedLogins: row.failed_logins, lockedUntil: row.locked_until };
      if (isLocked(state, now)) return { ok: false, error: lockedError(state, now) };
      const ok = await isValidTotp(row.totp_secret, input.code, now);
      const next = afterAttempt(state, now, ok);
      await tx.staff.update({
        where: { id: input.challenge.staffId },
        data: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil },
      });
      await tx.auditLog.create({
        data: {
          actorType: "STAFF",
          actorId: String(input.challenge.staffId),
          action: ok ? "SIGN_IN" : "SIGN_IN_FAILED",
          details: { factor: "totp" },
          ip: input.ip ?? null,
        },
      });
      if (ok) return { ok: true, name: row.name };
      if (next.lockedUntil) return { ok: false, error: lockedError(next, now) };
      return {
        ok: false,
        error: new DomainError(
          "BAD_TOTP",
          `动态口令错误,还可尝试${MAX_FAILED_LOGINS - next.failedLogins}次`,
          { field: "code" },
        ),
      };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
  if (!outcome.ok) throw outcome.error;
  return {
    role: "staff",
    id: input.challenge.staffId,
    name: outcome.name,
    mustChangePassword: false,
    sessionVersion: input.challenge.sessionVersion,
  };
}
