import { describe, expect, it } from 'vitest';
import { parseArSample, parseUsDate } from './parse-ar-sample.ts';

const HEADER =
  'countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate';

describe('parseArSample', () => {
  it('reads the IBM layout and skips bad rows with their line and reason', () => {
    const csv = [
      HEADER,
      '391,0379-NEVHP,4/6/2013,611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,Paper,13,0',
      '897,9174-IYKOC,,136962706,8/7/2013,9/6/2013,92.67,No,9/13/2013,,37,7',
      '406,8976-AMJEO,3/3/2012,7900770,1/26/2013,2/25/2013,61.74,Yes,3/3/2013,Electronic,36,6',
      '406,8976-AMJEO,3/3/2012,7900771,13/26/2013,2/25/2013,61.74,Yes,3/3/2013,Electronic,36,6',
      '406,8976-AMJEO,3/3/2012,7900770,1/26/2013,2/25/2013,61.74,Maybe,3/3/2013,Electronic,36,6',
    ].join('\n');
    const r = parseArSample(csv);
    expect(r.rows).toBe(5);
    expect(r.cases.map((c) => [c.id, c.isDisputed, c.isPaperless, c.settledDay !== null])).toEqual([
      ['611365', false, false, true],
      ['7900770', true, true, true],
    ]);
    expect(r.skipped).toEqual([
      { line: 3, column: 'PaperlessDate', reason: 'PaperlessDate is blank' },
      { line: 5, column: 'InvoiceDate', reason: 'InvoiceDate "13/26/2013" is not a date (M/D/YYYY)' },
      { line: 6, column: 'Disputed', reason: 'Disputed "Maybe" is neither Yes nor No' },
    ]);
  });

  it('never reads DaysToSettle, DaysLate or PaperlessBill', () => {
    const row = '391,0379-NEVHP,4/6/2013,611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,Paper,13,0';
    const garbled = '391,0379-NEVHP,4/6/2013,611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,???,999,-4';
    expect(parseArSample(`${HEADER}\n${garbled}`).cases).toEqual(parseArSample(`${HEADER}\n${row}`).cases);
    const without = HEADER.replace(',PaperlessBill,DaysToSettle,DaysLate', '');
    expect(parseArSample(`${without}\n${row.replace(',Paper,13,0', '')}`).cases).toHaveLength(1);
  });

  it('rejects a file in another layout, naming the missing columns', () => {
    expect(() => parseArSample('a,b\n1,2')).toThrow(/missing countryCode, customerID/);
  });

  it('reads M/D/YYYY dates', () => {
    expect(parseUsDate('1/2/2013')).toBe('2013-01-02');
    expect(parseUsDate('2/30/2013')).toBeNull();
  });
});
