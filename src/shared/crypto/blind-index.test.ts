import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeBlindIndex, normalisationOf, normaliseForIndex } from './blind-index.ts';

describe('blind index', () => {
  it('normalises by the kind of field', () => {
    expect(normalisationOf('customer_contacts.phone')).toBe('digits');
    expect(normalisationOf('customers.tax_id')).toBe('identifier');
    expect(normalisationOf('bank_accounts.account_number')).toBe('identifier');
    expect(normalisationOf('customer_contacts.email')).toBe('text');
    expect(normaliseForIndex('customer_contacts.email', '  Zhang.San@Example.COM ')).toBe(
      'zhang.san@example.com',
    );
    expect(normaliseForIndex('customers.tax_id', ' 9131 0000-ma1fl1234x ')).toBe('91310000ma1fl1234x');
    // Full-width characters, as typed with a Chinese input method, become ASCII (NFKC).
    expect(normaliseForIndex('customers.tax_id', '９１３１０　０００ＭＡ')).toBe('91310000ma');
    expect(normaliseForIndex('customer_contacts.phone', '+86 (138) 0013-8000')).toBe('8613800138000');
    expect(normaliseForIndex('customer_contacts.phone', '＋８６ １３８')).toBe('86138');
  });

  it('gives equal indexes for equal normalised values, 16 bytes, and depends on key and field', () => {
    const key = randomBytes(32);
    const a = computeBlindIndex(key, 'customers.tax_id', '9131-0000 MA1FL');
    expect(a.length).toBe(16);
    expect(a.equals(computeBlindIndex(key, 'customers.tax_id', '91310000ma1fl'))).toBe(true);
    expect(a.equals(computeBlindIndex(key, 'customers.tax_id', '91310000ma1fm'))).toBe(false);
    expect(a.equals(computeBlindIndex(randomBytes(32), 'customers.tax_id', '91310000ma1fl'))).toBe(false);
    expect(a.equals(computeBlindIndex(key, 'bank_accounts.account_number', '91310000ma1fl'))).toBe(false);
  });
});
