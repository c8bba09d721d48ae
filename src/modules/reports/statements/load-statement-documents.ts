import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { LoadScope, StatementData } from './statement-data.ts';

const d = (s: string) => s as BusinessDate;

type Documents = Pick<StatementData, 'invoices' | 'creditNotes' | 'receipts'>;

/** The customer's invoices, credit notes and receipts dated on or before the last day. */
export async function loadStatementDocuments(db: DbOrTx, s: LoadScope): Promise<Documents> {
  const [invoices, creditNotes, receipts] = await Promise.all([
    db
      .selectFrom('invoices')
      .select(['id', 'number', 'issue_date', 'due_date', 'currency', 'total_minor', 'description'])
      .select(['po_number', 'created_at'])
      .where('org_id', '=', s.orgId)
      .where('customer_id', '=', s.customerId)
      .where('issue_date', '<=', s.to)
      .execute(),
    db
      .selectFrom('credit_notes as n')
      .leftJoin('invoices as i', (j) =>
        j.onRef('i.org_id', '=', 'n.org_id').onRef('i.id', '=', 'n.invoice_id'),
      )
      .select(['n.id', 'n.number', 'n.note_date', 'n.currency', 'n.total_minor', 'n.reason', 'n.created_at'])
      .select('i.number as invoice_number')
      .where('n.org_id', '=', s.orgId)
      .where('n.customer_id', '=', s.customerId)
      .where('n.note_date', '<=', s.to)
      .execute(),
    db
      .selectFrom('receipts')
      .select(['id', 'number', 'receipt_date', 'currency', 'amount_minor', 'reference', 'method', 'memo'])
      .select('created_at')
      .where('org_id', '=', s.orgId)
      .where('customer_id', '=', s.customerId)
      .where('receipt_date', '<=', s.to)
      .execute(),
  ]);
  return {
    invoices: invoices.map((r) => ({
      id: r.id,
      number: r.number,
      date: d(r.issue_date),
      dueDate: d(r.due_date),
      currency: r.currency,
      amountMinor: r.total_minor,
      description: r.description,
      poNumber: r.po_number,
      createdAt: r.created_at,
    })),
    creditNotes: creditNotes.map((r) => ({
      id: r.id,
      number: r.number,
      date: d(r.note_date),
      currency: r.currency,
      amountMinor: r.total_minor,
      invoiceNumber: r.invoice_number,
      reason: r.reason,
      createdAt: r.created_at,
    })),
    receipts: receipts.map((r) => ({
      id: r.id,
      number: r.number,
      date: d(r.receipt_date),
      currency: r.currency,
      amountMinor: r.amount_minor,
      reference: r.reference,
      method: r.method,
      memo: r.memo,
      createdAt: r.created_at,
    })),
  };
}
