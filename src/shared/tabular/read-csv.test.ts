import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from './read-csv.ts';

const rows = (text: string, delimiter = ',') => [...readCsvRows(text, delimiter)];

describe('readCsvRows', () => {
  it('splits plain lines and numbers them', () => {
    expect(rows('a,b\n1,2\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('reads quoted cells with delimiters and doubled quotes', () => {
    expect(rows('x,"1,234.00","say ""hi"""\n')).toEqual([{ line: 1, cells: ['x', '1,234.00', 'say "hi"'] }]);
  });

  it('accepts CRLF, LF and lone CR line ends', () => {
    expect(rows('a,b\r\n1,2\r3,4\n5,6').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '6']],
    ]);
  });

  it('gives a multi-line quoted record its start line and counts the lines inside it', () => {
    const text = 'h1,h2\nA,"line one\r\nline two\nline three"\nB,x\n';
    expect(rows(text)).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['A', 'line one\r\nline two\nline three'] },
      { line: 5, cells: ['B', 'x'] },
    ]);
  });

  it('skips blank and delimiter-only lines but keeps counting them', () => {
    expect(rows('a\n\n , ,\n\r\nb\n').map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'a'],
      [5, 'b'],
    ]);
  });

  it('keeps empty trailing cells and a missing final newline', () => {
    expect(rows('a,b,\n1,,')).toEqual([
      { line: 1, cells: ['a', 'b', ''] },
      { line: 2, cells: ['1', '', ''] },
    ]);
  });

  it('uses the given delimiter', () => {
    expect(rows('a;b\t c\n', ';')[0]?.cells).toEqual(['a', 'b\t c']);
    expect(rows('a;b\t c\n', '\t')[0]?.cells).toEqual(['a;b', ' c']);
  });

  it('keeps stray quotes in unquoted cells and text after a closing quote', () => {
    expect(rows('5" pipe,"ab"cd,e\n')[0]?.cells).toEqual(['5" pipe', 'abcd', 'e']);
  });

  it('flags an unterminated quote and stops there', () => {
    expect(rows('a,b\n1,"never closed\n2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'never closed\n2,3\n'], problem: 'unterminated-quote' },
    ]);
  });

  it('reads back whatever a writer quoting per RFC 4180 produced, with any line ends', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', '中', ',', '"', '\n', '\r\n', '\r', ' ', '1') });
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).filter((r) => r.some((c) => c.trim() !== ''));
    const record = fc.tuple(row, fc.constantFrom('\n', '\r\n', '\r'));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (table) => {
        const quote = (c: string) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
        const text = table.map(([r, end]) => r.map(quote).join(',') + end).join('');
        const parsed = rows(text);
        expect(parsed.map((r) => r.cells)).toEqual(table.map(([r]) => r));
        let line = 1;
        table.forEach(([r], i) => {
          expect(parsed[i]?.line).toBe(line);
          line += r.join(',').split(/\r\n|\r|\n/).length;
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('readCsvRows on arbitrary text', () => {
  it('never throws, and numbers rows in increasing order within the file', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', ';'), maxLength: 60 });
    fc.assert(
      fc.property(text, (t) => {
        const lines = t.split(/\r\n|\r|\n/).length;
        const all = rows(t);
        all.forEach((row, i) => {
          expect(row.line).toBeGreaterThanOrEqual(1);
          expect(row.line).toBeLessThanOrEqual(lines);
          if (i > 0) expect(row.line).toBeGreaterThan(all[i - 1]?.line ?? 0);
        });
        expect(all.filter((r) => r.problem !== undefined).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readCsvRows on large inputs', () => {
  it('reads a CR-only file in linear time', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `r${i},x`).join('\r');
    // Rescanning for a line feed on every line would take hours here and hit the test timeout.
    const all = rows(text);
    expect(all).toHaveLength(200_000);
    expect(all[199_999]).toEqual({ line: 200_000, cells: ['r199999', 'x'] });
  });
});
