import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter.ts';

describe('detectDelimiter', () => {
  it('finds comma, semicolon and tab', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });

  it('is not swayed by title lines or by commas inside quotes', () => {
    const text =
      '应收账款明细表\n编制单位：某某公司, 2025年\n客户编码;金额;币种\n"C1";"1,234.00";CNY\nC2;"5,000.00";CNY\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('prefers semicolons when comma decimals appear in every data row', () => {
    expect(detectDelimiter('code;amount;note\nA;1,5;x\nB;2,5;y\n')).toBe(';');
  });

  it('uses the fallback when no candidate appears', () => {
    expect(detectDelimiter('one column\nvalue\n', '\t')).toBe('\t');
  });
});
