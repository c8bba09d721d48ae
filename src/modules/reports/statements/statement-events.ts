import type { BusinessDate } from '../../../shared/time/index.ts';
import type { ReversalTarget, StatementData } from './statement-data.ts';
import type { StatementLineType } from './statements.schemas.ts';

/**
 * One line of a statement before wording: its effect on what the customer owes, net of unapplied
 * cash (AR less receipts in advance). Invoices and refunds raise it; credit notes, receipts and
 * write-offs lower it; an application moves money between the two and changes nothing; a reversal
 * undoes its document's effect on the reversal date.
 */
export type StatementEvent = {
  date: BusinessDate;
  type: StatementLineType;
  isReversal: boolean;
  currency: string;
  number: string;
  reference: string | null;
  amountMinor: bigint;
  /** + raises the balance (debit), - lowers it (credit), 0 for an application. */
  effectMinor: bigint;
  dueDate: BusinessDate | null;
  /** Free text of the document (memo, reason, description) or of its reversal. */
  note: string | null;
  /** Receipts' method, write-offs' kind. */
  detail: string | null;
  createdAt: Date;
};

const SIGN: Record<StatementLineType, bigint> = {
  invoice: 1n,
  refund: 1n,
  credit_note: -1n,
  receipt: -1n,
  write_off: -1n,
  application: 0n,
};
const ORDER: StatementLineType[] = [
  'invoice',
  'credit_note',
  'receipt',
  'application',
  'write_off',
  'refund',
];
const TYPE_OF: Record<ReversalTarget, StatementLineType> = {
  invoice: 'invoice',
  credit_note: 'credit_note',
  receipt: 'receipt',
  allocation: 'application',
  write_off: 'write_off',
  refund: 'refund',
};

type Base = Omit<StatementEvent, 'isReversal' | 'effectMinor'>;

/** Every document and application, and each reversal as a line of its own, in date order. */
export function statementEvents(data: StatementData): StatementEvent[] {
  const n = { dueDate: null, detail: null };
  const bases = new Map<string, Base>();
  const put = (id: string, b: Base) => bases.set(`${b.type}:${id}`, b);
  for (const i of data.invoices)
    put(i.id, { ...i, type: 'invoice', reference: i.poNumber, note: i.description, detail: null });
  for (const c of data.creditNotes)
    put(c.id, { ...c, ...n, type: 'credit_note', reference: c.invoiceNumber, note: c.reason });
  for (const r of data.receipts)
    put(r.id, { ...r, ...n, type: 'receipt', reference: r.reference, note: r.memo, detail: r.method });
  for (const a of data.allocations)
    put(a.id, {
      ...a,
      ...n,
      type: 'application',
      number: a.sourceNumber,
      reference: a.invoiceNumber,
      note: null,
    });
  for (const w of data.writeOffs)
    put(w.id, {
      ...w,
      ...n,
      type: 'write_off',
      number: w.invoiceNumber,
      reference: null,
      note: w.reason,
      detail: w.kind,
    });
  for (const f of data.refunds)
    put(f.id, { ...f, ...n, type: 'refund', number: f.receiptNumber, reference: f.reference, note: null });
  const events: StatementEvent[] = [...bases.values()].map((b) => ({
    ...pick(b),
    isReversal: false,
    effectMinor: SIGN[b.type] * b.amountMinor,
  }));
  for (const r of data.reversals) {
    const b = bases.get(`${TYPE_OF[r.targetType]}:${r.targetId}`);
    if (!b) continue; // dated after the statement's last day: cannot happen, reversals follow their document
    events.push({
      ...pick(b),
      date: r.date,
      note: r.reason,
      createdAt: r.createdAt,
      isReversal: true,
      effectMinor: -SIGN[b.type] * b.amountMinor,
    });
  }
  return events.sort(compareEvents);
}

function pick(b: Base): Base {
  const { date, type, currency, number, reference, amountMinor, dueDate, note, detail, createdAt } = b;
  return { date, type, currency, number, reference, amountMinor, dueDate, note, detail, createdAt };
}

/** By date; on one date documents before applications before reversals; then as recorded. */
export function compareEvents(a: StatementEvent, b: StatementEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const rank = (e: StatementEvent) => (e.isReversal ? ORDER.length : 0) + ORDER.indexOf(e.type);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  if (t !== 0) return t;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}
