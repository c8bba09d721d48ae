import { describe, expect, it } from 'vitest';
import {
  asBuffer,
  generatePassword,
  generateRecoveryCode,
  isSameSecret,
  normaliseRecoveryCode,
  randomToken,
} from './secrets.ts';

describe('secrets', () => {
  it('makes 256-bit url-safe tokens', () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(t);
  });

  it('compares secrets of any length', () => {
    expect(isSameSecret('abc', 'abc')).toBe(true);
    expect(isSameSecret('abc', 'abd')).toBe(false);
    expect(isSameSecret('abc', 'abcd')).toBe(false);
  });

  it('generates grouped passwords and recovery codes', () => {
    expect(generatePassword()).toMatch(/^([A-Za-z2-9]{5}-){3}[A-Za-z2-9]{5}$/);
    const code = generateRecoveryCode();
    expect(code).toMatch(/^([a-z2-9]{4}-){3}[a-z2-9]{4}$/);
    expect(normaliseRecoveryCode(` ${code.toUpperCase()} `)).toBe(code.replaceAll('-', ''));
  });

  it('reads bytea from either driver', () => {
    const u = new Uint8Array([1, 2, 3]);
    expect(asBuffer(u).equals(Buffer.from([1, 2, 3]))).toBe(true);
  });
});
