import { basename } from 'node:path';
import type { summarizeProfile } from './cpu-profile.ts';
import type { GeneratedFile } from './generate-invoices.ts';
import { loadNow, type Machine } from './machine.ts';
import type { PhaseTime } from './query-tracer.ts';
import { fmtInt, fmtMiB, fmtMs, fmtPct, fmtSeconds, machineBlock, table, today } from './report.ts';

export const TARGET_RATIO = 0.5;

export type Run = { ms: number; rowsPerSecond: number };
export type EngineResult = {
  engine: 'PostgreSQL' | 'PGlite';
  file: GeneratedFile;
  raw: Run;
  settle: Run & { customersCreated: number; postings: number; gcMs: number; nodeCpuMs: number };
  again: { ms: number; created: number; unchanged: number };
  phases: PhaseTime[];
  profile?: ProfileSummary;
};
export type ProfileSummary = {
  file: string;
  summary: ReturnType<typeof summarizeProfile>;
  inclusive: Map<string, number>;
};

/** The import benchmark's section of RESULTS.md (also what it prints). */
export function render(results: readonly EngineResult[], machine: Machine, argv: readonly string[]): string {
  const out: string[] = [];
  out.push('## import: bulk invoice import vs raw COPY', '');
  out.push(
    `Measured ${today()} with \`npm run bench -- import${argv.length > 0 ? ` ${argv.filter((a) => a !== '--write').join(' ')}` : ''}\`.`,
    '',
  );
  out.push(machineBlock(machine), '', `Load average when it finished: ${loadNow()}.`, '');
  out.push(
    'Baseline: `COPY bare FROM STDIN (FORMAT csv, HEADER true)` of the same file into a table of text/date/numeric',
    "columns with no keys or indexes, streamed from the file (PGlite: `COPY … FROM '/dev/blob'`). Settle:",
    '`importInvoices` on a freshly migrated database, one transaction: read and validate every row, find',
    'invoices already there, create the unknown customers, COPY the invoices and their two journal postings',
    'each, into tables with their primary keys, unique keys and indexes. Times include reading the file.',
    '',
  );
  out.push(
    table(
      [
        'engine',
        'invoices',
        'customers',
        'file',
        'raw COPY',
        'raw rows/s',
        'Settle',
        'Settle rows/s',
        'Settle / raw',
        `target ≥ ${fmtPct(TARGET_RATIO)}`,
        're-import',
        're-import created',
      ],
      results.map((r) => {
        const ratio = r.settle.rowsPerSecond / r.raw.rowsPerSecond;
        return [
          r.engine,
          fmtInt(r.file.rows),
          fmtInt(r.settle.customersCreated),
          fmtMiB(r.file.bytes),
          fmtSeconds(r.raw.ms),
          fmtInt(r.raw.rowsPerSecond),
          fmtSeconds(r.settle.ms),
          fmtInt(r.settle.rowsPerSecond),
          fmtPct(ratio),
          ratio >= TARGET_RATIO ? 'met' : 'missed',
          fmtSeconds(r.again.ms),
          `${r.again.created} (${fmtInt(r.again.unchanged)} unchanged)`,
        ];
      }),
      [1, 2, 3, 4, 5, 6, 7, 8, 10],
    ),
    '',
  );
  const generated = results.map((r) => `${fmtInt(r.file.rows)} rows in ${fmtSeconds(r.file.ms)}`).join(', ');
  out.push(`Generating the files (seeded, not part of any figure above): ${generated}.`, '');
  out.push(
    `Settle writes ${results.map((r) => `${fmtInt(r.file.rows + r.settle.postings)} rows on ${r.engine}`).join(' and ')}`,
  );
  out.push(
    "(invoices plus journal postings, plus the customers) for the raw baseline's one row per line.",
    '',
  );

  out.push('### Where the time goes', '');
  out.push(
    "Phase timer: every statement of the import is timed by wrapping the drivers Settle's dialects create",
    '(no hook in product code); "Node" is the time before a statement (parsing, validating, building COPY',
    'text), "database" the statement itself (including sending it).',
    '',
  );
  for (const r of results) {
    const total = r.settle.ms;
    out.push(`${r.engine}, ${fmtInt(r.file.rows)} invoices:`, '');
    out.push(
      table(
        ['phase', 'Node', 'database', 'statements', 'share'],
        r.phases.map((p) => [
          p.phase,
          fmtMs(p.nodeMs),
          fmtMs(p.dbMs),
          String(p.statements),
          fmtPct((p.nodeMs + p.dbMs) / total),
        ]),
        [1, 2, 3, 4],
      ),
      '',
    );
    out.push(`${summaryOf(r)}`, '');
  }
  for (const r of results) {
    if (!r.profile) continue;
    const p = r.profile;
    out.push(
      `CPU profile of a second Settle import on ${r.engine} (\`${basename(p.file)}\`, ${fmtSeconds(p.summary.totalMs)} sampled):`,
      '',
    );
    out.push(
      table(
        ['self time', 'share', 'function', 'where'],
        p.summary.functions.map((f) => [fmtMs(f.ms), fmtPct(f.share), f.name, f.where]),
        [0, 1],
      ),
      '',
    );
    out.push(
      `Callees included: ${[...p.inclusive]
        .filter(([, ms]) => ms > 0)
        .map(([name, ms]) => `${name} ${fmtPct(ms / p.summary.totalMs)}`)
        .join(', ')}.`,
      '',
    );
  }
  return out.join('\n');
}

/** The sentence a reader wants first: is the time in Node or in the database, and in which phase. */
function summaryOf(r: EngineResult): string {
  const node = r.phases.reduce((a, p) => a + p.nodeMs, 0);
  const db = r.phases.reduce((a, p) => a + p.dbMs, 0);
  const top = [...r.phases].sort((a, b) => b.nodeMs + b.dbMs - (a.nodeMs + a.dbMs)).slice(0, 3);
  return (
    `On ${r.engine}, ${fmtPct(node / r.settle.ms)} of the import is Node and ${fmtPct(db / r.settle.ms)} the database; ` +
    `the largest phases: ${top.map((p) => `${p.phase} ${fmtPct((p.nodeMs + p.dbMs) / r.settle.ms)}`).join(', ')}. ` +
    `The Node process used ${fmtSeconds(r.settle.nodeCpuMs)} of CPU in ${fmtSeconds(r.settle.ms)}; ` +
    `garbage-collection pauses add up to ${fmtSeconds(r.settle.gcMs)} (${fmtPct(r.settle.gcMs / r.settle.ms)} of the import).`
  );
}
