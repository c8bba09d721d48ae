import { type Random, seededRandom } from '../../src/modules/demo/demo-random.ts';
import type { BankLine } from '../../src/modules/matching/engine/matching.types.ts';
import { addDays } from '../../src/shared/time/index.ts';
import { AS_OF, accountNumber, type Customer, type Ledger, strangerName } from './matching-generate.ts';
import { nameVariant, noisyReference } from './matching-names.ts';

/**
 * Bank lines with their truth, in the default mix. Every invoice is paid by at most one
 * line, so a line's truth is exact. Where an amount alone names the invoice (no reference), the
 * truth is the customer's OLDEST open invoice of that amount not already paid by another line:
 * customers pay oldest first, and a matcher cannot know better from the line.
 */
export type LineKind =
  | 'reference'
  | 'customer_amount'
  | 'several'
  | 'partial'
  | 'short'
  | 'fuzzy_name'
  | 'none';

export const MIX: readonly (readonly [LineKind, number])[] = [
  ['reference', 0.4],
  ['customer_amount', 0.2],
  ['several', 0.1],
  ['partial', 0.1],
  ['short', 0.05],
  ['fuzzy_name', 0.1],
  ['none', 0.05],
];

export type Truth = {
  kind: LineKind;
  customerId: string | null;
  /** Sorted by invoice id. */
  allocations: { invoiceId: string; amountMinor: bigint }[];
  differenceMinor: bigint;
};

export type Statement = { lines: BankLine[]; truths: Truth[] };

const GENERIC = [
  '货款',
  '支付货款',
  '付货款',
  '11月货款',
  'PAYMENT FOR GOODS',
  'TT payment',
  '转账',
  'payment',
];
const PARTIAL = ['部分付款', '首付款', 'partial payment', '预付'];
const NONE = ['退款', '押金', 'deposit', '往来款', 'refund', null];

