import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { formatAmount, groupThousands } from './format-amount.ts';
import { statementFileName } from './statement-file.ts';
import { statementLocaleOf } from './statement-labels.ts';
import { statementPeriod } from './statement-period.ts';

describe('statement formatting', () => {
  it('groups thousands without touching the decimals', () => {
    expect(['0.00', '-1234.5', '1234567.89', '999', '-100000'].map(groupThousands)).toEqual([
      '0.00',
      '-1,234.5',
      '1,234,567.89',
      '999',
      '-100,000',
    ]);
    expect(formatAmount(123456789n, 'CNY')).toBe('1,234,567.89');
    expect(formatAmount(1234567n, 'JPY')).toBe('1,234,567');
  });

  it('names files safely, keeping Chinese codes readable', () => {
    const p = { from: '2025-03-01', to: '2025-03-31' };
    expect(statementFileName('ACME/01', p, 'pdf')).toBe('statement_ACME_01_2025-03-01_2025-03-31.pdf');
    expect(statementFileName('华为-深圳', p, 'xlsx')).toBe('statement_华为-深圳_2025-03-01_2025-03-31.xlsx');
    expect(statementFileName('../..', p, 'pdf')).toBe('statement_customer_2025-03-01_2025-03-31.pdf');
  });

  it('defaults the period to the month so far and picks the labels language', () => {
    const today = '2025-06-17' as BusinessDate;
    expect(statementPeriod(today, {})).toEqual({ from: '2025-06-01', to: '2025-06-17' });
    expect(statementPeriod(today, { to: '2025-02-10' })).toEqual({ from: '2025-02-01', to: '2025-02-10' });
    expect(() => statementPeriod(today, { from: '2025-07-01' })).toThrow(/starts/);
    expect([statementLocaleOf('zh-CN'), statementLocaleOf('zh-TW'), statementLocaleOf('en-GB')]).toEqual([
      'zh-CN',
      'zh-CN',
      'en',
    ]);
  });
});
