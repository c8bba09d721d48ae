import { divRound, minorToDecimal } from '../../shared/money/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import type { DemoCustomer, DemoEvent, PlannedInvoice } from './demo.types.ts';
import type { Random } from './demo-random.ts';
import { BAD_DEBT_REASON, BANK_FEE_REASON } from './demo-texts.ts';
import { demoFxRate } from './fx-rates.ts';
import { receiptTexts } from './receipt-texts.ts';

export type Application = { readonly invoice: PlannedInvoice; readonly amountMinor: bigint };

const ORDER: Record<DemoEvent['kind'], number> = {
  invoice: 0,
  credit_note: 1,
  receipt: 2,
  allocation: 3,
  write_off: 4,
  dispute: 5,
  dispute_resolution: 6,
};

/** Collects the demo's documents as use-case requests, and hands them back in date order. */
export class DemoEvents {
  private readonly events: DemoEvent[] = [];
  private receiptSeq = 0;
  private disputeSeq = 0;

  constructor(private readonly rng: Random) {}

  invoice(inv: PlannedInvoice): void {
    this.events.push({ kind: 'invoice', date: inv.issueDate, request: inv.request });
  }

  /** A credit note applied to its invoice at once; its VAT in the invoice's proportion. */
  creditNote(inv: PlannedInvoice, date: BusinessDate, amountMinor: bigint, reason: string): void {
    const cur = inv.currency;
    const tax = divRound(amountMinor * inv.taxShare[0], inv.taxShare[1], 'half-up');
    this.events.push({
      kind: 'credit_note',
      date,
      request: {
        customer: inv.customer.code,
        date,
        currency: cur,
        ...(cur === 'CNY' ? {} : { fx_rate: demoFxRate(cur, date) }),
        amount: minorToDecimal(amountMinor, cur),
        tax_amount: minorToDecimal(tax, cur),
        invoice: inv.number,
        reason,
        apply: true,
      },
    });
  }

  /** A receipt, applied to invoices for exact amounts; anything above them stays unapplied. */
  receipt(
    c: DemoCustomer,
    date: BusinessDate,
    amountMinor: bigint,
    applications: readonly Application[],
    purpose: string,
  ): string {
    this.receiptSeq += 1;
    const key = `R${this.receiptSeq}`;
    const cur = c.currency;
    const numbers = applications.map((a) => a.invoice.number);
    this.events.push({
      kind: 'receipt',
      date,
      key,
      request: {
        customer: c.code,
        date,
        amount: minorToDecimal(amountMinor, cur),
        currency: cur,
        ...(cur === 'CNY' ? {} : { fx_rate: demoFxRate(cur, date) }),
        ...receiptTexts(this.rng, c, date, amountMinor, purpose, numbers),
        applications: applications.map((a) => ({
          invoice: a.invoice.number,
          amount: minorToDecimal(a.amountMinor, cur),
        })),
      },
    });
    return key;
  }

  allocation(receiptKey: string, inv: PlannedInvoice, date: BusinessDate, amountMinor: bigint): void {
    this.events.push({
      kind: 'allocation',
      date,
      receiptKey,
      invoice: inv.number,
      amount: minorToDecimal(amountMinor, inv.currency),
    });
  }

  bankFee(inv: PlannedInvoice, date: BusinessDate, feeMinor: bigint): void {
    this.events.push({
      kind: 'write_off',
      date,
      request: {
        invoice: inv.number,
        amount: minorToDecimal(feeMinor, inv.currency),
        date,
        kind: 'small_difference',
        reason: BANK_FEE_REASON,
      },
    });
  }

  /** Writes off all that is open. */
  badDebt(inv: PlannedInvoice, date: BusinessDate): void {
    this.events.push({
      kind: 'write_off',
      date,
      request: { invoice: inv.number, date, kind: 'bad_debt', reason: BAD_DEBT_REASON },
    });
  }

  dispute(
    inv: PlannedInvoice,
    date: BusinessDate,
    reason: string,
    resolution?: { date: BusinessDate; text: string },
  ): void {
    this.disputeSeq += 1;
    const key = `D${this.disputeSeq}`;
    this.events.push({ kind: 'dispute', date, key, input: { invoice: inv.number, date, reason } });
    if (resolution) {
      this.events.push({
        kind: 'dispute_resolution',
        date: resolution.date,
        disputeKey: key,
        resolution: resolution.text,
      });
    }
  }

  /** By date, then so that what a document needs exists before it (an invoice before its receipt). */
  sorted(): DemoEvent[] {
    return this.events
      .map((e, i) => ({ e, i }))
      .sort((a, b) =>
        a.e.date !== b.e.date
          ? a.e.date < b.e.date
            ? -1
            : 1
          : ORDER[a.e.kind] - ORDER[b.e.kind] || a.i - b.i,
      )
      .map((x) => x.e);
  }
}
