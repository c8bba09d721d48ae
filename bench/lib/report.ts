import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Machine, machineLines } from './machine.ts';

export const RESULTS_FILE = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

const RESULTS_HEADER = `# Settle benchmarks

Run on the machine you care about; figures from another machine are only a hint.

\`\`\`sh
npm run bench                       # lists the benchmarks
npm run bench -- import --help      # options of one benchmark
npm run bench -- import --write     # run it and record its section below
npm run bench -- api --write
\`\`\`

Every benchmark measures its own baseline in the same run (raw \`COPY\` for the import, a bare
\`node:http\` server for the API) and reports Settle as a ratio of it, so a slower or faster machine
moves both. \`--write\` replaces the benchmark's section below and leaves the others. Generated
files go to \`bench/out/\` (git-ignored). Tests never assert wall-clock times; these numbers live here.
`;

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtSeconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const fmtMs = (ms: number): string => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
export const fmtPct = (ratio: number): string => `${(ratio * 100).toFixed(0)}%`;
export const fmtMiB = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** A Markdown table padded to line up in a terminal as well. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight: readonly number[] = [],
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) =>
    alignRight.includes(i) ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => cell(c, i)).join(' | ')} |`;
  // Spelled the way Biome formats Markdown tables, so `biome check` leaves RESULTS.md alone.
  const rule = `| ${widths.map((w, i) => (alignRight.includes(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export function machineBlock(m: Machine): string {
  return machineLines(m)
    .map((l) => `    ${l}`)
    .join('\n');
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Replaces (or appends) the section of one benchmark in bench/RESULTS.md. */
export function writeResultsSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : RESULTS_HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS_FILE, text);
  console.log(`\nWrote the "${name}" section of ${RESULTS_FILE}`);
}
