export { agingReportTable } from './aging-report-table.ts';
export { type ExportedReport, exportReport } from './export-report.ts';
export { forecastReportTable } from './forecast-report-table.ts';
export { kpiReportTable } from './kpi-report-table.ts';
export type { ExportFormat, ReportCell, ReportColumn, ReportSection, ReportTable } from './report-table.ts';
export { reportToCsv } from './report-to-csv.ts';
export { reportToPdf } from './report-to-pdf.ts';
export { reportToXlsx } from './report-to-xlsx.ts';
