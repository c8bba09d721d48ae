import { createHmac } from 'node:crypto';
import { isSameSecret } from '../secrets.ts';

export const SESSION_COOKIE = 'settle_session';
export const CSRF_COOKIE = 'settle_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const CSRF_LABEL = 'settle csrf v1';

/**
 * The CSRF token of a session, derived from the session token (double-submit, signed): nothing
 * extra is stored, another site cannot read the cookie to copy it, and it dies with the session.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update(CSRF_LABEL).digest('base64url');
}

/** The header's token against the session's, in constant time. */
export function isCsrfTokenValid(expected: string, presented: string | undefined | null): boolean {
  return typeof presented === 'string' && presented.length > 0 && isSameSecret(expected, presented);
}
