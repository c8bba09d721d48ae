import { describe, expect, it } from 'vitest';
import { computeInvoiceTotals } from '../../src/modules/receivables/invoices/compute-invoice-totals.ts';
import {
  fromMinor,
  isZeroAmount,
  lineTotals,
  sumLines,
  toMinor,
} from '../../web/src/features/invoices/invoice-math.ts';

describe('invoice form money math', () => {
  it('parses and prints minor units exactly', () => {
    expect(toMinor('1234.5', 2)).toBe(123450n);
    expect(toMinor('90071992547409931.99', 2)).toBe(9007199254740993199n);
    expect(toMinor('1.234', 2)).toBeNull();
    expect(toMinor('-1', 2)).toBeNull();
    expect(toMinor('12', 0)).toBe(12n);
    expect(fromMinor(5n, 2)).toBe('0.05');
    expect(fromMinor(-123450n, 2)).toBe('-1234.50');
    expect(fromMinor(7n, 0)).toBe('7');
    expect(isZeroAmount('0.00')).toBe(true);
    expect(isZeroAmount('0.01')).toBe(false);
  });

  it('rounds each line half-up like the server and sums the rounded lines', () => {
    expect(lineTotals({ quantity: '3', unit_price: '100.01', tax_rate: '0.13' }, 2)).toEqual({
      amount: 30003n,
      tax: 3900n,
    });
    expect(lineTotals({ unit_price: 'x' }, 2)).toBeNull();
    const cases = [
      [
        { quantity: '3', unit_price: '100.01', tax_rate: '0.13' },
        { quantity: '0.333333', unit_price: '0.05', tax_rate: '0.06' },
        { quantity: '2.5', unit_price: '19.99', tax_rate: '0.09' },
      ],
      [{ quantity: '1', unit_price: '0.01', tax_rate: '0.5' }],
      [{ quantity: '7', unit_price: '1234567.89', tax_rate: '0.13' }],
    ];
    for (const lines of cases) {
      const server = computeInvoiceTotals(
        lines.map((l) => ({ description: 'x', ...l })),
        'CNY',
      );
      const client = sumLines(lines, 2);
      expect([client.subtotal, client.tax, client.total]).toEqual([
        server.subtotalMinor,
        server.taxMinor,
        server.totalMinor,
      ]);
    }
  });
});
