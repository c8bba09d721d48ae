import type {
  AllocationRow,
  CreditNoteRow,
  InvoiceRow,
  LedgerRows,
  ReceiptRow,
  RefundRow,
  WriteOffRow,
} from './ledger-rows.ts';

export type ReversibleType = 'invoice' | 'credit_note' | 'receipt' | 'allocation' | 'write_off' | 'refund';

export type InvoiceStatus = 'open' | 'partially_paid' | 'paid' | 'overdue' | 'written_off' | 'void';

/**
 * The AR ledger's as-of semantics, computed in plain TypeScript over the rows read back: written
 * from DESIGN.md, not from the product's SQL, so the two can disagree. A fact dated D is in force
 * on D and after; a reversal dated R ends it from R on (so one reversed on its own date never was).
 */
export class LedgerModel {
  private readonly reversedOn = new Map<string, string>();
  private dates: string[] | undefined;

  constructor(readonly rows: LedgerRows) {
    for (const r of rows.reversals) this.reversedOn.set(`${r.targetType}:${r.targetId}`, r.date);
  }

  /** The date a document was reversed on, whatever the as-of date. */
  reversal(type: ReversibleType, id: string): string | undefined {
    return this.reversedOn.get(`${type}:${id}`);
  }

  isReversedBy(type: ReversibleType, id: string, asOf: string): boolean {
    const r = this.reversal(type, id);
    return r !== undefined && r <= asOf;
  }

  isLive(type: ReversibleType, id: string, date: string, asOf: string): boolean {
    return date <= asOf && !this.isReversedBy(type, id, asOf);
  }

  liveAllocations(asOf: string, filter: (a: AllocationRow) => boolean): AllocationRow[] {
    return this.rows.allocations.filter((a) => filter(a) && this.isLive('allocation', a.id, a.date, asOf));
  }

  liveWriteOffs(inv: InvoiceRow, asOf: string): WriteOffRow[] {
    return this.rows.writeOffs.filter(
      (w) => w.invoiceId === inv.id && this.isLive('write_off', w.id, w.date, asOf),
    );
  }

  liveRefunds(rc: ReceiptRow, asOf: string): RefundRow[] {
    return this.rows.refunds.filter(
      (f) => f.receiptId === rc.id && this.isLive('refund', f.id, f.date, asOf),
    );
  }

  invoiceApplied(inv: InvoiceRow, asOf: string): bigint {
    return sum(this.liveAllocations(asOf, (a) => a.invoiceId === inv.id));
  }

  invoiceWrittenOff(inv: InvoiceRow, asOf: string): bigint {
    return sum(this.liveWriteOffs(inv, asOf));
  }

  /** Total less live applications and live write-offs (what the customer still owes on it). */
  invoiceOpen(inv: InvoiceRow, asOf: string): bigint {
    return inv.totalMinor - this.invoiceApplied(inv, asOf) - this.invoiceWrittenOff(inv, asOf);
  }

  creditNoteApplied(cn: CreditNoteRow, asOf: string): bigint {
    return sum(this.liveAllocations(asOf, (a) => a.creditNoteId === cn.id));
  }

  receiptUsed(rc: ReceiptRow, asOf: string): bigint {
    return sum(this.liveAllocations(asOf, (a) => a.receiptId === rc.id)) + sum(this.liveRefunds(rc, asOf));
  }

  /** DESIGN.md "Status is derived": void, then settled (written off / paid), then overdue, partial, open. */
  invoiceStatus(inv: InvoiceRow, asOf: string): { status: InvoiceStatus; openMinor: bigint } {
    if (this.isReversedBy('invoice', inv.id, asOf)) return { status: 'void', openMinor: 0n };
    const applied = this.invoiceApplied(inv, asOf);
    const writtenOff = this.invoiceWrittenOff(inv, asOf);
    const open = inv.totalMinor - applied - writtenOff;
    if (open === 0n) {
      const badDebt = this.liveWriteOffs(inv, asOf).some((w) => w.kind === 'bad_debt');
      return { status: badDebt ? 'written_off' : 'paid', openMinor: 0n };
    }
    if (inv.dueDate < asOf) return { status: 'overdue', openMinor: open };
    if (applied + writtenOff > 0n) return { status: 'partially_paid', openMinor: open };
    return { status: 'open', openMinor: open };
  }

  /**
   * What a customer owes and holds, per customer and currency, as of a date, from the documents:
   * receivable = open invoices less unapplied credit notes; unapplied = receipts' unused cash.
   */
  expectedBalances(asOf: string): Map<string, { receivable: bigint; unapplied: bigint }> {
    const out = new Map<string, { receivable: bigint; unapplied: bigint }>();
    const at = (customerId: string, currency: string) => {
      const key = balanceKey(customerId, currency);
      const b = out.get(key) ?? { receivable: 0n, unapplied: 0n };
      out.set(key, b);
      return b;
    };
    for (const inv of this.rows.invoices) {
      if (inv.issueDate > asOf || this.isReversedBy('invoice', inv.id, asOf)) continue;
      at(inv.customerId, inv.currency).receivable += this.invoiceOpen(inv, asOf);
    }
    for (const cn of this.rows.creditNotes) {
      if (cn.date > asOf || this.isReversedBy('credit_note', cn.id, asOf)) continue;
      at(cn.customerId, cn.currency).receivable -= cn.totalMinor - this.creditNoteApplied(cn, asOf);
    }
    for (const rc of this.rows.receipts) {
      if (rc.date > asOf || this.isReversedBy('receipt', rc.id, asOf)) continue;
      at(rc.customerId, rc.currency).unapplied += rc.amountMinor - this.receiptUsed(rc, asOf);
    }
    return out;
  }

  /** Every date on which some fact starts or ends: between two of them nothing changes. */
  eventDates(): string[] {
    if (this.dates) return this.dates;
    const r = this.rows;
    const dates = new Set<string>([
      ...r.invoices.flatMap((i) => [i.issueDate, i.dueDate]),
      ...r.creditNotes.map((n) => n.date),
      ...r.receipts.map((p) => p.date),
      ...r.allocations.map((a) => a.date),
      ...r.writeOffs.map((w) => w.date),
      ...r.refunds.map((f) => f.date),
      ...r.reversals.map((v) => v.date),
    ]);
    this.dates = [...dates].sort();
    return this.dates;
  }

  /** The least of `value(D)` over D = `from` and every later event date: "fits from `from` on". */
  minimumFrom(from: string, value: (asOf: string) => bigint): bigint {
    let min = value(from);
    for (const d of this.eventDates()) {
      if (d <= from) continue;
      const v = value(d);
      if (v < min) min = v;
    }
    return min;
  }

  invoice(id: string): InvoiceRow {
    return must(
      this.rows.invoices.find((i) => i.id === id),
      `invoice ${id}`,
    );
  }

  receipt(id: string): ReceiptRow {
    return must(
      this.rows.receipts.find((p) => p.id === id),
      `receipt ${id}`,
    );
  }

  creditNote(id: string): CreditNoteRow {
    return must(
      this.rows.creditNotes.find((n) => n.id === id),
      `credit note ${id}`,
    );
  }
}

export function balanceKey(customerId: string, currency: string): string {
  return `${customerId}/${currency}`;
}

export function sum(items: readonly { amountMinor: bigint }[]): bigint {
  return items.reduce((acc, x) => acc + x.amountMinor, 0n);
}

function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`${what} is not in the rows read back`);
  return x;
}
