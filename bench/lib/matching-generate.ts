import { seededRandom } from '../../src/modules/demo/demo-random.ts';
import type { OpenInvoice, Payer } from '../../src/modules/matching/engine/matching.types.ts';
import { addDays, type BusinessDate } from '../../src/shared/time/index.ts';
import { type CompanyName, chineseName, foreignName } from './matching-names.ts';

/**
 * The matching benchmark's ledger: customers with unique names (8% foreign, in USD or EUR), open
 * invoices INV-000001… issued over the 180 days before the statement's last ten days, and the payers' known accounts
 * (about half the customers). One customer in ten bills a fixed fee, so most of its invoices are
 * for the same amount, and 30% of the other amounts are round hundreds that several customers share:
 * an amount alone is often not enough.
 */
export const AS_OF = '2026-11-20' as BusinessDate;
const SPAN_DAYS = 180;

export type Customer = {
  id: string;
  code: string;
  company: CompanyName;
  accounts: string[];
  /** Indices into `Ledger.invoices`, oldest first. */
  invoices: number[];
};

export type Ledger = {
  customers: Customer[];
  invoices: OpenInvoice[];
  /** Open amount of each invoice as a number of minor units (safe integers), for the generator's loops. */
  openMinor: Float64Array;
  customerOf: Int32Array;
  payers: Payer[];
};

export type LedgerSize = { customers: number; invoices: number; seed: number };

export function invoiceNumber(n: number): string {
  return `INV-${String(n).padStart(6, '0')}`;
}

export function accountNumber(rng: ReturnType<typeof seededRandom>, currency: string): string {
  const digits = (n: number) => {
    let s = '';
    while (s.length < n) s += String(rng.int(0, 9));
    return s;
  };
  if (currency === 'EUR') return `DE${digits(20)}`;
  if (currency === 'USD') return digits(12);
  return rng.chance(0.5) ? `6222${digits(15)}` : `3100${digits(12)}`;
}

export function generateLedger(size: LedgerSize): Ledger {
  const rng = seededRandom(size.seed);
  const taken = new Set<string>();
  const customers: Customer[] = [];
  const weights = new Float64Array(size.customers);
  const typical = new Float64Array(size.customers);
  const fixedFee = new Float64Array(size.customers);
  for (let i = 0; i < size.customers; i++) {
    let company: CompanyName;
    do company = rng.chance(0.08) ? foreignName(rng) : chineseName(rng);
    while (taken.has(company.core));
    taken.add(company.core);
    const id = `cust-${i + 1}`;
    const accounts = rng.chance(0.5) ? [accountNumber(rng, company.currency)] : [];
    if (accounts.length > 0 && rng.chance(0.2)) accounts.push(accountNumber(rng, company.currency));
    customers.push({ id, code: `C${String(i + 1).padStart(6, '0')}`, company, accounts, invoices: [] });
    weights[i] = rng.logNormal(1, 0.9);
    const units = company.isChinese ? rng.logNormal(22_000, 0.8) : rng.logNormal(9_000, 0.7);
    const usual = Math.round(Math.min(500_000, Math.max(300, units)) * 100);
    typical[i] = usual;
    fixedFee[i] = rng.chance(0.1) ? Math.round(usual / 10_000) * 10_000 || 100_000 : 0;
  }
  // Weighted draw of a customer per invoice: cumulative weights and a binary search.
  const cumulative = new Float64Array(size.customers);
  let sum = 0;
  for (let i = 0; i < size.customers; i++) cumulative[i] = sum += weights[i] as number;
  const invoices: OpenInvoice[] = new Array(size.invoices);
  const openMinor = new Float64Array(size.invoices);
  const customerOf = new Int32Array(size.invoices);
  // Issued up to ten days before the as-of date: the statement's lines (the last ten days) come after.
  const start = addDays(AS_OF, -SPAN_DAYS - 10);
  for (let n = 0; n < size.invoices; n++) {
    const c = n < size.customers ? n : lowerBound(cumulative, rng.next() * sum);
    const customer = customers[c] as Customer;
    const fee = fixedFee[c] as number;
    let amount: number;
    if (fee > 0 && rng.chance(0.7)) amount = fee;
    else {
      amount = Math.max(100, Math.round((typical[c] as number) * rng.logNormal(1, 0.6)));
      if (rng.chance(0.3)) amount = Math.max(10_000, Math.round(amount / 10_000) * 10_000);
    }
    // One invoice in eight has been paid in part already.
    const open = rng.chance(0.12) ? Math.max(100, Math.round(amount * (0.2 + 0.6 * rng.next()))) : amount;
    const issueDate = addDays(start, Math.floor((n * SPAN_DAYS) / size.invoices));
    invoices[n] = {
      id: `inv-${n + 1}`,
      number: invoiceNumber(n + 1),
      customerId: customer.id,
      currency: customer.company.currency,
      openMinor: BigInt(open),
      issueDate,
      dueDate: addDays(issueDate, rng.chance(0.6) ? 30 : 60),
    };
    openMinor[n] = open;
    customerOf[n] = c;
    customer.invoices.push(n);
  }
  const payers: Payer[] = customers.map((c) => ({
    customerId: c.id,
    code: c.code,
    name: c.company.name,
    legalName: c.company.name,
    accounts: c.accounts,
    // A few customers have paid under their English or pinyin name before and a user confirmed it.
    aliases: c.company.isChinese && rng.chance(0.03) ? [c.company.latin] : [],
  }));
  return { customers, invoices, openMinor, customerOf, payers };
}

function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Names of companies that are not customers (for lines with no true match), unique like the rest. */
export function strangerName(rng: ReturnType<typeof seededRandom>, cores: ReadonlySet<string>): string {
  for (;;) {
    const company = rng.chance(0.1) ? foreignName(rng) : chineseName(rng);
    if (!cores.has(company.core)) return company.name;
  }
}
