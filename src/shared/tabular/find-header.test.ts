import { describe, expect, it } from 'vitest';
import { aliasTable, type ColumnSpec, normaliseHeader } from './column-spec.ts';
import { findHeader } from './find-header.ts';
import type { TableRow } from './tabular.types.ts';

type Col = 'code' | 'amount' | 'terms' | 'note';
const SPEC: ColumnSpec<Col> = {
  code: { required: true, aliases: ['客户编码', 'customer code'] },
  amount: { required: true, aliases: ['价税合计', 'total'], weakAliases: ['金额'] },
  terms: { required: false, aliases: ['账期'] },
  note: { required: false, aliases: ['备注'] },
};

const table = (...lines: string[][]): Iterator<TableRow> =>
  lines.map((cells, i) => ({ line: i + 1, cells })).values();

describe('normaliseHeader', () => {
  it('folds case, separators, full-width forms and a trailing unit', () => {
    expect(normaliseHeader('  Customer_Code ')).toBe('customercode');
    expect(normaliseHeader('CUSTOMER-CODE')).toBe('customercode');
    expect(normaliseHeader('customer   code')).toBe('customercode');
    expect(normaliseHeader('金额(元)')).toBe('金额');
    expect(normaliseHeader('账期（天）')).toBe('账期');
    expect(normaliseHeader('Amount [CNY]')).toBe('amount');
    expect(normaliseHeader('＊客户编码')).toBe('客户编码');
    expect(normaliseHeader('ＰＯ号')).toBe('po号');
  });
});

describe('aliasTable', () => {
  it('rejects a spec whose alias belongs to two columns', () => {
    const bad: ColumnSpec<'a' | 'b'> = {
      a: { required: true, aliases: ['Same Name'] },
      b: { required: false, aliases: ['same_name'] },
    };
    expect(() => aliasTable(bad)).toThrow(/claimed by both a and b/);
  });
});

describe('findHeader', () => {
  it('skips title lines and maps columns by alias, keeping the file spelling', () => {
    const rows = table(
      ['2025年1月应收明细'],
      ['单位：元', ''],
      ['客户编码', '金额(元)', '其他', '账期（天）'],
      ['C1', '5', 'x', '30'],
    );
    const found = findHeader(rows, SPEC, 'f.csv');
    expect(found).toEqual({
      ok: true,
      header: {
        line: 3,
        index: { code: 0, amount: 1, terms: 3, note: -1 },
        headers: { code: '客户编码', amount: '金额(元)', terms: '账期（天）', note: null },
        ignoredColumns: ['其他'],
      },
    });
    expect(rows.next().value).toEqual({ line: 4, cells: ['C1', '5', 'x', '30'] });
  });

  it('lets a strong alias win over a weak one and lists the weak column as ignored', () => {
    const found = findHeader(table(['客户编码', '金额', '税额', '价税合计']), SPEC, 'f.csv');
    if (!found.ok) throw new Error('expected a header');
    expect(found.header.index.amount).toBe(3);
    expect(found.header.ignoredColumns).toEqual(['税额', '金额']);
  });

  it('reports the missing required columns of the closest row when no header is found', () => {
    const found = findHeader(table(['title'], ['客户编码', '备注']), SPEC, 'f.csv');
    expect(found).toEqual({
      ok: false,
      ignoredColumns: [],
      issues: [
        {
          file: 'f.csv',
          line: null,
          column: null,
          code: 'MISSING_COLUMN',
          reason:
            'no header row with all required columns in the first 20 rows; missing amount (价税合计) ' +
            '(closest header candidate: line 2)',
        },
      ],
    });
  });

  it('looks no further than 20 rows', () => {
    const titles = Array.from({ length: 20 }, (_, i) => [`title ${i}`]);
    const found = findHeader(table(...titles, ['客户编码', '金额']), SPEC, 'f.csv');
    expect(found.ok).toBe(false);
    if (!found.ok) {
      expect(found.issues[0]?.reason).toContain(
        'missing code (客户编码), amount (价税合计) (closest header candidate: line 1)',
      );
    }
  });

  it('reports two columns mapping to one as a duplicate', () => {
    const found = findHeader(table(['客户编码', 'Total', '价税合计']), SPEC, 'f.csv');
    expect(found).toEqual({
      ok: false,
      ignoredColumns: [],
      issues: [
        {
          file: 'f.csv',
          line: 1,
          column: '价税合计',
          code: 'DUPLICATE_COLUMN',
          reason: 'columns "Total" and "价税合计" both map to amount; keep one of them',
        },
      ],
    });
  });

  it('reports an empty table', () => {
    const found = findHeader(table(), SPEC, 'f.csv');
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.issues[0]?.code).toBe('EMPTY_FILE');
  });
});
