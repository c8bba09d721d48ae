import type { CustomerBook, MatchIndex } from './build-match-index.ts';
import { findPayers, type PayerMatch } from './find-payers.ts';
import { findReferences, type ReferenceHit, type ReferenceStrength } from './find-references.ts';
import type { BankLine, MatchSettings, OpenInvoice, Proposal, Reason } from './matching.types.ts';
import { confidenceOf, type Evidence, reasonsOf } from './score-candidate.ts';
import {
  type Book,
  bookOf,
  open,
  type Settlement,
  settleForCustomer,
  settleReferenced,
  settleSet,
} from './settle-amount.ts';

type Candidate = Omit<Proposal, 'alternatives' | 'decision'> & { key: string };

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_PAYERS = 4;
const ALTERNATIVES = 3;
/** Two candidates this close in confidence are a toss-up: a person decides. */
const AMBIGUITY_GAP = 0.05;
const AMBIGUOUS_CAP = 0.85;

const RANK: Record<ReferenceStrength, number> = { exact: 3, prefixed: 2, keyword: 1 };

function strongest(hits: ReferenceHit[]): ReferenceStrength | null {
  let best: ReferenceStrength | null = null;
  for (const h of hits) if (best === null || RANK[h.strength] > RANK[best]) best = h.strength;
  return best;
}

function toCandidate(
  line: BankLine,
  customerId: string,
  s: Settlement,
  e: Evidence,
  hits: ReferenceHit[],
  amount: number,
): Candidate {
  const confidence = confidenceOf(e);
  let reasons: Reason[];
  if (e.currencyMismatch) {
    const invoiceCurrency = s.invoices[0]?.currency ?? '';
    reasons = reasonsOf({ ...e, settlement: { ...s, kind: 'on_account' } }, hits, amount, line.currency);
    reasons.push({
      code: 'currency_mismatch',
      params: {
        lineCurrency: line.currency,
        invoiceCurrency,
        invoices: s.invoices.map((i) => i.number).join(', '),
      },
    });
  } else reasons = reasonsOf(e, hits, amount, line.currency);
  const candidate: Candidate = {
    key: `${customerId}|${s.invoices.map((i) => i.id).join(',')}`,
    lineId: line.id,
    customerId,
    allocations: s.invoices.map((invoice, i) => {
      const allocation: Proposal['allocations'][number] = {
        invoiceId: invoice.id,
        amountMinor: BigInt(s.amounts[i] ?? 0),
      };
      const writeOff = s.writeOffs[i] ?? 0;
      if (writeOff > 0) allocation.writeOffMinor = BigInt(writeOff);
      return allocation;
    }),
    differenceMinor: BigInt(s.difference),
    unappliedMinor: BigInt(s.unapplied),
    confidence,
    reasons,
  };
  if (e.currencyMismatch) candidate.allocationCurrency = s.invoices[0]?.currency ?? line.currency;
  return candidate;
}

/** An FX receipt: the invoices as they stand in their own currency, for a person to convert and confirm. */
function fxSettlement(invoices: OpenInvoice[]): Settlement {
  const amounts = invoices.map(open);
  return {
    kind: 'exact',
    invoices,
    amounts,
    writeOffs: amounts.map(() => 0),
    difference: 0,
    unapplied: 0,
    solutions: 1,
  };
}

const EMPTY: Book = { invoices: [], opens: [] };

/** A customer's invoices in one currency; the stored book itself when all are in it. */
function inCurrencyOf(book: CustomerBook | undefined, currency: string): Book {
  if (book === undefined) return EMPTY;
  if (book.currency === currency) return book;
  if (book.currency !== null) return EMPTY;
  const invoices: OpenInvoice[] = [];
  const opens: number[] = [];
  book.invoices.forEach((invoice, i) => {
    if (invoice.currency === currency) {
      invoices.push(invoice);
      opens.push(book.opens[i] ?? 0);
    }
  });
  return { invoices, opens };
}

function isAmountUnique(index: MatchIndex, line: BankLine, amount: number, customerId: string): boolean {
  return index.amountHolder.get(line.currency)?.get(amount) === customerId;
}

