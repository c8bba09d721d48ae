import type { Ctx } from '../../../shared/context/index.ts';
import { recordAuditEvent } from '../../audit/index.ts';
import type { CjkFontEnv } from '../statements/pdf/find-cjk-font.ts';
import type { ExportFormat, ReportTable } from './report-table.ts';
import { reportToCsv } from './report-to-csv.ts';
import { reportToPdf } from './report-to-pdf.ts';
import { reportToXlsx } from './report-to-xlsx.ts';

export type ExportedReport = { body: Buffer; contentType: string; extension: string };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Renders a report for export and records the export in the audit trail (who took which data out,
 * with which filters): exports are how data leaves the system, so each one is on record.
 */
export async function exportReport(
  ctx: Ctx,
  report: { name: string; table: ReportTable; filters: Record<string, unknown> },
  format: ExportFormat,
  deps: { fontEnv?: CjkFontEnv } = {},
): Promise<ExportedReport> {
  const body =
    format === 'csv'
      ? Buffer.from(reportToCsv(report.table), 'utf8')
      : format === 'xlsx'
        ? await reportToXlsx(report.table)
        : await reportToPdf(report.table, deps.fontEnv ?? {});
  await recordAuditEvent(ctx.db, ctx.org.id, {
    action: 'report.exported',
    entity: 'report',
    entityId: report.name,
    after: { format, filters: report.filters, bytes: body.length },
  });
  return { body, contentType: CONTENT_TYPES[format], extension: format };
}
