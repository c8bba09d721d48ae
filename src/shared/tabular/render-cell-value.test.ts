import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCellValue, renderNumber } from './render-cell-value.ts';

describe('renderNumber', () => {
  it('writes the shortest round-trip decimal without an exponent', () => {
    expect(renderNumber(1234.56)).toBe('1234.56');
    expect(renderNumber(1234.5599999999999)).toBe('1234.56');
    expect(renderNumber(100)).toBe('100');
    expect(renderNumber(-0.5)).toBe('-0.5');
    expect(renderNumber(1e21)).toBe('1000000000000000000000');
    expect(renderNumber(1.5e-7)).toBe('0.00000015');
    expect(renderNumber(-2.5e-9)).toBe('-0.0000000025');
    expect(renderNumber(1.2345e22)).toBe('12345000000000000000000');
  });

  it('keeps float noise visible rather than rounding it away', () => {
    expect(renderNumber(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('reads back as the same number, always in plain notation', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = renderNumber(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('renderCellValue', () => {
  it('turns every exceljs value kind into text', () => {
    expect(renderCellValue(null)).toBe('');
    expect(renderCellValue(undefined)).toBe('');
    expect(renderCellValue('x')).toBe('x');
    expect(renderCellValue(true)).toBe('TRUE');
    expect(renderCellValue(new Date(Date.UTC(2025, 0, 31)))).toBe('2025-01-31');
    expect(renderCellValue(new Date(Date.UTC(2025, 0, 31, 13, 5, 0)))).toBe('2025-01-31 13:05:00');
    expect(renderCellValue({ richText: [{ text: '客户' }, { text: 'A' }] })).toBe('客户A');
    expect(renderCellValue({ formula: 'A1*2', result: 2469.12 })).toBe('2469.12');
    expect(renderCellValue({ formula: 'TODAY()', result: new Date(Date.UTC(2025, 5, 1)) })).toBe(
      '2025-06-01',
    );
    expect(renderCellValue({ sharedFormula: 'A1', result: 'ok' })).toBe('ok');
    expect(renderCellValue({ formula: 'X()' })).toBe('');
    expect(renderCellValue({ error: '#N/A' })).toBe('#N/A');
    expect(renderCellValue({ text: 'a@b.cn', hyperlink: 'mailto:a@b.cn' })).toBe('a@b.cn');
  });
});
