import { describe, expect, it } from 'vitest';
import { matchTotpStep, newTotpSecret, totpCodeAt, totpUri } from './totp.ts';

describe('totp', () => {
  const secret = newTotpSecret();
  const now = new Date('2025-06-30T12:00:10Z');

  it('matches the current step and one either side, not two', () => {
    const step = BigInt(Math.floor(now.getTime() / 30_000));
    expect(matchTotpStep(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1n);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1n);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() + 60_000)), now)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
  });

  it('gives an otpauth URI an app can scan', () => {
    const uri = totpUri(secret, 'alice@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Settle:alice%40example\.com\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});
