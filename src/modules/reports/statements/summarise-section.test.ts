import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { StatementEvent } from './statement-events.ts';
import { sectionCurrencies, summariseSection } from './summarise-section.ts';

const ev = (date: string, effect: bigint, currency = 'CNY'): StatementEvent => ({
  date: date as BusinessDate,
  type: effect > 0n ? 'invoice' : effect < 0n ? 'receipt' : 'application',
  isReversal: false,
  currency,
  number: `D-${date}`,
  reference: null,
  amountMinor: effect < 0n ? -effect : effect,
  effectMinor: effect,
  dueDate: null,
  note: null,
  detail: null,
  createdAt: new Date(0),
});

describe('summariseSection', () => {
  const events = [
    ev('2025-02-01', 100_00n),
    ev('2025-02-20', -30_00n),
    ev('2025-03-01', 50_00n),
    ev('2025-03-02', 0n),
    ev('2025-03-05', -70_00n),
    ev('2025-03-06', 9_99n, 'USD'),
  ];

  it('carries everything before the period as the opening balance, then runs the balance line by line', () => {
    const s = summariseSection('CNY', events, '2025-03-01' as BusinessDate);
    expect(s.openingMinor).toBe(70_00n);
    expect(s.lines.map((l) => l.balanceMinor)).toEqual([120_00n, 120_00n, 50_00n]);
    expect([s.totalDebitMinor, s.totalCreditMinor, s.closingMinor]).toEqual([50_00n, 70_00n, 50_00n]);
  });

  it('keeps currencies apart, the customer currency first', () => {
    expect(summariseSection('USD', events, '2025-03-01' as BusinessDate).closingMinor).toBe(9_99n);
    expect(sectionCurrencies(events, 'EUR')).toEqual(['EUR', 'CNY', 'USD']);
  });

  it('a period before every event has nothing but zeros', () => {
    const s = summariseSection('CNY', [], '2025-01-01' as BusinessDate);
    expect([s.openingMinor, s.lines.length, s.closingMinor]).toEqual([0n, 0, 0n]);
  });
});
