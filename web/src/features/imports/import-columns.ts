import type { CustomerImportColumn } from '../../../../src/modules/customers/import/customer-import.columns.ts';
import { CUSTOMER_IMPORT_COLUMNS } from '../../../../src/modules/customers/import/customer-import.columns.ts';
import type { TImportKind } from '../../../../src/modules/imports/imports.schemas.ts';
import type { InvoiceImportColumn } from '../../../../src/modules/receivables/invoice-import/invoice-import.columns.ts';
import { INVOICE_IMPORT_COLUMNS } from '../../../../src/modules/receivables/invoice-import/invoice-import.columns.ts';
import type { Locale } from '../../shared/i18n/catalogue.ts';

/** One column an import understands: its canonical key and the header spellings it accepts. */
export type ImportColumn = { key: string; required: boolean; aliases: readonly string[] };

const CJK = /[\u3400-\u9fff]/u;

function columnsOf(spec: Record<string, { required: boolean; aliases: readonly string[] }>): ImportColumn[] {
  return Object.entries(spec).map(([key, def]) => ({ key, required: def.required, aliases: def.aliases }));
}

/** The server's own column definitions (pure constants), so the screen and the parser never drift. */
export const IMPORT_COLUMNS: Record<TImportKind, ImportColumn[]> = {
  invoices: columnsOf(INVOICE_IMPORT_COLUMNS),
  customers: columnsOf(CUSTOMER_IMPORT_COLUMNS),
};

const INVOICE_EXAMPLE: Record<InvoiceImportColumn, string> = {
  customer_code: 'C0001',
  customer_name: '上海示例贸易有限公司',
  invoice_number: 'INV-2025-0001',
  issue_date: '2025-06-01',
  due_date: '2025-07-01',
  currency: 'CNY',
  amount: '11300.00',
  tax_amount: '1300.00',
  po_number: 'PO-7788',
  salesperson: '张三',
  payment_terms_days: '30',
  fx_rate: '',
  description: '六月货款',
};

const CUSTOMER_EXAMPLE: Record<CustomerImportColumn, string> = {
  customer_code: 'C0001',
  customer_name: '示例贸易',
  legal_name: '上海示例贸易有限公司',
  tax_id: '91310000MA1FL0000X',
  contact_name: '王五',
  email: 'finance@example.com',
  phone: '021-55550000',
  preferred_channel: 'email',
  payment_terms_days: '30',
  credit_limit: '500000.00',
  currency: 'CNY',
  salesperson: '张三',
  tags: '重点客户',
  country: 'CN',
};

const EXAMPLES: Record<TImportKind, Record<string, string>> = {
  invoices: INVOICE_EXAMPLE,
  customers: CUSTOMER_EXAMPLE,
};

/** The header a person of this language would write: the Chinese alias in Chinese, else the key. */
export function headerFor(column: ImportColumn, locale: Locale): string {
  if (locale === 'zh-CN') return column.aliases.find((a) => CJK.test(a)) ?? column.key;
  return column.key;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A template file: the header row and one example row, UTF-8 with a BOM so Excel reads it right. */
export function templateCsv(kind: TImportKind, locale: Locale): string {
  const columns = IMPORT_COLUMNS[kind];
  const example = EXAMPLES[kind];
  const header = columns.map((c) => csvCell(headerFor(c, locale))).join(',');
  const row = columns.map((c) => csvCell(example[c.key] ?? '')).join(',');
  return `\uFEFF${header}\r\n${row}\r\n`;
}

export function downloadTemplate(kind: TImportKind, locale: Locale): void {
  const blob = new Blob([templateCsv(kind, locale)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${kind}-template.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
