import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { ReversalTarget, StatementData } from './statement-data.ts';

type Scope = { orgId: string; customerId: string; to: BusinessDate };
const d = (s: string) => s as BusinessDate;

/** Reads (never writes) the receivables tables: the one stated exception for reports. */
export async function loadStatementData(db: DbOrTx, s: Scope): Promise<StatementData> {
  const [invoices, creditNotes, receipts, allocations, writeOffs, refunds, reversals] = await Promise.all([
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
    loadReversals(db, s),
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
    reversals,
  };
}

async function loadAllocations(db: DbOrTx, s: Scope): Promise<StatementData['allocations']> {
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

/** Reversals carry no customer: each is found through the row it reverses. */
async function loadReversals(db: DbOrTx, s: Scope): Promise<StatementData['reversals']> {
  const mine = (table: string) =>
    sql`(select t.id from ${sql.table(table)} t where t.org_id = ${s.orgId} and t.customer_id = ${s.customerId})`;
  const { rows } = await sql<{
    target_type: ReversalTarget;
    target_id: string;
    reversal_date: string;
    reason: string | null;
    created_at: Date;
  }>`
    select r.target_type, r.target_id, r.reversal_date, r.reason, r.created_at from reversals r
    where r.org_id = ${s.orgId} and r.reversal_date <= ${s.to} and (
      (r.target_type = 'invoice' and r.target_id in ${mine('invoices')})
      or (r.target_type = 'credit_note' and r.target_id in ${mine('credit_notes')})
      or (r.target_type = 'receipt' and r.target_id in ${mine('receipts')})
      or (r.target_type = 'allocation' and r.target_id in ${mine('allocations')})
      or (r.target_type = 'write_off' and r.target_id in ${mine('write_offs')})
      or (r.target_type = 'refund' and r.target_id in ${mine('refunds')}))`.execute(db);
  return rows.map((r) => ({
    targetType: r.target_type,
    targetId: r.target_id,
    date: d(r.reversal_date),
    reason: r.reason,
    createdAt: r.created_at,
  }));
}
