export { agingReportTable } from './aging-report-table.ts';
export { type ExportedReport, exportReport } from './export-report.ts';
export type { ExportFormat, ReportCell, ReportColumn, ReportSection, ReportTable } from './report-table.ts';
export { reportToCsv } from './report-to-csv.ts';
export { reportToXlsx } from './report-to-xlsx.ts';
