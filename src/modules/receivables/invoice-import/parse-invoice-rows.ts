import { currency } from '../../../shared/money/index.ts';
import { parseImportFile, type TabularFile } from '../../../shared/tabular/index.ts';
import { INVOICE_IMPORT_COLUMNS } from './invoice-import.columns.ts';
import type { ParseInvoiceRowsOptions, ParseInvoiceRowsResult } from './invoice-import.types.ts';
import { InvoiceRowValidator } from './validate-invoice-row.ts';

/**
 * Reads an invoice import file (CSV/TSV/TXT in UTF-8, UTF-16 or GB18030, or xlsx) and validates
 * every row without touching the database. Throws MoneyFormatError if `defaultCurrency` is not a
 * known currency: that is the caller's configuration, not the file's fault.
 */
export async function parseInvoiceRows(
  file: TabularFile,
  options: ParseInvoiceRowsOptions,
): Promise<ParseInvoiceRowsResult> {
  const defaultCurrency = currency(options.defaultCurrency);
  return parseImportFile(
    file,
    INVOICE_IMPORT_COLUMNS,
    (header) => new InvoiceRowValidator(file.name, header, defaultCurrency),
  );
}
