import type { Proposal } from '../../src/modules/matching/engine/matching.types.ts';
import { type LineKind, MIX, type Truth } from './matching-lines.ts';

/**
 * Scores proposals against the truth. A proposal is correct when its customer, its allocations
 * (invoice and amount, as a set) and its write-off difference all equal the truth; a line with no
 * true match is handled correctly when it is not auto-applied.
 */
export type Tally = { lines: number; auto: number; autoCorrect: number; withTruth: number; found: number };
export type Scores = {
  total: Tally;
  byKind: Map<LineKind, Tally>;
  /** Share of all lines auto-applied. */
  autoRate: number;
  /** Share of auto-applied lines whose match is correct (a line with no true match auto-applied is wrong). */
  precision: number;
  /** Share of lines with a true match whose match is among the auto-applied or suggested candidates. */
  recall: number;
  referenceAutoCorrect: number;
  noneLeftUnapplied: number;
};

type Candidate = Omit<Proposal, 'alternatives' | 'decision'>;

export function isCorrect(p: Candidate, truth: Truth): boolean {
  if (truth.customerId === null || p.customerId !== truth.customerId) return false;
  if (p.differenceMinor !== truth.differenceMinor || p.allocations.length !== truth.allocations.length)
    return false;
  const sorted = [...p.allocations].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1));
  // The contract lets a short payment allocate what was paid or the whole amount due (one
  // allocation then exceeds the truth by exactly the difference): both book the same.
  let dueStated = 0;
  const sameInvoices = sorted.every((a, i) => {
    const t = truth.allocations[i];
    if (t === undefined || a.invoiceId !== t.invoiceId) return false;
    if (a.amountMinor === t.amountMinor) return true;
    dueStated++;
    return truth.differenceMinor > 0n && a.amountMinor - t.amountMinor === truth.differenceMinor;
  });
  return sameInvoices && dueStated <= 1;
}

const emptyTally = (): Tally => ({ lines: 0, auto: 0, autoCorrect: 0, withTruth: 0, found: 0 });

export function score(proposals: readonly Proposal[], truths: readonly Truth[]): Scores {
  if (proposals.length !== truths.length)
    throw new Error(`${proposals.length} proposals for ${truths.length} lines`);
  const total = emptyTally();
  const byKind = new Map<LineKind, Tally>(MIX.map(([k]) => [k, emptyTally()]));
  for (let i = 0; i < truths.length; i++) {
    const p = proposals[i] as Proposal;
    const t = truths[i] as Truth;
    const kind = byKind.get(t.kind) ?? emptyTally();
    for (const tally of [total, kind]) {
      tally.lines++;
      if (p.decision === 'auto') {
        tally.auto++;
        if (isCorrect(p, t)) tally.autoCorrect++;
      }
      if (t.customerId !== null) {
        tally.withTruth++;
        const shown = p.decision === 'none' ? [] : [p, ...p.alternatives];
        if (shown.some((c) => isCorrect(c, t))) tally.found++;
      }
    }
  }
  const ref = byKind.get('reference') ?? emptyTally();
  const none = byKind.get('none') ?? emptyTally();
  return {
    total,
    byKind,
    autoRate: total.auto / total.lines,
    precision: total.auto === 0 ? 1 : total.autoCorrect / total.auto,
    recall: total.withTruth === 0 ? 1 : total.found / total.withTruth,
    referenceAutoCorrect: ref.lines === 0 ? 1 : ref.autoCorrect / ref.lines,
    noneLeftUnapplied: none.lines === 0 ? 1 : (none.lines - none.auto) / none.lines,
  };
}
