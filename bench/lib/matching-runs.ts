import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { BankLine, Proposal } from '../../src/modules/matching/engine/matching.types.ts';
import { profiled, summarizeProfile } from './cpu-profile.ts';
import { OUT_DIR } from './generate-invoices.ts';
import type { Matcher } from './matching-engine.ts';
import { isCorrect } from './matching-evaluate.ts';
import { generateLedger, type Ledger } from './matching-generate.ts';
import { generateStatement, type Statement } from './matching-lines.ts';
import type { ProfileSummary, ScalingRow } from './matching-report.ts';
import { fmtInt } from './report.ts';

/** The matching benchmark's secondary runs: the scaling table, the profile, and the engine's mistakes. */
export function runScaling(
  o: { scaling: string; 'scaling-lines': number; seed: number },
  matchers: readonly Matcher[],
  size: { customers: number; invoices: number },
  ledger: Ledger,
  statement: Statement,
): ScalingRow[] {
  const rows: ScalingRow[] = [];
  const sizes = o.scaling
    .split(',')
    .map((s) => Number(s.trim().replaceAll('_', '')))
    .filter((n) => n > 0);
  for (const invoices of sizes) {
    const customers = Math.max(1, Math.round(invoices / 10));
    const lineCount = Math.min(Math.round(o['scaling-lines']), Math.floor(invoices / 5));
    const reuse = invoices === size.invoices && customers === size.customers;
    const l = reuse ? ledger : generateLedger({ customers, invoices, seed: o.seed + invoices });
    const s = reuse
      ? { lines: statement.lines.slice(0, lineCount), truths: statement.truths.slice(0, lineCount) }
      : generateStatement(l, lineCount, o.seed + invoices);
    const row: ScalingRow = { invoices, customers, lines: lineCount, results: [] };
    for (const m of matchers) {
      // One index, then the median of three passes over the lines: on a shared machine one pass is noise.
      const t0 = performance.now();
      const index = m.build(l.invoices, l.payers);
      const buildMs = performance.now() - t0;
      const passes = [0, 1, 2].map(() => {
        const t1 = performance.now();
        m.propose(index, s.lines);
        return performance.now() - t1;
      });
      const matchMs = passes.sort((a, b) => a - b)[1] as number;
      row.results.push({ matcher: m.name, buildMs, matchMs });
    }
    console.log(
      `  scaling ${fmtInt(invoices)} invoices: ${row.results.map((r) => `${r.matcher} ${((r.matchMs * 1000) / lineCount).toFixed(1)} µs/line`).join(', ')}`,
    );
    rows.push(row);
  }
  return rows;
}

export async function profileEngine(
  engine: Matcher,
  ledger: Ledger,
  lines: readonly BankLine[],
): Promise<ProfileSummary> {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = `${OUT_DIR}matching-engine-${ledger.invoices.length}.cpuprofile`;
  console.log(`Profiling the engine: index build and ${fmtInt(lines.length)} lines`);
  let buildMs = 0;
  const { profile } = await profiled(file, async () => {
    const t0 = performance.now();
    const index = engine.build(ledger.invoices, ledger.payers);
    buildMs = performance.now() - t0;
    return engine.propose(index, lines).length;
  });
  return { file, lines: lines.length, buildMs, ...summarizeProfile(profile, 15) };
}

export function lscpuModel(): string {
  try {
    return /Model name:\s*(.+)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function nproc(): string {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The first few wrong auto-applied matches of each kind of line, and how many there were in all. */
export function findMistakes(statement: Statement, proposals: readonly Proposal[]): Mistakes {
  const examples: string[] = [];
  const shown = new Map<string, number>();
  const money = (n: bigint) => n.toString();
  for (const [i, p] of proposals.entries()) {
    const t = statement.truths[i];
    const line = statement.lines[i];
    if (!t || !line || p.decision !== 'auto' || isCorrect(p, t)) continue;
    const n = shown.get(t.kind) ?? 0;
    shown.set(t.kind, n + 1);
    if (n >= 3) continue;
    const allocs = (a: readonly { invoiceId: string; amountMinor: bigint }[]) =>
      a.map((x) => `${x.invoiceId}:${money(x.amountMinor)}`).join(' ') || '-';
    examples.push(
      `wrong auto (${t.kind}): ${money(line.amountMinor)} ${line.currency} from "${line.counterpartyName ?? ''}" ` +
        `[${line.counterpartyAccount ?? ''}] "${line.remittance ?? ''}" -> ${p.customerId} ${allocs(p.allocations)} ` +
        `diff ${money(p.differenceMinor)} (${p.reasons.map((r) => r.code).join(',')}, ${p.confidence.toFixed(2)}); ` +
        `truth ${t.customerId ?? 'none'} ${allocs(t.allocations)} diff ${money(t.differenceMinor)}`,
    );
  }
  return { examples, counts: shown };
}

export type Mistakes = { examples: string[]; counts: Map<string, number> };
