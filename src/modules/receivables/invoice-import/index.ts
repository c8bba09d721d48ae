export { INVOICE_IMPORT_COLUMNS, type InvoiceImportColumn } from './invoice-import.columns.ts';
export type {
  InvoiceImportRow,
  ParseInvoiceRowsOptions,
  ParseInvoiceRowsResult,
} from './invoice-import.types.ts';
export { parseInvoiceRows } from './parse-invoice-rows.ts';
