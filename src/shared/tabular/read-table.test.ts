import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.ts';
import type { TabularFile } from './tabular.types.ts';

const text = (name: string, body: string): TabularFile => ({ name, bytes: new TextEncoder().encode(body) });

async function rowsOf(file: TabularFile) {
  const read = await readTable(file);
  if (!read.ok) throw new Error(read.issue.reason);
  return { ...read.table, rows: [...read.table.rows()] };
}

describe('readTable', () => {
  it('reads CSV with a detected delimiter and encoding', async () => {
    const table = await rowsOf(text('a.txt', 'a;b\n1;2\n'));
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('defaults to tab for a one-column .tsv', async () => {
    expect((await rowsOf(text('a.tsv', 'only\n1\n'))).delimiter).toBe('\t');
  });

  it('reads the first worksheet of an xlsx file, whatever its name says', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('发票');
    sheet.addRow(['客户编码', '开票日期', '金额', '备注']);
    sheet.addRow([]);
    sheet.addRow([
      'C001',
      new Date(Date.UTC(2025, 0, 31)),
      1234.56,
      { richText: [{ text: 'rich' }, { text: ' text' }] },
    ]);
    sheet.getCell('C4').value = { formula: 'C3*2', result: 2469.12 };
    workbook.addWorksheet('other').addRow(['ignored']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    for (const name of ['invoices.xlsx', 'upload.bin']) {
      const table = await rowsOf({ name, bytes });
      expect(table.format).toBe('xlsx');
      expect(table.rows).toEqual([
        { line: 1, cells: ['客户编码', '开票日期', '金额', '备注'] },
        { line: 3, cells: ['C001', '2025-01-31', '1234.56', 'rich text'] },
        { line: 4, cells: ['', '', '2469.12'] },
      ]);
    }
  });

  it('refuses empty, legacy .xls, broken xlsx and binary files with one issue', async () => {
    const cases: [TabularFile, string, RegExp][] = [
      [{ name: 'e.csv', bytes: new Uint8Array() }, 'EMPTY_FILE', /empty/],
      [
        { name: 'old.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
        'UNREADABLE_FILE',
        /\.xls/,
      ],
      [text('broken.xlsx', 'not a zip'), 'UNREADABLE_FILE', /not a readable xlsx/],
      [
        { name: 'x.csv', bytes: new Uint8Array([0x61, 0x00, 0x62, 0x00, 0xff, 0x00]) },
        'UNREADABLE_FILE',
        /binary/,
      ],
    ];
    for (const [file, code, reason] of cases) {
      const read = await readTable(file);
      expect(read.ok, file.name).toBe(false);
      if (!read.ok) {
        expect(read.issue).toMatchObject({ file: file.name, line: null, column: null, code });
        expect(read.issue.reason).toMatch(reason);
      }
    }
  });
});
