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