export function generateStatement(ledger: Ledger, lineCount: number, seed: number): Statement {
  const rng = seededRandom(seed ^ 0x5eed);
  const used = new Uint8Array(ledger.invoices.length);
  const cores = new Set(ledger.customers.map((c) => c.company.core));
  const known = new Set(ledger.customers.flatMap((c) => c.accounts));
  const kinds = quotas(rng, lineCount);
  const lines: BankLine[] = [];
  const truths: Truth[] = [];

  const unusedInvoice = (minOpen = 0): number => {
    for (let tries = 0; tries < 1_000_000; tries++) {
      const n = rng.int(0, ledger.invoices.length - 1);
      if (!used[n] && (ledger.openMinor[n] as number) > minOpen) return n;
    }
    throw new Error('the ledger has too few open invoices for this many lines: lower --lines');
  };
  /** The customer's oldest unpaid invoice with the same open amount as invoice n (FIFO). */
  const oldestAlike = (n: number): number => {
    const c = ledger.customers[ledger.customerOf[n] as number] as Customer;
    for (const m of c.invoices) if (!used[m] && ledger.openMinor[m] === ledger.openMinor[n]) return m;
    return n;
  };
  const unknownAccount = (currency: string) => {
    let a: string;
    do a = accountNumber(rng, currency);
    while (known.has(a));
    return a;
  };
  const payerBy = (c: Customer, how: 'identified' | 'any' | 'fuzzy') => {
    const cur = c.company.currency;
    if (how === 'fuzzy')
      return { name: nameVariant(rng, c.company), account: rng.chance(0.5) ? null : unknownAccount(cur) };
    const account =
      c.accounts.length > 0 && (how === 'identified' || rng.chance(0.5)) ? rng.pick(c.accounts) : null;
    if (how === 'identified' && !account)
      return { name: c.company.name, account: rng.chance(0.5) ? null : unknownAccount(cur) };
    const name = rng.weighted([
      [c.company.name, 5],
      [nameVariant(rng, c.company), account ? 3 : 2],
      [null, account ? 2 : 0],
    ] as const);
    return { name: name ?? (account ? null : c.company.name), account };
  };

  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i] as LineKind;
    let n = unusedInvoice(kind === 'short' ? 10_000 : 0);
    if (kind === 'customer_amount' || kind === 'fuzzy_name') n = oldestAlike(n);
    const c = ledger.customers[ledger.customerOf[n] as number] as Customer;
    const inv = ledger.invoices[n];
    if (!inv) throw new Error('invoice out of range');
    let pays: { n: number; amount: number }[] = [{ n, amount: ledger.openMinor[n] as number }];
    let payer = payerBy(c, 'any');
    let remittance: string | null = rng.pick(GENERIC);
    let difference = 0;
    let amount = ledger.openMinor[n] as number;
    let currency = inv.currency;
    let customerId: string | null = c.id;
    switch (kind) {
      case 'reference':
        remittance = withText(rng, noisyReference(rng, n + 1));
        break;
      case 'customer_amount':
        payer = payerBy(c, 'identified');
        break;
      case 'fuzzy_name':
        payer = payerBy(c, 'fuzzy');
        break;
      case 'several': {
        const open = c.invoices.filter((m) => !used[m] && m !== n);
        if (open.length === 0) {
          i--; // this customer has one open invoice left: draw another
          continue;
        }
        // With the references listed, any invoices; without, the oldest ones (a customer clearing its backlog).
        const listed = rng.chance(0.4);
        const k = rng.int(1, 4);
        const chosen = listed
          ? [n, ...rng.shuffle(open).slice(0, k)]
          : c.invoices.filter((m) => !used[m]).slice(0, k + 1);
        pays = chosen.map((m) => ({ n: m, amount: ledger.openMinor[m] as number }));
        amount = pays.reduce((acc, p) => acc + p.amount, 0);
        payer = payerBy(c, 'identified');
        if (listed) remittance = pays.map((p) => noisyReference(rng, p.n + 1)).join(' ');
        break;
      }
      case 'partial':
        amount = Math.max(
          100,
          Math.round(((ledger.openMinor[n] as number) * (0.3 + 0.6 * rng.next())) / 100) * 100,
        );
        pays = [{ n, amount }];
        remittance = `${rng.pick(PARTIAL)} ${noisyReference(rng, n + 1)}`;
        break;
      case 'short': {
        difference = rng.int(1, 100);
        amount -= difference;
        if (rng.chance(0.5)) remittance = withText(rng, noisyReference(rng, n + 1));
        else {
          payer = payerBy(c, 'identified');
          n = oldestAlike(n);
        }
        pays = [{ n, amount }];
        break;
      }
      case 'none':
        pays = [];
        remittance = rng.pick(NONE);
        if (rng.chance(0.5)) {
          payer = { name: strangerName(rng, cores), account: unknownAccount(currency) };
          amount = Math.round(rng.logNormal(2_000_000, 1)) + 1;
          customerId = null;
        } else {
          payer = payerBy(c, 'identified');
          amount = unlikeAny(rng, ledger, c);
          customerId = null;
          currency = c.company.currency;
        }
        break;
    }
    for (const p of pays) used[p.n] = 1;
    lines.push({
      id: `line-${i + 1}`,
      bookingDate: addDays(AS_OF, -rng.int(0, 9)),
      amountMinor: BigInt(amount),
      currency,
      counterpartyName: payer.name,
      counterpartyAccount: payer.account,
      remittance,
      endToEndId: null,
    });
    truths.push({
      kind,
      customerId,
      allocations: pays
        .map((p) => ({
          invoiceId: (ledger.invoices[p.n] as { id: string }).id,
          amountMinor: BigInt(p.amount),
        }))
        .sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1)),
      differenceMinor: BigInt(difference),
    });
  }
  return { lines, truths };
}

function withText(rng: Random, reference: string): string {
  return rng.weighted([
    [reference, 4],
    [`${rng.pick(GENERIC)} ${reference}`, 3],
    [`${reference} ${rng.pick(GENERIC)}`, 2],
  ] as const);
}

/** An amount more than 1.00 away from every open invoice of the customer (and from all of them together). */
function unlikeAny(rng: Random, ledger: Ledger, c: Customer): number {
  const open = c.invoices.map((m) => ledger.openMinor[m] as number);
  const total = open.reduce((a, b) => a + b, 0);
  for (;;) {
    const amount = Math.round(rng.logNormal(1_000_000, 1)) + 1;
    if (Math.abs(amount - total) > 100 && open.every((o) => Math.abs(o - amount) > 100)) return amount;
  }
}

/** Exactly the mix's share of each kind (the rest to references), in a seeded random order. */
function quotas(rng: Random, count: number): LineKind[] {
  const out: LineKind[] = [];
  for (const [kind, share] of MIX.slice(1))
    for (let i = Math.round(count * share); i > 0; i--) out.push(kind);
  while (out.length < count) out.push('reference');
  return rng.shuffle(out.slice(0, count));
}
