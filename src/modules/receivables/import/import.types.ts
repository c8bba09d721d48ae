import type { ImportIssue } from '../../../shared/tabular/index.ts';

export type TImportResult = {
  file: string;
  kind: 'customers' | 'invoices';
  format: 'csv' | 'xlsx';
  encoding: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  customers_created: number;
  ignored_columns: string[];
};

/** A dry run's answer: what the import would do with the rows that pass, and every problem found. */
export type TImportCheck = TImportResult & { issues: ImportIssue[] };

export type InvoiceImportPhase =
  | 'parsing'
  | 'checking'
  | 'customers'
  | 'writing_invoices'
  | 'posting_ledger'
  | 'finishing';

export type ImportInvoicesOptions = {
  /** Called as the import moves through its phases; `done`/`total` count rows (0/0 when unknown). */
  onProgress?: (progress: { phase: InvoiceImportPhase; done: number; total: number }) => void;
  /**
   * Run every check the import runs, database ones included, and write nothing: the transaction
   * is rolled back. Problems are returned (`issues`) instead of rejecting the file.
   */
  dryRun?: boolean;
};
