import type { ReportCell, ReportTable } from './report-table.ts';

const quote = (cell: ReportCell): string => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) || (/^[=+\-@]/.test(text) && Number.isNaN(Number(text)))
    ? `"${text.replace(/"/g, '""')}"`
    : text;
};

/**
 * CSV with a byte-order mark, so Excel opens Chinese text correctly; sections one after another,
 * each under its title. Text that a spreadsheet would run as a formula is quoted.
 */
export function reportToCsv(table: ReportTable): string {
  const lines: string[] = [quote(table.title), ...table.subtitle.map(quote), ''];
  for (const s of table.sections) {
    lines.push(quote(s.title), s.columns.map((c) => quote(c.header)).join(','));
    for (const row of s.rows) lines.push(row.map(quote).join(','));
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}
