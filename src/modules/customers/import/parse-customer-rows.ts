import { currency } from '../../../shared/money/index.ts';
import { parseImportFile, type TabularFile } from '../../../shared/tabular/index.ts';
import { CUSTOMER_IMPORT_COLUMNS } from './customer-import.columns.ts';
import type { ParseCustomerRowsOptions, ParseCustomerRowsResult } from './customer-import.types.ts';
import { CustomerRowValidator } from './validate-customer-row.ts';

/**
 * Reads a customer master file (CSV/TSV/TXT in UTF-8, UTF-16 or GB18030, or xlsx) and validates
 * every row without touching the database. Credit limits are read in the row's currency, else in
 * `defaultCurrency`. Throws MoneyFormatError if `defaultCurrency` is not a known currency.
 */
export async function parseCustomerRows(
  file: TabularFile,
  options: ParseCustomerRowsOptions,
): Promise<ParseCustomerRowsResult> {
  const defaultCurrency = currency(options.defaultCurrency);
  return parseImportFile(
    file,
    CUSTOMER_IMPORT_COLUMNS,
    (header) => new CustomerRowValidator(file.name, header, defaultCurrency),
  );
}
