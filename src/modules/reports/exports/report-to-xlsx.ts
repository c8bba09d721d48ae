import type { ReportTable } from './report-table.ts';

/** One sheet per section, numbers as numbers with two decimals, the header row frozen. */
export async function reportToXlsx(table: ReportTable): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Settle';
  for (const [i, s] of table.sections.entries()) {
    const name = `${i + 1} ${s.title}`.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    const sheet = book.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: table.subtitle.length + 2 }],
    });
    sheet.addRow([table.title]).font = { bold: true, size: 14 };
    for (const line of table.subtitle) sheet.addRow([line]);
    const header = sheet.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const row of s.rows) {
      sheet.addRow(
        row.map((cell, c) =>
          s.columns[c]?.kind !== 'text' && typeof cell === 'string' && cell !== '' ? Number(cell) : cell,
        ),
      );
    }
    s.columns.forEach((c, k) => {
      const col = sheet.getColumn(k + 1);
      col.width = c.kind === 'text' ? 28 : 16;
      if (c.kind === 'amount') col.numFmt = '#,##0.00';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
