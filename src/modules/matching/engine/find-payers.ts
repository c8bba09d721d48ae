import type { MatchIndex } from './build-match-index.ts';
import type { BankLine } from './matching.types.ts';
import { payerNameSimilarity } from './name-similarity.ts';
import { type NormalisedName, normalisePayerName } from './payer-name.ts';
import { normaliseAccount } from './text-normalise.ts';

/** How the payer was recognised, strongest first. `shared` = the account or name belongs to several customers. */
export type PayerVia = 'account' | 'alias' | 'name_exact' | 'name';
export type PayerMatch = { customerId: string; via: PayerVia; score: number; shared: boolean };

const STRENGTH: Record<PayerVia, number> = { account: 4, alias: 3, name_exact: 2, name: 1 };
const MAX_BLOCKING_TOKENS = 6;
const MAX_SCORED = 12;
const MIN_NAME_SCORE = 0.6;
const NAME_SPREAD = 0.15;

function keep(found: Map<string, PayerMatch>, match: PayerMatch): void {
  const seen = found.get(match.customerId);
  if (
    seen === undefined ||
    STRENGTH[match.via] > STRENGTH[seen.via] ||
    (seen.via === match.via && match.score > seen.score)
  ) {
    found.set(match.customerId, match);
  }
}

/**
 * Candidates that share the line's rarest distinctive name tokens, scored by similarity. Tokens
 * held by more than ~1% of payers (有限公司 is gone already; 贸易, "trading", 科技 go here) do
 * not block: they would pull in thousands of names.
 */
function fuzzyCandidates(index: MatchIndex, name: NormalisedName): PayerMatch[] {
  const lists: number[][] = [];
  for (const token of name.tokens) {
    const list = index.postings.get(token);
    if (list && list.length <= index.maxTokenFrequency) lists.push(list);
  }
  if (lists.length === 0) return [];
  lists.sort((a, b) => a.length - b.length);
  // Scratch weights indexed by payer, reset after use: no Map per line.
  const weight = index.scratchWeights;
  const touched: number[] = [];
  const total = index.payers.length + 1;
  for (const list of lists.slice(0, MAX_BLOCKING_TOKENS)) {
    const idf = Math.log(total / list.length);
    for (const payer of list) {
      if (weight[payer] === 0) touched.push(payer);
      weight[payer] = (weight[payer] ?? 0) + idf;
    }
  }
  touched.sort((a, b) => (weight[b] ?? 0) - (weight[a] ?? 0));
  const ranked = touched.slice(0, MAX_SCORED);
  for (const payer of touched) weight[payer] = 0;
  const out: PayerMatch[] = [];
  for (const payerIndex of ranked) {
    const payer = index.payers[payerIndex];
    if (!payer) continue;
    let score = 0;
    for (const candidate of index.nameCores[payerIndex] ?? [])
      score = Math.max(score, payerNameSimilarity(name, candidate));
    if (score >= MIN_NAME_SCORE)
      out.push({ customerId: payer.customerId, via: 'name', score, shared: false });
  }
  return out;
}

/** Who paid: by known account, then learned alias, then the exact name, then a similar name. */
export function findPayers(index: MatchIndex, line: BankLine): PayerMatch[] {
  const found = new Map<string, PayerMatch>();
  if (line.counterpartyAccount) {
    const owners = index.customersByAccount.get(normaliseAccount(line.counterpartyAccount)) ?? [];
    for (const customerId of owners)
      keep(found, { customerId, via: 'account', score: 1, shared: owners.length > 1 });
  }
  if (line.counterpartyName) {
    const name = normalisePayerName(line.counterpartyName);
    const { core, bare } = name;
    if (core) {
      const aliased = index.customersByAlias.get(core) ?? [];
      for (const customerId of aliased)
        keep(found, { customerId, via: 'alias', score: 1, shared: aliased.length > 1 });
      // Exact name, or exact once the city one side names and the other omits is set aside.
      const named =
        index.customersByName.get(core) ??
        (bare === core ? index.customersByBareName.get(core) : index.customersByName.get(bare)) ??
        [];
      for (const customerId of named)
        keep(found, { customerId, via: 'name_exact', score: 1, shared: named.length > 1 });
      if (aliased.length === 0 && named.length === 0) {
        for (const match of fuzzyCandidates(index, name)) keep(found, match);
      }
    }
  }
  const sorted = [...found.values()].sort((a, b) => STRENGTH[b.via] - STRENGTH[a.via] || b.score - a.score);
  // Similar names well behind the best one are noise, not alternatives worth settling against.
  const bestName = sorted.find((p) => p.via === 'name')?.score ?? 0;
  return sorted.filter((p) => p.via !== 'name' || p.score >= bestName - NAME_SPREAD);
}
