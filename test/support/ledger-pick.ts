import { addDays, type BusinessDate } from '../../src/shared/time/index.ts';
import type { LedgerModel } from './ledger-model.ts';
import type { DateSpec } from './ledger-ops.ts';
import { BASE_CURRENCY, RATE_CHOICES, USD_RATES, WINDOW_START } from './ledger-ops.ts';
import type { Reasons, Source } from './ledger-oracle.ts';
import type { InvoiceRow } from './ledger-rows.ts';

/** Resolving an operation's references, dates, currencies and amounts against the run so far. */
export type LedgerCustomer = { id: string; code: string; currency: 'CNY' | 'USD' };

/** Ids of the documents created so far, in creation order: what an op's `ref` indexes. */
export type Registry = {
  invoices: string[];
  creditNotes: string[];
  receipts: string[];
  allocations: string[];
  writeOffs: string[];
};

export function customerAt(customers: LedgerCustomer[], i: number): LedgerCustomer {
  const c = customers[i % customers.length];
  if (!c) throw new Error('no customers');
  return c;
}

/** The USD customer's documents are in USD at an explicit rate, one in five in CNY. */
export function docCurrency(c: LedgerCustomer, alt: boolean, rate: number) {
  if (c.currency === 'USD' && !alt)
    return { currency: 'USD', fx: { fx_rate: USD_RATES[rate % USD_RATES.length] ?? '7' } };
  // Small numbers (what fast-check shrinks to) mean no rate: shrunk cases stay plain.
  if (rate === RATE_CHOICES - 1) return { currency: 'CNY', fx: { fx_rate: '7.1' } };
  if (rate >= RATE_CHOICES - 3) return { currency: 'CNY', fx: { fx_rate: rate % 2 ? '1' : '1.0000' } };
  return { currency: 'CNY', fx: {} };
}

/** The base currency converts to itself at 1: a document in it with another rate is refused. */
export function rateReasons(currency: string, fx: { fx_rate?: string }): Reasons {
  const bad = currency === BASE_CURRENCY && fx.fx_rate !== undefined && Number(fx.fx_rate) !== 1;
  return new Set(bad ? ['VALIDATION_FAILED'] : []);
}

export function pick(list: readonly string[], ref: number): string | undefined {
  return list.length === 0 ? undefined : list[ref % list.length];
}

export function other(kind: Source['kind']): Source['kind'] {
  return kind === 'receipt' ? 'credit_note' : 'receipt';
}

/** An invoice of the customer given, or of anyone when null. */
export function pickInvoice(
  m: LedgerModel,
  reg: Registry,
  ref: number,
  customerId: string | null,
): InvoiceRow | null {
  const all = reg.invoices.map((id) => m.invoice(id));
  const list = customerId === null ? all : all.filter((i) => i.customerId === customerId);
  return list.length === 0 ? null : (list[ref % list.length] ?? null);
}

export function sourceOf(m: LedgerModel, kind: 'receipt' | 'credit_note', id: string): Source {
  if (kind === 'receipt') {
    const r = m.receipt(id);
    return {
      kind,
      id,
      customerId: r.customerId,
      currency: r.currency,
      date: r.date,
      amountMinor: r.amountMinor,
    };
  }
  const n = m.creditNote(id);
  return {
    kind,
    id,
    customerId: n.customerId,
    currency: n.currency,
    date: n.date,
    amountMinor: n.totalMinor,
  };
}

export function newSource(
  kind: Source['kind'],
  customerId: string,
  currency: string,
  date: string,
  amount: number,
): Source {
  return { kind, id: `planned-${kind}`, customerId, currency, date, amountMinor: BigInt(amount) };
}

/** The later of two YYYY-MM-DD dates (they compare as text). */
export function later(a: string, b: string): string {
  return [a, b].sort()[1] ?? a;
}

export function dateAt(day: number): string {
  return addDays(WINDOW_START as BusinessDate, day);
}

/** A DateSpec as a date, relative ones counted from `anchor`; null when the use case picks today. */
export function dateOf(spec: DateSpec, anchor: string): string | null {
  if ('today' in spec) return null;
  if ('abs' in spec) return dateAt(spec.abs);
  return addDays(anchor as BusinessDate, spec.rel);
}

/** VAT included in a gross amount, rounded to the fen: the split is not under test. */
export function taxOf(gross: number, pct: number): number {
  return Math.round((gross * pct) / (100 + pct));
}

/** Minor units of a 2-decimal currency as the API's decimal text. */
export function dec(minor: number | bigint): string {
  const n = BigInt(minor);
  const abs = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function union(a: Reasons, b: Reasons): Reasons {
  return new Set([...a, ...b]);
}

export function j(x: unknown): string {
  return JSON.stringify(x);
}
