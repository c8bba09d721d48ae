import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../src/shared/db/index.ts';

/** The AR facts of one org, read back with plain selects: what the property checks stand on. */
export type InvoiceRow = {
  id: string;
  number: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  baseTotalMinor: bigint;
};
export type CreditNoteRow = {
  id: string;
  number: string;
  customerId: string;
  date: string;
  currency: string;
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  baseTotalMinor: bigint;
};
export type ReceiptRow = {
  id: string;
  number: string;
  customerId: string;
  date: string;
  currency: string;
  amountMinor: bigint;
  baseAmountMinor: bigint;
};
export type AllocationRow = {
  id: string;
  receiptId: string | null;
  creditNoteId: string | null;
  invoiceId: string;
  customerId: string;
  currency: string;
  amountMinor: bigint;
  date: string;
};
export type WriteOffRow = {
  id: string;
  invoiceId: string;
  customerId: string;
  currency: string;
  amountMinor: bigint;
  date: string;
  kind: string;
  accountCode: string;
};
export type RefundRow = {
  id: string;
  receiptId: string;
  customerId: string;
  currency: string;
  amountMinor: bigint;
  date: string;
};
export type ReversalRow = { id: string; targetType: string; targetId: string; date: string };
export type PostingRow = {
  entryId: string;
  lineNo: number;
  date: string;
  kind: string;
  customerId: string | null;
  debit: string;
  credit: string;
  currency: string;
  amountMinor: bigint;
  baseAmountMinor: bigint;
  reversesEntryId: string | null;
};

export type LedgerRows = {
  invoices: InvoiceRow[];
  creditNotes: CreditNoteRow[];
  receipts: ReceiptRow[];
  allocations: AllocationRow[];
  writeOffs: WriteOffRow[];
  refunds: RefundRow[];
  reversals: ReversalRow[];
  postings: PostingRow[];
};

export async function readLedgerRows(db: Db, orgId: string): Promise<LedgerRows> {
  const read = async <T>(query: RawBuilder<T>): Promise<T[]> => (await query.execute(db)).rows.map(checked);
  return {
    invoices: await read(sql<InvoiceRow>`select id, number, customer_id as "customerId",
      issue_date as "issueDate", due_date as "dueDate", currency, subtotal_minor as "subtotalMinor",
      tax_minor as "taxMinor", total_minor as "totalMinor", base_total_minor as "baseTotalMinor"
      from invoices where org_id = ${orgId} order by id`),
    creditNotes: await read(sql<CreditNoteRow>`select id, number, customer_id as "customerId",
      note_date as date, currency, subtotal_minor as "subtotalMinor", tax_minor as "taxMinor",
      total_minor as "totalMinor", base_total_minor as "baseTotalMinor"
      from credit_notes where org_id = ${orgId} order by id`),
    receipts: await read(sql<ReceiptRow>`select id, number, customer_id as "customerId",
      receipt_date as date, currency, amount_minor as "amountMinor", base_amount_minor as "baseAmountMinor"
      from receipts where org_id = ${orgId} order by id`),
    allocations: await read(sql<AllocationRow>`select id, receipt_id as "receiptId",
      credit_note_id as "creditNoteId", invoice_id as "invoiceId", customer_id as "customerId", currency,
      amount_minor as "amountMinor", allocation_date as date
      from allocations where org_id = ${orgId} order by id`),
    writeOffs: await read(sql<WriteOffRow>`select id, invoice_id as "invoiceId", customer_id as "customerId",
      currency, amount_minor as "amountMinor", write_off_date as date, kind, account_code as "accountCode"
      from write_offs where org_id = ${orgId} order by id`),
    refunds: await read(sql<RefundRow>`select id, receipt_id as "receiptId", customer_id as "customerId",
      currency, amount_minor as "amountMinor", refund_date as date
      from refunds where org_id = ${orgId} order by id`),
    reversals: await read(sql<ReversalRow>`select id, target_type as "targetType", target_id as "targetId",
      reversal_date as date from reversals where org_id = ${orgId} order by id`),
    postings: await read(sql<PostingRow>`select entry_id as "entryId", line_no as "lineNo",
      entry_date as date, entry_kind as kind, customer_id as "customerId", debit_account as debit,
      credit_account as credit, currency, amount_minor as "amountMinor",
      base_amount_minor as "baseAmountMinor", reverses_entry_id as "reversesEntryId"
      from journal_postings where org_id = ${orgId} order by entry_id, line_no`),
  };
}

/**
 * Both drivers are configured to give int8 as bigint and dates as YYYY-MM-DD text: insist on it,
 * so that a driver difference fails here rather than as a wrong comparison further on.
 */
function checked<T>(row: T): T {
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    if (key.endsWith('Minor') && typeof value !== 'bigint')
      throw new TypeError(`${key}: expected a bigint from the driver, got ${typeof value} ${String(value)}`);
    if (
      /^(date|issueDate|dueDate)$/.test(key) &&
      !(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    )
      throw new TypeError(`${key}: expected a YYYY-MM-DD date from the driver, got ${String(value)}`);
  }
  return row;
}

/** Row counts per table: the cheap part of the "a refused operation changes nothing" check. */
export function rowCounts(rows: LedgerRows): Record<keyof LedgerRows, number> {
  return {
    invoices: rows.invoices.length,
    creditNotes: rows.creditNotes.length,
    receipts: rows.receipts.length,
    allocations: rows.allocations.length,
    writeOffs: rows.writeOffs.length,
    refunds: rows.refunds.length,
    reversals: rows.reversals.length,
    postings: rows.postings.length,
  };
}

/** The API's decimal text (2 decimals: CNY and USD) as minor units, parsed here, not by the product. */
export function minor(text: string): bigint {
  const match = /^(-)?(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a 2-decimal amount: "${text}"`);
  const n = BigInt(`${match[2]}${match[3]}`);
  return match[1] ? -n : n;
}
