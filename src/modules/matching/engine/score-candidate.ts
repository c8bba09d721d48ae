import { currencyExponent } from '../../../shared/money/index.ts';
import type { PayerMatch } from './find-payers.ts';
import type { ReferenceHit, ReferenceStrength } from './find-references.ts';
import type { Reason } from './matching.types.ts';
import type { AmountKind, Settlement } from './settle-amount.ts';

/**
 * Confidence of one candidate from its evidence. The table is deliberately conservative: only a
 * named invoice, or a known payer with a single unambiguous amount, reaches the auto range; a
 * similar-looking name needs a high score and an amount no other customer has open.
 */
export type Evidence = {
  settlement: Settlement;
  reference: ReferenceStrength | null;
  /** The candidate uses only some of the invoices the text names. */
  referencePartlyUsed: boolean;
  payer: PayerMatch | null;
  /** A known account, alias or exact name points at another customer, not this one. */
  payerConflict: boolean;
  /** No other customer has this amount open (in the line's currency). */
  amountUnique: boolean;
  currencyMismatch: boolean;
  /** How many invoices the customer has open in the currency. */
  openCount: number;
};

const BY_REFERENCE: Record<ReferenceStrength, Record<AmountKind, number>> = {
  exact: {
    exact: 0.995,
    subset: 0.995,
    within_tolerance: 0.97,
    over_within_tolerance: 0.97,
    overpayment: 0.94,
    partial: 0.93,
    on_account: 0,
  },
  prefixed: {
    exact: 0.99,
    subset: 0.99,
    within_tolerance: 0.96,
    over_within_tolerance: 0.96,
    overpayment: 0.92,
    partial: 0.91,
    on_account: 0,
  },
  keyword: {
    exact: 0.95,
    subset: 0.95,
    within_tolerance: 0.9,
    over_within_tolerance: 0.9,
    overpayment: 0.8,
    partial: 0.75,
    on_account: 0,
  },
};

/** For a payer known by account, alias or exact name (a fuzzy name is scored apart). */
const BY_PAYER: Record<'account' | 'alias' | 'name_exact', Record<AmountKind, number>> = {
  account: {
    exact: 0.99,
    subset: 0.96,
    within_tolerance: 0.95,
    over_within_tolerance: 0.94,
    overpayment: 0.75,
    partial: 0.7,
    on_account: 0.6,
  },
  alias: {
    exact: 0.985,
    subset: 0.95,
    within_tolerance: 0.94,
    over_within_tolerance: 0.93,
    overpayment: 0.72,
    partial: 0.68,
    on_account: 0.58,
  },
  name_exact: {
    exact: 0.97,
    subset: 0.94,
    within_tolerance: 0.92,
    over_within_tolerance: 0.91,
    overpayment: 0.7,
    partial: 0.66,
    on_account: 0.55,
  },
};

function isStrongPayer(p: PayerMatch | null): boolean {
  return p !== null && !p.shared && (p.via !== 'name' || p.score >= 0.85);
}

function byFuzzyName(e: Evidence, score: number): number {
  const kind = e.settlement.kind;
  if (kind === 'exact') {
    // One typo in ten letters scores ~0.9; a different company sharing a word, ~0.6.
    if (score >= 0.88 && e.amountUnique) return 0.93;
    if (score >= 0.8 && e.amountUnique) return 0.87;
    return 0.85 * score;
  }
  if (kind === 'subset') return score >= 0.9 ? 0.85 : 0.7 * score;
  if (kind === 'within_tolerance' || kind === 'over_within_tolerance')
    return score >= 0.9 ? 0.82 : 0.7 * score;
  return 0.6 * score;
}

