import { describe, expect, it } from 'vitest';
import { csrfTokenFor, isCsrfTokenValid } from './csrf.ts';

describe('csrf token', () => {
  it('is derived from the session token, stable, and not the token itself', () => {
    const a = csrfTokenFor('session-a');
    expect(a).toBe(csrfTokenFor('session-a'));
    expect(a).not.toBe(csrfTokenFor('session-b'));
    expect(a).not.toContain('session-a');
  });

  it('checks the presented token', () => {
    const t = csrfTokenFor('s');
    expect(isCsrfTokenValid(t, t)).toBe(true);
    expect(isCsrfTokenValid(t, `${t}x`)).toBe(false);
    expect(isCsrfTokenValid(t, undefined)).toBe(false);
    expect(isCsrfTokenValid(t, '')).toBe(false);
  });
});
