export { CUSTOMER_IMPORT_COLUMNS, type CustomerImportColumn } from './customer-import.columns.ts';
export {
  CONTACT_CHANNELS,
  type ContactChannel,
  type CustomerImportRow,
  type ParseCustomerRowsOptions,
  type ParseCustomerRowsResult,
} from './customer-import.types.ts';
export { parseCustomerRows } from './parse-customer-rows.ts';
