import { describe, expect, it } from 'vitest';
import { assertPasswordPolicy, passwordIssues } from './password-policy.ts';

const email = 'alice.wong@example.com';
const check = (password: string, minLength = 12) => passwordIssues(password, { email, minLength });

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(check('correct horse battery staple')).toEqual([]);
    expect(check('Tr0ub4dor&3-xyz')).toEqual([]);
  });

  it('wants at least 12 characters, or the org minimum when higher', () => {
    expect(check('short-pass1')).toContain('too_short');
    expect(check('a-decent-pass', 16)).toContain('too_short');
    expect(check('a-decent-pass', 8)).toEqual([]);
    expect(check('x'.repeat(300))).toContain('too_long');
  });

  it('refuses the email and common passwords with digits added', () => {
    expect(check(email)).toContain('like_email');
    expect(check('alice.wong2024!')).toContain('like_email');
    expect(check('Password1234')).toContain('common');
    expect(check('P@ssw0rd2024!!')).toContain('common');
    expect(check('qwerty123456')).toContain('common');
    expect(check('Welcome!2025#')).toContain('common');
  });

  it('refuses repetitive and digit-only passwords', () => {
    expect(check('abababababab')).toContain('repetitive');
    expect(check('839204857392')).toContain('digits_only');
  });

  it('names the rules, never the password', () => {
    try {
      assertPasswordPolicy('Password1234', { email, minLength: 12 });
      expect.unreachable();
    } catch (e) {
      expect(JSON.stringify(e)).not.toContain('Password1234');
      expect((e as { code: string }).code).toBe('PASSWORD_POLICY');
    }
  });
});
