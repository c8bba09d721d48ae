import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/index.ts';
import { keyVersionOf, openField, sealField } from './field-envelope.ts';

const key = randomBytes(32);
const at = { orgId: '0190a000-0000-7000-8000-000000000001', field: 'customers.tax_id' };

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : 'not an AppError';
  }
}

describe('field envelope', () => {
  it('round-trips text, including Chinese and the empty string, with its key version in the header', () => {
    for (const text of ['91310000MA1FL1234X', '张三 <zhang@例子.cn>', '']) {
      const ct = sealField(key, 7, at, text);
      expect(ct[0]).toBe(1);
      expect(keyVersionOf(ct, at)).toBe(7);
      expect(ct.length).toBe(1 + 4 + 12 + 16 + Buffer.byteLength(text));
      expect(openField(key, at, ct)).toBe(text);
    }
  });

  it('uses a fresh IV each time: equal plaintexts give different ciphertexts', () => {
    expect(sealField(key, 1, at, 'same').equals(sealField(key, 1, at, 'same'))).toBe(false);
  });

  it('refuses a tampered ciphertext, tag, IV or header with DECRYPTION_FAILED', () => {
    const ct = sealField(key, 1, at, 'secret value');
    for (const i of [0, 3, 6, 20, ct.length - 1]) {
      const bad = Buffer.from(ct);
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      expect(codeOf(() => openField(key, at, bad))).toBe('DECRYPTION_FAILED');
    }
    expect(codeOf(() => openField(key, at, ct.subarray(0, 20)))).toBe('DECRYPTION_FAILED');
  });

  it('binds the org and the field: a value copied elsewhere does not open', () => {
    const ct = sealField(key, 1, at, 'a@b.cn');
    expect(codeOf(() => openField(key, { ...at, field: 'customer_contacts.email' }, ct))).toBe(
      'DECRYPTION_FAILED',
    );
    expect(codeOf(() => openField(key, { ...at, orgId: '0190a000-0000-7000-8000-000000000002' }, ct))).toBe(
      'DECRYPTION_FAILED',
    );
    expect(codeOf(() => openField(randomBytes(32), at, ct))).toBe('DECRYPTION_FAILED');
  });

  it('opens a Uint8Array (what PGlite returns for bytea) as well as a Buffer', () => {
    const ct = sealField(key, 1, at, 'x');
    expect(openField(key, at, new Uint8Array(ct))).toBe('x');
  });
});