function collectCandidates(
  index: MatchIndex,
  line: BankLine,
  amount: number,
  settings: MatchSettings,
): Candidate[] {
  const hits = findReferences(index, line.remittance, line.endToEndId);
  const payers = findPayers(index, line);
  const payerOf = new Map<string, PayerMatch>(payers.map((p) => [p.customerId, p]));
  const strongPayers = new Set(payers.filter((p) => p.via !== 'name').map((p) => p.customerId));
  const candidates: Candidate[] = [];
  const covered = new Set<string>();
  const needsUniqueness = (extra: Partial<Evidence>, customerId: string): boolean => {
    const p = extra.payer === undefined ? payerOf.get(customerId) : extra.payer;
    return p == null || p.via === 'name';
  };
  const evidence = (customerId: string, s: Settlement, extra: Partial<Evidence>): Evidence => ({
    settlement: s,
    reference: null,
    referencePartlyUsed: false,
    payer: payerOf.get(customerId) ?? null,
    payerConflict: strongPayers.size > 0 && !strongPayers.has(customerId),
    // Looked up only where it matters (a similar name, or no payer at all): a miss in a large Map.
    amountUnique: needsUniqueness(extra, customerId) && isAmountUnique(index, line, amount, customerId),
    currencyMismatch: false,
    openCount: 0,
    ...extra,
  });

  const byCustomer = new Map<string, ReferenceHit[]>();
  for (const hit of hits) {
    const list = byCustomer.get(hit.invoice.customerId);
    if (list) list.push(hit);
    else byCustomer.set(hit.invoice.customerId, [hit]);
  }
  for (const [customerId, own] of byCustomer) {
    covered.add(customerId);
    const inCurrency = own.filter((h) => h.invoice.currency === line.currency);
    if (inCurrency.length === 0) {
      const s = fxSettlement(own.map((h) => h.invoice));
      const e = evidence(customerId, s, { reference: strongest(own), currencyMismatch: true });
      candidates.push(toCandidate(line, customerId, s, e, own, amount));
      continue;
    }
    const invoices = (index.invoicesByCustomer.get(customerId)?.invoices ?? []).filter((i) =>
      inCurrency.some((h) => h.invoice === i),
    );
    const s = settleReferenced(bookOf(invoices), amount, settings);
    const used = inCurrency.filter((h) => s.invoices.includes(h.invoice));
    const e = evidence(customerId, s, {
      reference: strongest(used),
      referencePartlyUsed: used.length < inCurrency.length,
    });
    candidates.push(toCandidate(line, customerId, s, e, used, amount));
  }

  for (const payer of payers.slice(0, MAX_PAYERS)) {
    if (covered.has(payer.customerId)) continue;
    covered.add(payer.customerId);
    const all = index.invoicesByCustomer.get(payer.customerId);
    const inCurrency = inCurrencyOf(all, line.currency);
    if (all && inCurrency.invoices.length === 0) {
      const s = fxSettlement(all.invoices.slice(0, 1));
      const e = evidence(payer.customerId, s, { currencyMismatch: true, openCount: all.invoices.length });
      candidates.push(toCandidate(line, payer.customerId, s, e, [], amount));
      continue;
    }
    const s = settleForCustomer(inCurrency, amount, settings);
    const e = evidence(payer.customerId, s, { openCount: inCurrency.invoices.length });
    candidates.push(toCandidate(line, payer.customerId, s, e, [], amount));
  }

  if (candidates.length === 0) {
    // Nothing names the payer or the invoice: an amount only one customer has open is a hint.
    const holder = index.amountHolder.get(line.currency)?.get(amount);
    if (holder) {
      const own = inCurrencyOf(index.invoicesByCustomer.get(holder), line.currency).invoices.filter(
        (i) => open(i) === amount,
      );
      const first = own[0];
      if (first) {
        const s = { ...settleSet(bookOf([first]), amount, settings), solutions: own.length };
        candidates.push(
          toCandidate(
            line,
            holder,
            s,
            evidence(holder, s, { payer: null, payerConflict: false }),
            [],
            amount,
          ),
        );
      }
    }
  }
  return candidates;
}

function withoutKey(c: Candidate): Omit<Proposal, 'alternatives' | 'decision'> {
  const { key: _key, ...rest } = c;
  return rest;
}

function noMatch(line: BankLine, confidence: number, reasons: Reason[], alternatives: Candidate[]): Proposal {
  return {
    lineId: line.id,
    customerId: null,
    allocations: [],
    differenceMinor: 0n,
    unappliedMinor: line.amountMinor > 0n ? line.amountMinor : 0n,
    confidence,
    reasons,
    decision: 'none',
    alternatives: alternatives.slice(0, ALTERNATIVES).map(withoutKey),
  };
}

/** What one bank line pays, how sure the engine is, and why. Pure: reads the index only. */
export function proposeMatch(index: MatchIndex, line: BankLine, settings: MatchSettings): Proposal {
  if (line.amountMinor <= 0n || line.amountMinor > MAX_SAFE) return noMatch(line, 0, [], []);
  const amount = Number(line.amountMinor);
  const candidates = collectCandidates(index, line, amount, settings).sort(
    (a, b) => b.confidence - a.confidence,
  );
  const best = candidates[0];
  if (best === undefined) return noMatch(line, 0, [], []);
  const rest = candidates.slice(1).filter((c) => c.key !== best.key);
  let isAmbiguous = false;
  const rival = rest[0];
  if (
    rival &&
    rival.confidence >= best.confidence - AMBIGUITY_GAP &&
    best.confidence >= settings.suggestThreshold
  ) {
    isAmbiguous = true;
    best.confidence = Math.min(best.confidence, AMBIGUOUS_CAP);
    best.reasons.push({
      code: 'ambiguous',
      params: { rivalCustomerId: rival.customerId ?? '', rivalConfidence: rival.confidence },
    });
  }
  if (best.confidence < settings.suggestThreshold)
    return noMatch(line, best.confidence, best.reasons, candidates);
  const isFx = best.allocationCurrency !== undefined;
  const decision = best.confidence >= settings.autoThreshold && !isAmbiguous && !isFx ? 'auto' : 'suggest';
  return { ...withoutKey(best), decision, alternatives: rest.slice(0, ALTERNATIVES).map(withoutKey) };
}

export function proposeMatches(
  index: MatchIndex,
  lines: readonly BankLine[],
  settings: MatchSettings,
): Proposal[] {
  return lines.map((line) => proposeMatch(index, line, settings));
}
