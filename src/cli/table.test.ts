import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable } from './table.ts';

describe('renderTable', () => {
  it('counts CJK characters as two cells so columns line up in a terminal', () => {
    expect(displayWidth('华为 Acme')).toBe(9);
    const lines = renderTable<{ name: string; amount: string }>(
      [
        { header: 'NAME', value: (r) => r.name },
        { header: 'AMOUNT', value: (r) => r.amount, align: 'right' },
      ],
      [
        { name: '杭州西湖贸易', amount: '1.00' },
        { name: 'Beta', amount: '12345.67' },
      ],
    );
    expect(lines).toEqual(['NAME            AMOUNT', '杭州西湖贸易      1.00', 'Beta          12345.67']);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });
});
