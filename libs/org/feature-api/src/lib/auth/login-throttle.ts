/** Consecutive failed logins after which an account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_DURATION_MS = 15 * 60 * 1000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The lock to set after one more failure, or null while the account has attempts left. */
export function lockAfterFailure(failedLoginsSoFar: number, now: Date): Date | null {
  return failedLoginsSoFar + 1 >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_DURATION_MS) : null;
}
