import type { MatchIndex } from './build-match-index.ts';
import type { OpenInvoice } from './matching.types.ts';
import {
  normaliseInvoiceNumber,
  numberPrefix,
  numericCore,
  ocrDigits,
  toHalfWidth,
} from './text-normalise.ts';

/**
 * How sure the text names the invoice: 'exact' = the whole number as written (INV-00123, INV00123);
 * 'prefixed' = the org's prefix with the number's core or OCR noise (inv 123, I NV-0O123);
 * 'keyword' = a keyword such as 发票号 or No. with the core.
 */
export type ReferenceStrength = 'exact' | 'prefixed' | 'keyword';
export type ReferenceHit = { invoice: OpenInvoice; strength: ReferenceStrength; written: string };

const RANK: Record<ReferenceStrength, number> = { exact: 3, prefixed: 2, keyword: 1 };
const DATE_LIKE = /^(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])$/;
const MAX_RANGE = 20;

type Mode = 'prefix' | 'strong' | 'weak';

function coreCandidates(index: MatchIndex, core: number): OpenInvoice[] {
  const held = index.invoicesByCore.get(core);
  return held === undefined ? [] : Array.isArray(held) ? held : [held];
}

function lookup(
  index: MatchIndex,
  prefix: string,
  raw: string,
  mode: Mode,
  hits: Map<OpenInvoice, ReferenceHit>,
): void {
  const add = (invoice: OpenInvoice, strength: ReferenceStrength) => {
    const seen = hits.get(invoice);
    if (seen === undefined || RANK[strength] > RANK[seen.strength]) {
      hits.set(invoice, { invoice, strength, written: `${prefix}${prefix ? ' ' : ''}${raw}` });
    }
  };
  const digits = raw.replace(/-/g, '');
  const fixed = ocrDigits(digits);
  const isClean = fixed === digits;
  const whole = index.invoiceByNumber.get(`${prefix}${fixed}`);
  if (whole) {
    add(whole, isClean ? 'exact' : 'prefixed');
    return;
  }
  if (mode !== 'prefix') {
    const bare = index.invoiceByNumber.get(fixed);
    if (bare) {
      add(bare, isClean ? 'exact' : 'keyword');
      return;
    }
  }
  // A date is never read through its core: 2025-01-23 must not become INV-20250123 or INV-23.
  if (DATE_LIKE.test(raw) || DATE_LIKE.test(digits)) return;
  const core = numericCore(ocrDigits(raw));
  if (core === null) return;
  // After a weak keyword (No., #) a short number is too likely a quantity or a house number.
  if (mode === 'weak' && core < 100) return;
  const candidates = coreCandidates(index, core);
  if (mode === 'prefix') {
    for (const invoice of candidates) if (numberPrefix(invoice.number) === prefix) add(invoice, 'prefixed');
  } else {
    for (const invoice of candidates) add(invoice, 'keyword');
  }
}

/** Whole tokens equal to an invoice number as the org writes it (numbers without prefix, odd shapes). */
function findBareNumbers(index: MatchIndex, text: string, hits: Map<OpenInvoice, ReferenceHit>): void {
  for (const token of text.match(/[A-Z0-9][A-Z0-9\-/]*[A-Z0-9]/g) ?? []) {
    if (token.length < 4 || !/[0-9]/.test(token) || DATE_LIKE.test(token)) continue;
    const invoice = index.invoiceByNumber.get(normaliseInvoiceNumber(token));
    if (invoice && !hits.has(invoice)) hits.set(invoice, { invoice, strength: 'exact', written: token });
  }
}

/** The invoices a remittance text (and end-to-end id) refers to, strongest first. */
export function findReferences(index: MatchIndex, ...texts: (string | null)[]): ReferenceHit[] {
  const hits = new Map<OpenInvoice, ReferenceHit>();
  const { main, continuation, range } = index.patterns;
  for (const input of texts) {
    if (!input) continue;
    const text = toHalfWidth(input).toUpperCase();
    main.lastIndex = 0;
    for (let m = main.exec(text); m !== null; m = main.exec(text)) {
      const prefix = m[1] ? m[1].replace(/\s/g, '') : '';
      const mode: Mode = m[1] ? 'prefix' : m[2] ? 'strong' : 'weak';
      const first = m[4] ?? '';
      lookup(index, prefix, first, mode, hits);
      range.lastIndex = main.lastIndex;
      const end = range.exec(text);
      if (end?.[1]) {
        expandRange(index, prefix, first, end[1], mode, hits);
        main.lastIndex = range.lastIndex;
      }
      continuation.lastIndex = main.lastIndex;
      for (let c = continuation.exec(text); c?.[1]; c = continuation.exec(text)) {
        lookup(index, prefix, c[1], mode === 'weak' ? 'weak' : mode, hits);
        main.lastIndex = continuation.lastIndex;
      }
    }
    findBareNumbers(index, text, hits);
  }
  return [...hits.values()].sort((a, b) => RANK[b.strength] - RANK[a.strength]);
}

function expandRange(
  index: MatchIndex,
  prefix: string,
  from: string,
  to: string,
  mode: Mode,
  hits: Map<OpenInvoice, ReferenceHit>,
): void {
  const a = numericCore(ocrDigits(from));
  const b = numericCore(ocrDigits(to));
  if (a === null || b === null || b <= a || b - a > MAX_RANGE) return;
  const width = ocrDigits(from).replace(/-/g, '').length;
  for (let n = a + 1; n <= b; n++) lookup(index, prefix, String(n).padStart(width, '0'), mode, hits);
}
