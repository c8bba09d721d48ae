import type { OpenInvoice, Payer } from './matching.types.ts';
import { normalisePayerName } from './payer-name.ts';
import { buildReferencePatterns, type ReferencePatterns } from './reference-patterns.ts';
import { type Book, open } from './settle-amount.ts';
import { normaliseAccount, normaliseInvoiceNumber, numberPrefix, numericCore } from './text-normalise.ts';

/**
 * Everything the engine looks up, built once per run. Every lookup is a Map hit; the fuzzy name
 * search goes through an inverted index of distinctive tokens, never over all payers.
 */
export type MatchIndex = {
  invoiceByNumber: Map<string, OpenInvoice>;
  /** Numeric core -> invoice(s): INV-00123 and inv 123 meet at 123. */
  invoicesByCore: Map<number, OpenInvoice | OpenInvoice[]>;
  patterns: ReferencePatterns;
  /** A customer's open invoices, oldest due first, with their currency when they share one (else null). */
  invoicesByCustomer: Map<string, CustomerBook>;
  /** currency -> open amount -> the one customer holding it, or '' when several customers do. */
  amountHolder: Map<string, Map<number, string>>;
  payers: Payer[];
  payerIndexById: Map<string, number>;
  customersByAccount: Map<string, string[]>;
  customersByAlias: Map<string, string[]>;
  /** Exact normalised name (or legal name) core -> customers. */
  customersByName: Map<string, string[]>;
  /** The same without a leading city, for names that carry one (上海宏达机械 -> 宏达机械). */
  customersByBareName: Map<string, string[]>;
  /** Per payer: the names compared by similarity (name, legal name). */
  nameCores: NameKey[][];
  postings: Map<string, number[]>;
  /** One weight per payer for the fuzzy search to accumulate into (kept zeroed between lines). */
  scratchWeights: Float64Array;
  /** Tokens held by more payers than this are too common to block on. */
  maxTokenFrequency: number;
};

export type CustomerBook = Book & { currency: string | null };

export type NameKey = { core: string; bare: string };

export type BuildMatchIndexInput = { invoices: readonly OpenInvoice[]; payers: readonly Payer[] };

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function byOldestDue(a: OpenInvoice, b: OpenInvoice): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

function indexInvoices(index: MatchIndex, invoices: readonly OpenInvoice[]): void {
  const prefixCounts = new Map<string, number>();
  for (const invoice of invoices) {
    if (invoice.openMinor <= 0n) continue;
    if (invoice.openMinor > MAX_SAFE) {
      throw new RangeError(`invoice ${invoice.number}: open amount beyond the engine's range`);
    }
    const open = Number(invoice.openMinor);
    index.invoiceByNumber.set(normaliseInvoiceNumber(invoice.number), invoice);
    const core = numericCore(invoice.number);
    if (core !== null) {
      const held = index.invoicesByCore.get(core);
      if (held === undefined) index.invoicesByCore.set(core, invoice);
      else if (Array.isArray(held)) held.push(invoice);
      else index.invoicesByCore.set(core, [held, invoice]);
    }
    const prefix = numberPrefix(invoice.number);
    if (prefix) prefixCounts.set(prefix, (prefixCounts.get(prefix) ?? 0) + 1);
    const own = index.invoicesByCustomer.get(invoice.customerId);
    if (own === undefined) {
      index.invoicesByCustomer.set(invoice.customerId, {
        invoices: [invoice],
        opens: [],
        currency: invoice.currency,
      });
    } else {
      own.invoices.push(invoice);
      if (own.currency !== invoice.currency) own.currency = null;
    }
    let amounts = index.amountHolder.get(invoice.currency);
    if (amounts === undefined) {
      amounts = new Map();
      index.amountHolder.set(invoice.currency, amounts);
    }
    const holder = amounts.get(open);
    if (holder === undefined) amounts.set(open, invoice.customerId);
    else if (holder !== invoice.customerId) amounts.set(open, '');
  }
  for (const book of index.invoicesByCustomer.values()) {
    if (book.invoices.length > 1) book.invoices.sort(byOldestDue);
    book.opens = book.invoices.map(open);
  }
  const prefixes = [...prefixCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 50)
    .map(([p]) => p);
  index.patterns = buildReferencePatterns(prefixes);
}

function indexPayers(index: MatchIndex, payers: readonly Payer[]): void {
  payers.forEach((payer, i) => {
    index.payers.push(payer);
    index.payerIndexById.set(payer.customerId, i);
    for (const account of payer.accounts) {
      const key = normaliseAccount(account);
      if (key.length >= 4) push(index.customersByAccount, key, payer.customerId);
    }
    for (const alias of payer.aliases) {
      const core = normalisePayerName(alias).core;
      if (core) push(index.customersByAlias, core, payer.customerId);
    }
    const cores: NameKey[] = [];
    const tokens = new Set<string>();
    for (const name of payer.legalName ? [payer.name, payer.legalName] : [payer.name]) {
      const normalised = normalisePayerName(name);
      if (!normalised.core || cores.some((c) => c.core === normalised.core)) continue;
      cores.push({ core: normalised.core, bare: normalised.bare });
      push(index.customersByName, normalised.core, payer.customerId);
      if (normalised.bare !== normalised.core)
        push(index.customersByBareName, normalised.bare, payer.customerId);
      for (const token of normalised.tokens) tokens.add(token);
    }
    index.nameCores.push(cores);
    for (const token of tokens) {
      const list = index.postings.get(token);
      if (list === undefined) index.postings.set(token, [i]);
      else list.push(i);
    }
  });
  index.maxTokenFrequency = Math.max(20, Math.ceil(payers.length * 0.01));
  index.scratchWeights = new Float64Array(payers.length);
}

export function buildMatchIndex(input: BuildMatchIndexInput): MatchIndex {
  const index: MatchIndex = {
    invoiceByNumber: new Map(),
    invoicesByCore: new Map(),
    patterns: buildReferencePatterns([]),
    invoicesByCustomer: new Map(),
    amountHolder: new Map(),
    payers: [],
    payerIndexById: new Map(),
    customersByAccount: new Map(),
    customersByAlias: new Map(),
    customersByName: new Map(),
    customersByBareName: new Map(),
    nameCores: [],
    postings: new Map(),
    scratchWeights: new Float64Array(0),
    maxTokenFrequency: 20,
  };
  indexInvoices(index, input.invoices);
  indexPayers(index, input.payers);
  return index;
}
