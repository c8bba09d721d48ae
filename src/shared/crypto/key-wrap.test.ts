import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/index.ts';
import { unwrapKey, wrapKey } from './key-wrap.ts';

const slot = { orgId: '0190a000-0000-7000-8000-000000000001', purpose: 'data' as const, version: 1 };

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : 'not an AppError';
  }
}

describe('key wrapping', () => {
  it('unwraps under the same master, org, purpose and version only', () => {
    const master = randomBytes(32);
    const key = randomBytes(32);
    const wrapped = wrapKey(master, slot, key);
    expect(wrapped.includes(key)).toBe(false);
    expect(unwrapKey(master, 'm', slot, wrapped).equals(key)).toBe(true);
    expect(codeOf(() => unwrapKey(randomBytes(32), 'm', slot, wrapped))).toBe('MASTER_KEY_INVALID');
    expect(codeOf(() => unwrapKey(master, 'm', { ...slot, version: 2 }, wrapped))).toBe('MASTER_KEY_INVALID');
    expect(codeOf(() => unwrapKey(master, 'm', { ...slot, purpose: 'index' }, wrapped))).toBe(
      'MASTER_KEY_INVALID',
    );
    expect(codeOf(() => unwrapKey(master, 'm', { ...slot, orgId: 'other' }, wrapped))).toBe(
      'MASTER_KEY_INVALID',
    );
  });
});
