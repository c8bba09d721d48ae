import { describe, expect, it } from 'vitest';
import { dedupeKeys } from './dedupe-key.ts';
import type { ParsedTransaction } from './statement.types.ts';

let n = 0;
function line(overrides: Partial<ParsedTransaction> = {}): ParsedTransaction {
  n += 1;
  return {
    bookingDate: '2025-03-01' as ParsedTransaction['bookingDate'],
    valueDate: null,
    amountMinor: 10000n,
    currency: 'CNY',
    counterpartyName: '北京客户有限公司',
    counterpartyAccount: '6222 0000 1111',
    remittance: 'INV-1',
    bankReference: null,
    endToEndId: null,
    typeCode: null,
    location: `line ${n}`,
    ...overrides,
  };
}

describe('dedupeKeys', () => {
  it('uses a unique bank reference, and ignores where the line was in the file', () => {
    const a = dedupeKeys([line({ bankReference: 'SN1' }), line({ bankReference: 'SN2' })]);
    const b = dedupeKeys([line({ bankReference: 'SN2', location: 'x' })]);
    expect(a).toEqual(['r:SN1', 'r:SN2']);
    expect(b).toEqual(['r:SN2']);
  });

  it('falls back to content for placeholder or shared references (batch entries)', () => {
    const keys = dedupeKeys([
      line({ bankReference: 'NONREF' }),
      line({ bankReference: 'B1', remittance: 'INV-2' }),
      line({ bankReference: 'B1', remittance: 'INV-3' }),
    ]);
    expect(keys.every((k) => k.startsWith('h:'))).toBe(true);
    expect(new Set(keys).size).toBe(3);
  });

  it('keeps two identical payments on one day as two, numbered', () => {
    const keys = dedupeKeys([line(), line(), line({ bookingDate: '2025-03-02' as never })]);
    expect(new Set(keys).size).toBe(3);
    expect(keys[0]?.replace(/:0$/, '')).toBe(keys[1]?.replace(/:1$/, ''));
    expect(keys[2]?.endsWith(':0')).toBe(true);
  });

  it('is insensitive to re-wrapped text and account spacing, sensitive to amount and date', () => {
    const [a] = dedupeKeys([line({ remittance: 'Payment  INV-1\n for March' })]);
    const [b] = dedupeKeys([
      line({ remittance: 'payment inv-1 FOR march', counterpartyAccount: '622200001111' }),
    ]);
    const [c] = dedupeKeys([line({ remittance: 'payment inv-1 for march', amountMinor: 10001n })]);
    const [d] = dedupeKeys([
      line({ remittance: 'payment inv-1 for march', bookingDate: '2025-03-02' as never }),
    ]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
  });

  it('two overlapping statements give the overlap the same keys, identical pairs included', () => {
    const day1 = [line({ bookingDate: '2025-03-01' as never, remittance: 'A' })];
    const day2 = [
      line({ bookingDate: '2025-03-02' as never, remittance: 'B' }),
      line({ bookingDate: '2025-03-02' as never, remittance: 'B' }),
      line({ bookingDate: '2025-03-02' as never, remittance: 'C', bankReference: 'R9' }),
    ];
    const day3 = [line({ bookingDate: '2025-03-03' as never, remittance: 'D' })];
    const first = dedupeKeys([...day1, ...day2]);
    const second = dedupeKeys([...day2.map((t) => ({ ...t, location: `other ${t.location}` })), ...day3]);
    const union = new Set([...first, ...second]);
    expect(first).toHaveLength(4);
    expect(union.size).toBe(5); // days 1-3 once each: A, B, B, C, D
    expect(second.slice(0, 3)).toEqual(first.slice(1));
  });
});
