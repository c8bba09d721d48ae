/**
 * A report as a table, the one shape every export format renders: CSV, xlsx and PDF all take it,
 * so a new report needs one converter, not three.
 */
export type ReportColumn = { header: string; kind: 'text' | 'amount' | 'integer' };
export type ReportCell = string | number | null;
export type ReportSection = { title: string; columns: ReportColumn[]; rows: ReportCell[][] };
export type ReportTable = {
  title: string;
  /** Lines under the title: as-of date, basis, filters. */
  subtitle: string[];
  sections: ReportSection[];
};
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
