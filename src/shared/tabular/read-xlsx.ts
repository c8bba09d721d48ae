import { isBlankRow } from './read-csv.ts';
import { renderCellValue } from './render-cell-value.ts';
import type { TableRow } from './tabular.types.ts';

export class WorkbookReadError extends Error {}

/** Reads the first worksheet of an xlsx file into text rows numbered by sheet row. */
export async function readXlsxRows(bytes: Uint8Array): Promise<TableRow[]> {
  // Loaded on first use: exceljs costs ~0.4 s to import, and most commands never read xlsx.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // A fresh ArrayBuffer copy: exceljs types its input as ArrayBuffer, and JSZip reads that directly.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (e) {
    throw new WorkbookReadError(
      `not a readable xlsx workbook (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new WorkbookReadError('the workbook has no worksheet');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // row.values is 1-based and sparse: index 0 is always empty.
    const values = Array.isArray(row.values) ? row.values : [];
    for (let col = 1; col < values.length; col += 1) cells.push(renderCellValue(values[col]));
    if (!isBlankRow(cells)) rows.push({ line: rowNumber, cells });
  });
  return rows;
}
