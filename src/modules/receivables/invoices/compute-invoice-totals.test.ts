import { describe, expect, it } from 'vitest';
import { computeInvoiceTotals } from './compute-invoice-totals.ts';

describe('computeInvoiceTotals', () => {
  it('rounds each line half-up and sums the rounded lines', () => {
    const t = computeInvoiceTotals(
      [
        { description: 'A', quantity: '3', unit_price: '0.33', tax_rate: '0.13' },
        { description: 'B', quantity: '1.5', unit_price: '10.01', tax_rate: '0.06' },
      ],
      'CNY',
    );
    // 0.99 + tax 0.1287 -> 0.13; 15.015 -> 15.02 + tax 0.9012 -> 0.90
    expect(t.lines.map((l) => [l.amount_minor, l.tax_minor])).toEqual([
      ['99', '13'],
      ['1502', '90'],
    ]);
    expect([t.subtotalMinor, t.taxMinor, t.totalMinor]).toEqual([1601n, 103n, 1704n]);
  });

  it('uses the currency exponent (JPY has none)', () => {
    const t = computeInvoiceTotals(
      [{ description: 'x', quantity: '2', unit_price: '1500', tax_rate: '0.1' }],
      'JPY',
    );
    expect(t.totalMinor).toBe(3300n);
    expect(() =>
      computeInvoiceTotals([{ description: 'x', quantity: '1', unit_price: '1.5', tax_rate: '0' }], 'JPY'),
    ).toThrow();
  });
});
