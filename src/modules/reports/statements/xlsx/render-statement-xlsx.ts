import type { Workbook } from 'exceljs';
import { type StatementLabels, statementLabels } from '../statement-labels.ts';
import type { TStatementDto } from '../statements.schemas.ts';
import { writeSectionSheet } from './write-section-sheet.ts';

/**
 * The statement as a workbook: one sheet per currency, the same header, lines and aging as the PDF;
 * amounts are numbers with the currency's decimals as format, dates are dates, the header frozen.
 */
export async function renderStatementXlsx(s: TStatementDto): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb: Workbook = new ExcelJS.Workbook();
  const l: StatementLabels = statementLabels(s.locale);
  wb.creator = s.org.name;
  wb.title = `${l.title} ${s.customer.code}`;
  for (const section of s.sections) writeSectionSheet(wb, s, section, l);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
