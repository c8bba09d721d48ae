import { basename } from 'node:path';
import type { summarizeProfile } from './cpu-profile.ts';
import { loadNow, type Machine } from './machine.ts';
import { fmtInt, fmtMs, fmtPct, machineBlock, table, today } from './report.ts';

export const TARGETS = { PGlite: 3_000, PostgreSQL: 8_000 } as const;
export const TARGET_P99_MS = 50;

export type Engine = keyof typeof TARGETS;
export type Load = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers whose body differs from the recorded one. */
  mismatches: number;
  total: number;
};

/** What went wrong in a run, or "no errors". */
export function problems(l: Load): string {
  const parts = [
    l.errors > 0 ? `${l.errors} errors (${l.timeouts} timeouts)` : '',
    l.non2xx > 0 ? `${l.non2xx} non-2xx` : '',
    l.mismatches > 0 ? `${l.mismatches} wrong bodies` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'no errors' : parts.join(', ');
}
/** The parts of one request measured alone, in this process, on the same database. */
export type Breakdown = {
  useCaseMs: number;
  useCaseConcurrentPerSecond: number;
  concurrency: number;
  serializeMs: number;
  stringifyMs: number;
};
export type ServerProfile = { file: string; summary: ReturnType<typeof summarizeProfile> };
export type EngineResult = {
  engine: Engine;
  bytes: number;
  /** Whether a repeated request was answered from Settle's response cache (x-settle-cache: hit). */
  isCached: boolean;
  /** The measured URL, the same every time. */
  settle: Load;
  /** The same list under a new query string every time (`&nocache=<uuid>`): no cache can answer it. */
  distinct: Load;
  bare: Load;
  breakdown: Breakdown;
  profile?: ServerProfile;
};
export type Settings = {
  connections: number;
  duration: number;
  warmup: number;
  path: string;
  profile: boolean;
};

export function setup(connections: number, duration: number, warmup: number): string {
  return (
    `Setup: the server under test runs in its own Node process (\`node --import tsx/esm bench/lib/server-child.ts\`), ` +
    `the bare node:http server likewise (\`bench/lib/bare-server-child.ts\`); autocannon runs in this process with ` +
    `${connections} connections, ${warmup} s warm-up then ${duration} s measured, one server at a time. ` +
    'On 2 cores the load generator, the server and PostgreSQL share the CPU, so the bare server is the ceiling this machine can show.'
  );
}

/** The API benchmark's section of RESULTS.md (also what it prints). */
export function render(
  results: readonly EngineResult[],
  machine: Machine,
  o: Settings & { invoices: number; customers: number; receipts: number },
  argv: readonly string[],
): string {
  const out: string[] = [];
  out.push(`## api: \`GET ${o.path}\` under load`, '');
  out.push(
    `Measured ${today()} with \`npm run bench -- api${argv.length > 0 ? ` ${argv.filter((a) => a !== '--write').join(' ')}` : ''}\`.`,
    '',
  );
  out.push(machineBlock(machine), '', `Load average when it finished: ${loadNow()}.`, '');
  out.push(
    `Data: ${fmtInt(o.invoices)} generated invoices for ${fmtInt(o.customers)} customers imported with \`importInvoices\`, ` +
      `${fmtInt(o.receipts)} receipts applied to the newest (the page served)` +
      `. ${setup(o.connections, o.duration, o.warmup)} ` +
      'The bare server answers every request with the bytes of one recorded Settle response.',
    '',
  );
  const rows: string[][] = [];
  for (const r of results) {
    const row = (server: string, l: Load, target: string) => [
      r.engine,
      server,
      fmtInt(l.requestsPerSecond),
      fmtMs(l.p50),
      fmtMs(l.p99),
      fmtPct(l.requestsPerSecond / r.bare.requestsPerSecond),
      target,
      problems(l),
    ];
    rows.push(
      row('Settle, same URL', r.settle, verdict(r.engine, r.settle) + (r.isCached ? ' (cache hits)' : '')),
    );
    rows.push(row('Settle, distinct URLs', r.distinct, verdict(r.engine, r.distinct)));
    rows.push(row('bare node:http', r.bare, ''));
  }
  out.push(
    table(['engine', 'server', 'req/s', 'p50', 'p99', 'vs bare', 'target', 'answers'], rows, [2, 3, 4, 5]),
    '',
  );
  out.push(
    '"Same URL" repeats the request of the target; "distinct URLs" adds `&nocache=<uuid>` so every request runs',
    'the query (a response cache keyed by URL cannot answer it), as a busy clerk paging and filtering would.',
    `${
      results.some((r) => r.isCached)
        ? `On ${results
            .filter((r) => r.isCached)
            .map((r) => r.engine)
            .join(' and ')} the same-URL figure measures Settle's response cache, not the query.`
        : ''
    }`,
    '',
  );
  out.push(
    `Response: ${results.map((r) => `${fmtInt(r.bytes)} bytes on ${r.engine}`).join(', ')} (50 invoices as JSON).`,
    '',
  );
  out.push('### Where the time goes', '');
  out.push(
    'The parts of one request timed alone in the benchmark process on the same database, no HTTP: the use case',
    '(`listInvoices`: the SQL, decoding, DTO mapping) one call at a time and with several in flight, and the',
    'response check the route runs (fastify-type-provider-zod: zod `safeParse` of the page, then `JSON.stringify`).',
    '',
  );
  out.push(
    table(
      [
        'engine',
        'listInvoices, 1 in flight',
        'listInvoices, n in flight',
        'zod check + stringify',
        'stringify alone',
        'Settle time per request, distinct URLs',
      ],
      results.map((r) => [
        r.engine,
        fmtMs(r.breakdown.useCaseMs),
        `${fmtInt(r.breakdown.useCaseConcurrentPerSecond)}/s (n = ${r.breakdown.concurrency})`,
        fmtMs(r.breakdown.serializeMs),
        fmtMs(r.breakdown.stringifyMs),
        fmtMs(1000 / r.distinct.requestsPerSecond),
      ]),
      [1, 2, 3, 4, 5],
    ),
    '',
  );
  for (const r of results) out.push(apiSummary(r), '');
  for (const r of results) {
    if (!r.profile) continue;
    const p = r.profile;
    out.push(
      `CPU profile of the Settle server process on ${r.engine} under the distinct-URL load, warm-up included (\`${basename(p.file)}\`):`,
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
      `By file: ${p.summary.files
        .slice(0, 8)
        .map((f) => `${f.name} ${fmtPct(f.share)}`)
        .join(', ')}.`,
      '',
    );
  }
  return out.join('\n');
}

