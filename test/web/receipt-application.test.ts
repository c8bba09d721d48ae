import { describe, expect, it } from 'vitest';
import {
  applyOldestFirst,
  checkApplications,
  currencyDigits,
  findExactMatch,
  formatMinor,
  type OpenItem,
  parseMinor,
} from '../../web/src/features/receipts/receipt-application.ts';

const item = (id: string, dueDate: string, open: string): OpenItem => ({
  id,
  number: id.toUpperCase(),
  dueDate,
  issueDate: '2025-01-01',
  openMinor: parseMinor(open, 2) ?? -1n,
});

describe('parseMinor / formatMinor', () => {
  it('parses typed amounts exactly, without floats', () => {
    expect(parseMinor('1234.5', 2)).toBe(123450n);
    expect(parseMinor('1,234.56', 2)).toBe(123456n);
    expect(parseMinor(' 0.1 ', 2)).toBe(10n);
    expect(parseMinor('.5', 2)).toBe(50n);
    expect(parseMinor('7.', 2)).toBe(700n);
    expect(parseMinor('', 2)).toBe(0n);
    expect(parseMinor('90071992547409931.99', 2)).toBe(9007199254740993199n);
    expect(parseMinor('100', 0)).toBe(100n);
  });
  it('rejects what is not a non-negative amount of the currency', () => {
    expect(parseMinor('1.234', 2)).toBeNull();
    expect(parseMinor('1.5', 0)).toBeNull();
    expect(parseMinor('-3', 2)).toBeNull();
    expect(parseMinor('1e3', 2)).toBeNull();
    expect(parseMinor('.', 2)).toBeNull();
    expect(parseMinor('abc', 2)).toBeNull();
  });
  it('formats minor units back to the API decimal', () => {
    expect(formatMinor(123450n, 2)).toBe('1234.50');
    expect(formatMinor(5n, 2)).toBe('0.05');
    expect(formatMinor(0n, 2)).toBe('0.00');
    expect(formatMinor(-5n, 2)).toBe('-0.05');
    expect(formatMinor(1234n, 0)).toBe('1234');
    expect(formatMinor(1234n, 3)).toBe('1.234');
  });
  it('knows the decimals of a currency', () => {
    expect(currencyDigits('CNY')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });
});

describe('applyOldestFirst', () => {
  const items = [
    item('b', '2025-03-01', '200.00'),
    item('a', '2025-02-01', '100.00'),
    item('c', '2025-04-01', '50.00'),
  ];
  it('fills oldest due first up to the receipt amount', () => {
    expect([...applyOldestFirst(items, 25000n)]).toEqual([
      ['a', 10000n],
      ['b', 15000n],
    ]);
  });
  it('stops at the open amounts when the receipt is larger', () => {
    expect([...applyOldestFirst(items, 100000n)]).toEqual([
      ['a', 10000n],
      ['b', 20000n],
      ['c', 5000n],
    ]);
  });
  it('applies nothing for a zero receipt', () => {
    expect(applyOldestFirst(items, 0n).size).toBe(0);
  });
});

describe('findExactMatch', () => {
  const items = [
    item('a', '2025-01-01', '100.00'),
    item('b', '2025-02-01', '333.33'),
    item('c', '2025-03-01', '250.00'),
    item('d', '2025-04-01', '66.67'),
    item('e', '2025-05-01', '250.00'),
  ];
  it('picks the oldest single invoice with the same open amount', () => {
    expect(findExactMatch(items, 25000n)).toEqual(['c']);
  });
  it('takes the oldest-first run when it lands exactly', () => {
    expect(findExactMatch(items, 43333n)).toEqual(['a', 'b']);
  });
  it('finds a combination that is not a run', () => {
    expect(findExactMatch(items, 40000n)).toEqual(['b', 'd']);
    expect(findExactMatch(items, 41667n)).toEqual(['a', 'c', 'd']);
  });
  it('answers null when nothing adds up', () => {
    expect(findExactMatch(items, 12345n)).toBeNull();
    expect(findExactMatch(items, 0n)).toBeNull();
    expect(findExactMatch([], 100n)).toBeNull();
  });
});

describe('checkApplications', () => {
  const items = [item('a', '2025-01-01', '100.00'), item('b', '2025-02-01', '50.00')];
  it('computes applied and unapplied exactly', () => {
    const r = checkApplications(
      items,
      new Map([
        ['a', 3333n],
        ['b', 1n],
      ]),
      10000n,
    );
    expect(r.appliedMinor).toBe(3334n);
    expect(r.unappliedMinor).toBe(6666n);
    expect(r.problems.size).toBe(0);
  });
  it('flags an amount over the open amount, over the receipt, or unreadable', () => {
    const r = checkApplications(
      items,
      new Map<string, bigint | null>([
        ['a', 10001n],
        ['b', 100n],
      ]),
      10000n,
    );
    expect(r.problems.get('a')).toBe('exceedsOpen');
    expect(r.problems.get('b')).toBe('exceedsReceipt');
    expect(r.unappliedMinor).toBe(-101n);
    const bad = checkApplications(items, new Map([['a', null]]), 10000n);
    expect(bad.problems.get('a')).toBe('invalid');
  });
});
