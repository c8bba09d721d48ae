import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  BankLine,
  MatchSettings,
  OpenInvoice,
  Payer,
  Proposal,
} from '../../src/modules/matching/engine/matching.types.ts';
import { buildBaselineIndex, proposeBaseline } from './matching-baseline.ts';

/**
 * The two matchers behind one shape: build an index from the ledger, then propose for lines.
 * The engine is loaded at run time so the benchmark still measures the baseline (and says the
 * engine is missing) while the engine is being written.
 */
export type Matcher = {
  name: string;
  build(invoices: readonly OpenInvoice[], payers: readonly Payer[]): unknown;
  propose(index: unknown, lines: readonly BankLine[]): Proposal[];
};

export const baselineMatcher: Matcher = {
  name: 'baseline',
  build: (invoices) => buildBaselineIndex(invoices),
  propose: (index, lines) => proposeBaseline(index as ReturnType<typeof buildBaselineIndex>, lines),
};

type EngineModule = {
  buildMatchIndex(input: { invoices: readonly OpenInvoice[]; payers: readonly Payer[] }): unknown;
  proposeMatches(index: unknown, lines: readonly BankLine[], settings: MatchSettings): Proposal[];
  DEFAULT_MATCH_SETTINGS: MatchSettings;
};

const ENGINE = fileURLToPath(new URL('../../src/modules/matching/engine/index.ts', import.meta.url));

/** The engine with its default settings, or why it cannot be measured. */
export async function loadEngine(): Promise<Matcher | { missing: string }> {
  if (!existsSync(ENGINE)) return { missing: 'src/modules/matching/engine/index.ts does not exist yet' };
  const mod = (await import(pathToFileURL(ENGINE).href)) as Partial<EngineModule>;
  const { buildMatchIndex, proposeMatches, DEFAULT_MATCH_SETTINGS } = mod;
  if (!buildMatchIndex || !proposeMatches || !DEFAULT_MATCH_SETTINGS)
    return {
      missing: 'the engine does not export buildMatchIndex, proposeMatches and DEFAULT_MATCH_SETTINGS',
    };
  return {
    name: 'engine',
    build: (invoices, payers) => buildMatchIndex({ invoices, payers }),
    propose: (index, lines) => proposeMatches(index, lines, DEFAULT_MATCH_SETTINGS),
  };
}

/** Proposals in the order of the lines, whatever order the matcher returned them in. */
export function inLineOrder(lines: readonly BankLine[], proposals: readonly Proposal[]): Proposal[] {
  const byLine = new Map(proposals.map((p) => [p.lineId, p]));
  return lines.map((l) => {
    const p = byLine.get(l.id);
    if (!p) throw new Error(`no proposal for line ${l.id}`);
    return p;
  });
}

export type Timed = { proposals: Proposal[]; buildMs: number; matchMs: number };

export function timeMatcher(
  m: Matcher,
  invoices: readonly OpenInvoice[],
  payers: readonly Payer[],
  lines: readonly BankLine[],
): Timed {
  const t0 = performance.now();
  const index = m.build(invoices, payers);
  const t1 = performance.now();
  const proposals = m.propose(index, lines);
  const t2 = performance.now();
  return { proposals: inLineOrder(lines, proposals), buildMs: t1 - t0, matchMs: t2 - t1 };
}
