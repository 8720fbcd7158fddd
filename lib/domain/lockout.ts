/** Sign-in lockout (DOMAIN §8 security): 5 failed attempts lock an account for 15 minutes. */

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LockState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** Minutes left, rounded up, for the message shown to a locked-out user. */
export function minutesLeft(state: LockState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000));
}

/**
 * State after one attempt on an account that is not locked. A lock that has run out starts a fresh
 * count, so one more mistake after a lockout does not lock again at once.
 */
export function afterAttempt(state: LockState, now: Date, success: boolean): LockState {
  if (success) return { failedLogins: 0, lockedUntil: null };
  const expired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failed = (expired ? 0 : state.failedLogins) + 1;
  if (failed >= MAX_FAILED_LOGINS) {
    return { failedLogins: failed, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedLogins: failed, lockedUntil: null };
}

/** The initial password of a person who has not chosen one (seed 001): last 6 digits of the personal number. */
export function initialPassword(personalNumber: string): string {
  return personalNumber.slice(-6);
}
