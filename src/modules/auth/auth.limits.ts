/** The numbers behind sign-in throttling and session lifetime. */

/** Consecutive failed sign-ins (password or second factor) that lock an account. */
export const ACCOUNT_LOCK_THRESHOLD = 10;
export const ACCOUNT_LOCK_MS = 15 * 60_000;

/** Failed sign-ins from one address within the window that block the address. */
export const IP_FAILURE_LIMIT = 50;
export const IP_WINDOW_MS = 15 * 60_000;
export const IP_BLOCK_MS = 15 * 60_000;

/** A session ends after 12 idle hours, and after 7 days whatever happens. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
export const SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** last_seen_at (and so the idle expiry) is written at most this often, to keep requests read-only. */
export const TOUCH_INTERVAL_MS = 60_000;

export const RECOVERY_CODE_COUNT = 10;