function verdict(engine: Engine, l: Load): string {
  const isMet = l.requestsPerSecond >= TARGETS[engine] && l.p99 < TARGET_P99_MS;
  return `≥ ${fmtInt(TARGETS[engine])} req/s, p99 < ${TARGET_P99_MS} ms: ${isMet ? 'met' : 'missed'}`;
}

function apiSummary(r: EngineResult): string {
  const b = r.breakdown;
  const rps = r.distinct.requestsPerSecond;
  const isQueryBound = rps >= b.useCaseConcurrentPerSecond * 0.5;
  return (
    `${r.engine}: with distinct URLs the server answers ${fmtInt(rps)} req/s (${fmtMs(1000 / rps)} a request, ` +
    `${fmtPct(rps / r.bare.requestsPerSecond)} of the bare server's rate). The use case alone manages ` +
    `${fmtInt(b.useCaseConcurrentPerSecond)} calls/s with ${b.concurrency} in flight (${fmtMs(b.useCaseMs)} a call one at a time), ` +
    `${isQueryBound ? 'so the query is the limit' : 'so the HTTP layer costs more than the query'}; ` +
    `the zod response check with JSON.stringify takes ${fmtMs(b.serializeMs)} (stringify alone ${fmtMs(b.stringifyMs)}).`
  );
}
