import { AppError } from '../../shared/errors/index.ts';

/** Length is what makes a password strong (NIST 800-63B): no composition rules, a floor and a deny list. */
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 takes any length; a cap keeps a megabyte "password" from being a denial of service. */
export const MAX_PASSWORD_LENGTH = 256;

/** Very common passwords long enough to pass the length rule; compared case-insensitively. */
const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'qwertyuiopas',
  'qwerty123456',
  '123456789012',
  '1234567890123',
  '12345678901234',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qwertyuiop123',
  'iloveyou1234',
  'administrator',
  'changeme1234',
  'welcome12345',
  'letmein12345',
  'abc123456789',
  'abcdefghijkl',
  'aaaaaaaaaaaa',
  'zaq12wsxcde3',
  'asdfghjkl123',
  'p@ssw0rd1234',
  'passw0rd1234',
  'trustno11234',
  'football1234',
  'baseball1234',
  'monkey123456',
  'dragon123456',
  'sunshine1234',
]);
/** Words that stay weak however many digits and symbols are added around them. */
const COMMON_STEMS = new Set([
  'password',
  'passw',
  'pass',
  'qwerty',
  'qwertyuiop',
  'admin',
  'administrator',
  'welcome',
  'letmein',
  'iloveyou',
  'changeme',
  'settle',
  'abc',
  'asdf',
  'zxcvbnm',
  'test',
  'secret',
  'login',
  'user',
]);

export type PasswordIssue = 'too_short' | 'too_long' | 'like_email' | 'common' | 'repetitive' | 'digits_only';

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '@': 'a', $: 's' };

/** The letters of the password with look-alike digits read as letters: `P@ssw0rd2024!` -> `password`. */
function stemOf(lower: string): string {
  return lower.replace(/[0134@$]/g, (c) => LEET[c] ?? c).replace(/[^a-z]/g, '');
}

/** The email, or its local part, with fewer than 6 characters added. */
function isLikeEmail(lower: string, email: string): boolean {
  const localPart = email.split('@')[0] ?? email;
  return [email, localPart].some(
    (part) => part.length >= 3 && lower.includes(part) && lower.length - part.length < 6,
  );
}

export function passwordIssues(
  password: string,
  options: { email: string; minLength: number },
): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = [...password].length;
  if (length < Math.max(options.minLength, MIN_PASSWORD_LENGTH)) issues.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) issues.push('too_long');
  const lower = password.toLowerCase();
  if (isLikeEmail(lower, options.email.toLowerCase())) issues.push('like_email');
  const stem = stemOf(lower.replace(/^[\d\W_]+|[\d\W_]+$/g, ''));
  if (COMMON.has(lower) || COMMON_STEMS.has(stem)) issues.push('common');
  if (new Set(password).size < 4) issues.push('repetitive');
  if (/^\d+$/.test(password)) issues.push('digits_only');
  return issues;
}

/** Throws PASSWORD_POLICY naming every rule the password breaks (never the password itself). */
export function assertPasswordPolicy(password: string, options: { email: string; minLength: number }): void {
  const issues = passwordIssues(password, options);
  if (issues.length === 0) return;
  const minLength = Math.max(options.minLength, MIN_PASSWORD_LENGTH);
  throw new AppError('PASSWORD_POLICY', {
    message: `the password is not acceptable (${issues.join(', ')}); use at least ${minLength} characters, not your email and not a common password`,
    details: { issues, min_length: minLength },
  });
}