export function confidenceOf(e: Evidence): number {
  const s = e.settlement;
  let c: number;
  if (e.reference) {
    c = BY_REFERENCE[e.reference][s.kind];
    if (e.referencePartlyUsed) c -= 0.02;
    if (isStrongPayer(e.payer)) c = Math.min(0.999, c + (e.reference === 'keyword' ? 0.04 : 0.005));
    else if (e.payerConflict) c *= 0.85;
  } else if (e.payer) {
    const p = e.payer;
    c = p.via === 'name' ? byFuzzyName(e, p.score) : BY_PAYER[p.via][s.kind];
    // Paid less or more than all that is open, but the customer has only this one invoice.
    if (p.via !== 'name' && (s.kind === 'partial' || s.kind === 'overpayment') && e.openCount === 1) c = 0.9;
    if (p.shared) c = Math.min(c, 0.8);
  } else {
    // Amount alone: a hint for the reviewer, never applied by itself.
    c = s.kind === 'exact' && e.amountUnique ? 0.6 : 0;
  }
  if (s.solutions > 1) c = Math.min(c, 0.8);
  if (e.currencyMismatch) c = Math.min(c, 0.7);
  return Math.round(c * 1000) / 1000;
}

const exponents = new Map<string, number>();

/** Minor units (a safe integer) as a decimal string in major units, for the reasons shown to people. */
function decimal(minor: number, currency: string): string {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    try {
      exponent = currencyExponent(currency);
    } catch {
      exponent = 2; // an unknown code still shows its amount; two decimals is the common case
    }
    exponents.set(currency, exponent);
  }
  if (exponent === 0) return String(minor);
  const abs = Math.abs(minor);
  const unit = 10 ** exponent;
  const whole = Math.floor(abs / unit);
  const fraction = String(abs - whole * unit).padStart(exponent, '0');
  return `${minor < 0 ? '-' : ''}${whole}.${fraction}`;
}

export function reasonsOf(e: Evidence, hits: ReferenceHit[], amount: number, currency: string): Reason[] {
  const reasons: Reason[] = [];
  const s = e.settlement;
  const numbers = s.invoices.map((i) => i.number).join(', ');
  if (e.reference) {
    const written = hits.map((h) => h.written).join(', ');
    reasons.push({
      code: e.reference === 'exact' ? 'reference_exact' : 'reference_fuzzy',
      params: { invoices: hits.map((h) => h.invoice.number).join(', '), written },
    });
  }
  if (e.payer) {
    const p = e.payer;
    if (p.via === 'account') reasons.push({ code: 'payer_account', params: { customerId: p.customerId } });
    else if (p.via === 'alias') reasons.push({ code: 'payer_alias', params: { customerId: p.customerId } });
    else
      reasons.push({
        code: 'payer_name',
        params: { customerId: p.customerId, similarity: Math.round(p.score * 100) / 100 },
      });
  }
  const due = s.invoices.reduce((a, i) => a + Number(i.openMinor), 0);
  const params = { invoices: numbers, amount: decimal(amount, currency), due: decimal(due, currency) };
  switch (s.kind) {
    case 'exact':
      reasons.push({ code: 'amount_exact', params });
      break;
    case 'subset':
      reasons.push({ code: 'amount_subset', params: { ...params, count: s.invoices.length } });
      break;
    case 'within_tolerance':
      reasons.push({
        code: 'amount_within_tolerance',
        params: { ...params, difference: decimal(s.difference, currency) },
      });
      break;
    case 'over_within_tolerance':
      reasons.push({
        code: 'amount_within_tolerance',
        params: { ...params, difference: decimal(-s.unapplied, currency) },
      });
      reasons.push({ code: 'overpayment', params: { ...params, unapplied: decimal(s.unapplied, currency) } });
      break;
    case 'overpayment':
      reasons.push({ code: 'overpayment', params: { ...params, unapplied: decimal(s.unapplied, currency) } });
      break;
    case 'partial':
      reasons.push({ code: 'partial', params });
      break;
    case 'on_account':
      break;
    default:
      s.kind satisfies never;
  }
  if (s.solutions > 1)
    reasons.push({ code: 'ambiguous', params: { within: 'customer', solutions: s.solutions } });
  return reasons;
}
