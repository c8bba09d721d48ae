import type { CurrencyCode } from '../../../shared/money/index.ts';
import type { ImportIssue, TableFormat } from '../../../shared/tabular/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';

/** One valid invoice line of an import file. Amounts are minor units of `currency`. */
export type InvoiceImportRow = {
  readonly line: number;
  readonly customerCode: string;
  readonly customerName: string;
  readonly invoiceNumber: string;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly currency: CurrencyCode;
  /** Total including tax, > 0. */
  readonly amountMinor: bigint;
  /** 0 when absent; 0 <= tax <= amount. */
  readonly taxMinor: bigint;
  readonly poNumber: string | null;
  readonly salesperson: string | null;
  readonly paymentTermsDays: number | null;
  /** A validated positive decimal, kept as text so no precision is lost. */
  readonly fxRate: string | null;
  readonly description: string | null;
};

export type ParseInvoiceRowsOptions = { readonly defaultCurrency: string };

/**
 * `rows` holds only rows without issues; a file is importable when `issues` is empty. Every bad
 * cell of every row is reported.
 */
export type ParseInvoiceRowsResult = {
  readonly rows: InvoiceImportRow[];
  readonly issues: ImportIssue[];
  readonly ignoredColumns: string[];
  readonly encoding?: string;
  readonly format?: TableFormat;
};
