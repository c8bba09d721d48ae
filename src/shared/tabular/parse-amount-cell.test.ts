import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currency, parseMajor } from '../money/index.ts';
import { isAmountText, parseAmountCell } from './parse-amount-cell.ts';

const CNY = currency('CNY');
const JPY = currency('JPY');
const KWD = currency('KWD');

describe('parseAmountCell', () => {
  it('reads plain decimals into minor units', () => {
    expect(parseAmountCell('1234.56', CNY)).toBe(123456n);
    expect(parseAmountCell('1234.5', CNY)).toBe(123450n);
    expect(parseAmountCell('1234', CNY)).toBe(123400n);
    expect(parseAmountCell('0.01', CNY)).toBe(1n);
    expect(parseAmountCell('1.230', CNY)).toBe(123n);
    expect(parseAmountCell('1500', JPY)).toBe(1500n);
    expect(parseAmountCell('1.234', KWD)).toBe(1234n);
  });

  it('reads what spreadsheets export: separators, symbols, spaces, signs, full-width digits', () => {
    expect(parseAmountCell('1,234.00', CNY)).toBe(123400n);
    expect(parseAmountCell(' ¥1,234,567.89 ', CNY)).toBe(123456789n);
    expect(parseAmountCell('￥88', CNY)).toBe(8800n);
    expect(parseAmountCell('$ 12.5', CNY)).toBe(1250n);
    expect(parseAmountCell('€0.99', CNY)).toBe(99n);
    expect(parseAmountCell('£.5', CNY)).toBe(50n);
    expect(parseAmountCell('-12.00', CNY)).toBe(-1200n);
    expect(parseAmountCell('-¥12.00', CNY)).toBe(-1200n);
    expect(parseAmountCell('(1,000.00)', CNY)).toBe(-100000n);
    expect(parseAmountCell('１２３.４５', CNY)).toBe(12345n);
    expect(parseAmountCell('12345678901234567.89', CNY)).toBe(1234567890123456789n);
  });

  it('rejects text, bad grouping and European decimals as BAD_AMOUNT', () => {
    for (const bad of [
      'abc',
      '12a',
      '1.234,56',
      '1234,56',
      '12,34',
      '1,2345',
      '',
      '.',
      '1..2',
      '--1',
      '¥',
      '(-5)',
      '-¥-5',
    ]) {
      const r = parseAmountCell(bad, CNY);
      expect(r, bad).toEqual({
        code: 'BAD_AMOUNT',
        reason: `bad amount "${bad}" (use a number like 1234.56)`,
      });
    }
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(parseAmountCell('1.234', CNY, 'tax amount')).toEqual({
      code: 'TOO_MANY_DECIMALS',
      reason: 'tax amount "1.234" has 3 decimal places but CNY allows 2',
    });
    expect(parseAmountCell('1,500.5', JPY)).toMatchObject({ code: 'TOO_MANY_DECIMALS' });
    expect(parseAmountCell('0.30000000000000004', CNY)).toMatchObject({ code: 'TOO_MANY_DECIMALS' });
  });

  it('agrees with parseMajor on grouped decimals, which take the fast path', () => {
    const grouped = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.stringMatching(/^\d{0,4}$/))
      .map(([w, f]) => (f === '' ? w.toLocaleString('en-US') : `${w.toLocaleString('en-US')}.${f}`));
    fc.assert(
      fc.property(grouped, (text) => {
        const got = parseAmountCell(text, CNY);
        let expected: bigint | 'error';
        try {
          expected = parseMajor(text, 2);
        } catch {
          expected = 'error';
        }
        if (expected === 'error') expect(got).toMatchObject({ code: 'TOO_MANY_DECIMALS' });
        else expect(got).toBe(expected);
      }),
    );
  });

  it('agrees with parseMajor on every plain decimal', () => {
    const decimal = fc
      .tuple(fc.stringMatching(/^\d{1,18}$/), fc.stringMatching(/^\d{0,4}$/))
      .map(([w, f]) => (f === '' ? w : `${w}.${f}`));
    fc.assert(
      fc.property(decimal, fc.constantFrom(CNY, JPY, KWD), (text, cur) => {
        const got = parseAmountCell(text, cur);
        let expected: bigint | 'error';
        try {
          expected = parseMajor(text, cur === JPY ? 0 : cur === KWD ? 3 : 2);
        } catch {
          expected = 'error';
        }
        if (expected === 'error') expect(got).toMatchObject({ code: 'TOO_MANY_DECIMALS' });
        else expect(got).toBe(expected);
      }),
    );
  });
});

describe('isAmountText', () => {
  it('checks the syntax alone', () => {
    expect(isAmountText('1,234.5678')).toBe(true);
    expect(isAmountText('1.2.3')).toBe(false);
  });
});
