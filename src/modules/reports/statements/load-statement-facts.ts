import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { LoadScope, StatementData } from './statement-data.ts';

const d = (s: string) => s as BusinessDate;

type Facts = Pick<StatementData, 'allocations' | 'writeOffs' | 'refunds'>;

/** What happened to the documents: applications, write-offs and refunds dated by the last day. */
export async function loadStatementFacts(db: DbOrTx, s: LoadScope): Promise<Facts> {
  const [allocations, writeOffs, refunds] = await Promise.all([
    loadAllocations(db, s),
    db
      .selectFrom('write_offs as w')
      .innerJoin('invoices as i', (j) =>
        j.onRef('i.org_id', '=', 'w.org_id').onRef('i.id', '=', 'w.invoice_id'),
      )
      .select(['w.id', 'w.write_off_date', 'w.currency', 'w.amount_minor', 'w.invoice_id', 'w.kind'])
      .select(['w.reason', 'w.created_at', 'i.number as invoice_number'])
      .where('w.org_id', '=', s.orgId)
      .where('w.customer_id', '=', s.customerId)
      .where('w.write_off_date', '<=', s.to)
      .execute(),
    db
      .selectFrom('refunds as f')
      .innerJoin('receipts as r', (j) =>
        j.onRef('r.org_id', '=', 'f.org_id').onRef('r.id', '=', 'f.receipt_id'),
      )
      .select(['f.id', 'f.refund_date', 'f.currency', 'f.amount_minor', 'f.receipt_id', 'f.reference'])
      .select(['f.created_at', 'r.number as receipt_number'])
      .where('f.org_id', '=', s.orgId)
      .where('f.customer_id', '=', s.customerId)
      .where('f.refund_date', '<=', s.to)
      .execute(),
  ]);
  return {
    allocations,
    writeOffs: writeOffs.map((r) => ({
      id: r.id,
      date: d(r.write_off_date),
      currency: r.currency,
      amountMinor: r.amount_minor,
      invoiceId: r.invoice_id,
      invoiceNumber: r.invoice_number,
      kind: r.kind,
      reason: r.reason,
      createdAt: r.created_at,
    })),
    refunds: refunds.map((r) => ({
      id: r.id,
      date: d(r.refund_date),
      currency: r.currency,
      amountMinor: r.amount_minor,
      receiptId: r.receipt_id,
      receiptNumber: r.receipt_number,
      reference: r.reference,
      createdAt: r.created_at,
    })),
  };
}

async function loadAllocations(db: DbOrTx, s: LoadScope): Promise<StatementData['allocations']> {
  const rows = await db
    .selectFrom('allocations as a')
    .innerJoin('invoices as i', (j) =>
      j.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
    )
    .leftJoin('receipts as r', (j) => j.onRef('r.org_id', '=', 'a.org_id').onRef('r.id', '=', 'a.receipt_id'))
    .leftJoin('credit_notes as n', (j) =>
      j.onRef('n.org_id', '=', 'a.org_id').onRef('n.id', '=', 'a.credit_note_id'),
    )
    .select(['a.id', 'a.allocation_date', 'a.currency', 'a.amount_minor', 'a.invoice_id', 'a.created_at'])
    .select(['a.receipt_id', 'a.credit_note_id', 'i.number as invoice_number'])
    .select(['r.number as receipt_number', 'n.number as note_number'])
    .where('a.org_id', '=', s.orgId)
    .where('a.customer_id', '=', s.customerId)
    .where('a.allocation_date', '<=', s.to)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: d(r.allocation_date),
    currency: r.currency,
    amountMinor: r.amount_minor,
    invoiceId: r.invoice_id,
    invoiceNumber: r.invoice_number,
    source: r.receipt_id ? ('receipt' as const) : ('credit_note' as const),
    sourceId: r.receipt_id ?? r.credit_note_id ?? '',
    sourceNumber: r.receipt_number ?? r.note_number ?? '',
    createdAt: r.created_at,
  }));
}
