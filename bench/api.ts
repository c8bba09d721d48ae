/**
 * HTTP API under load: GET /api/invoices?limit=50 on Settle's server vs a bare node:http server, PGlite and PostgreSQL.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import type { DatabaseConfig } from '../src/shared/db/index.ts';
import {
  type Engine,
  type EngineResult,
  type Load,
  problems,
  render,
  type ServerProfile,
  type Settings,
  setup,
} from './lib/api-report.ts';
import { ORG, seed } from './lib/api-seed.ts';
import { parseArgs } from './lib/args.ts';
import { type CpuProfile, summarizeProfile } from './lib/cpu-profile.ts';
import { generateInvoicesCsv, OUT_DIR } from './lib/generate-invoices.ts';
import { busyWarning, machineDetails, machineLines } from './lib/machine.ts';
import { freshPglite } from './lib/pglite.ts';
import { DEFAULT_PG_URL, dropDatabase, freshDatabase } from './lib/postgres.ts';
import { fmtInt, fmtMs, fmtPct, today, writeResultsSection } from './lib/report.ts';
import { type ChildServer, spawnServer } from './lib/spawn-server.ts';

const USAGE = 'npm run bench -- api [options]';
const SPEC = {
  duration: { kind: 'number', default: 10, help: 'seconds of load per measurement' },
  warmup: { kind: 'number', default: 3, help: 'seconds of unmeasured load before each measurement' },
  connections: { kind: 'number', default: 100, help: 'concurrent connections' },
  invoices: { kind: 'number', default: 5_000, help: 'invoices in the data set' },
  customers: { kind: 'number', default: 500, help: 'customers in the data set' },
  receipts: { kind: 'number', default: 100, help: 'receipts applied to the newest invoices' },
  path: { kind: 'string', default: '/api/invoices?limit=50', help: 'the request measured' },
  'skip-pg': { kind: 'boolean', help: 'leave out PostgreSQL' },
  'skip-pglite': { kind: 'boolean', help: 'leave out PGlite' },
  'pg-url': {
    kind: 'string',
    default: process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL,
    help: 'a PostgreSQL server to create settle_bench_* databases on',
  },
  profile: {
    kind: 'boolean',
    help: 'one more Settle run with the server under the V8 profiler: bench/out/*.cpuprofile and its top functions',
  },
  write: { kind: 'boolean', help: 'record the results in bench/RESULTS.md' },
} as const;

export async function main(argv: readonly string[]): Promise<void> {
  const o = parseArgs(USAGE, SPEC, argv);
  const machine = await machineDetails(o['skip-pg'] ? {} : { pgUrl: o['pg-url'] });
  console.log(`Settle API benchmark, ${today()}\n${machineLines(machine).join('\n')}\n`);
  const busy = busyWarning();
  if (busy) console.log(`${busy}\n`);
  console.log(setup(o.connections, o.duration, o.warmup), '\n');
  const file = generateInvoicesCsv({ rows: o.invoices, customers: o.customers, reuse: true });

  const results: EngineResult[] = [];
  if (!o['skip-pglite']) {
    const scratch = freshPglite('api');
    try {
      const config: DatabaseConfig = { kind: 'pglite', dataDir: scratch.dir };
      const breakdown = await seed(config, file.path, o.receipts);
      results.push({ ...(await measure('PGlite', ['pglite', scratch.dir, ORG.slug], o)), breakdown });
    } finally {
      scratch.remove();
    }
  }
  if (!o['skip-pg']) {
    const url = await freshDatabase(o['pg-url'], 'settle_bench_api');
    try {
      const breakdown = await seed({ kind: 'postgres', url }, file.path, o.receipts);
      results.push({ ...(await measure('PostgreSQL', ['postgres', url, ORG.slug], o)), breakdown });
    } finally {
      await dropDatabase(o['pg-url'], 'settle_bench_api');
    }
  }
  if (results.length === 0) return;
  const markdown = render(results, machine, o, argv);
  console.log(`\n${markdown}`);
  if (o.write) writeResultsSection('api', markdown);
}

async function measure(
  engine: Engine,
  args: string[],
  o: Settings,
): Promise<Omit<EngineResult, 'breakdown'>> {
  console.log(`\n${engine}`);
  let settle: ChildServer | null = null;
  let bare: ChildServer | null = null;
  try {
    settle = await spawnServer('./server-child.ts', args);
    const response = await fetch(settle.url + o.path, { headers: settle.headers });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200)
      throw new Error(`GET ${o.path} answered ${response.status}: ${body.toString('utf8').slice(0, 500)}`);
    const items = (JSON.parse(body.toString('utf8')) as { items?: unknown[] }).items?.length ?? 0;
    // Not .json: Biome would lint it (bench/out is git-ignored, not Biome-ignored).
    const bodyFile = `${OUT_DIR}api-response-${engine.toLowerCase()}.body`;
    writeFileSync(bodyFile, body);
    console.log(`  GET ${o.path}: ${fmtInt(body.length)} bytes, ${items} invoices`);

    bare = await spawnServer('./bare-server-child.ts', [
      bodyFile,
      response.headers.get('content-type') ?? 'application/json',
    ]);
    const expected = body.toString('utf8');
    const bareLoad = await load('bare node:http', bare.url + o.path, o, expected, settle.headers);
    await bare.stop();
    bare = null;
    const isCached =
      (await fetch(settle.url + o.path, { headers: settle.headers })).headers.get('x-settle-cache') === 'hit';
    const settleLoad = await load('Settle', settle.url + o.path, o, expected, settle.headers);
    // The same list with a different query string every time: no response cache can answer it.
    const distinctLoad = await load(
      'Settle, distinct',
      distinctUrl(settle.url + o.path),
      o,
      expected,
      settle.headers,
    );
    console.log(
      `  Settle / bare: ${fmtPct(settleLoad.requestsPerSecond / bareLoad.requestsPerSecond)}` +
        `${isCached ? ' (answered from its response cache)' : ''}, distinct URLs ${fmtPct(distinctLoad.requestsPerSecond / bareLoad.requestsPerSecond)}`,
    );
    await settle.stop();
    settle = null;
    const profile = o.profile ? await profileServer(engine, args, o, expected) : undefined;
    return {
      engine,
      bytes: body.length,
      isCached,
      settle: settleLoad,
      distinct: distinctLoad,
      bare: bareLoad,
      ...(profile ? { profile } : {}),
    };
  } finally {
    await bare?.stop();
    await settle?.stop();
  }
}

/** autocannon replaces `[<id>]` with a new uuid in every request (its idReplacement option). */
function distinctUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}nocache=[<id>]`;
}

/** The same distinct-URL load again on a server sampling its own CPU from when it listens until it stops. */
async function profileServer(
  engine: string,
  args: string[],
  o: Settings,
  expectBody: string,
): Promise<ServerProfile> {
  const file = join(OUT_DIR, `api-server-${engine.toLowerCase()}.cpuprofile`);
  rmSync(file, { force: true });
  const server = await spawnServer('./server-child.ts', [...args, file]);
  try {
    await load('Settle, profiled', distinctUrl(server.url + o.path), o, expectBody, server.headers);
  } finally {
    await server.stop();
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  return { file, summary: summarizeProfile(profile, 12) };
}

/** Warm-up, then the measured run; every answer is compared with the recorded body. */
async function load(
  name: string,
  url: string,
  o: Settings,
  expectBody: string,
  headers: Record<string, string>,
): Promise<Load> {
  if (o.warmup > 0) {
    await autocannon({
      url,
      headers,
      connections: o.connections,
      duration: o.warmup,
      idReplacement: url.includes('[<id>]'),
    });
    // An overloaded server is still answering the warm-up's queued requests: one more request waits them out.
    await (await fetch(url.replace('[<id>]', 'drain'), { headers })).arrayBuffer();
  }
  const idReplacement = url.includes('[<id>]');
  const r: Result = await autocannon({
    url,
    headers,
    connections: o.connections,
    duration: o.duration,
    expectBody,
    idReplacement,
  });
  const out: Load = {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    // autocannon's errors include its timeouts (no answer within 10 s).
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mismatches: r.mismatches,
    total: r.requests.total,
  };
  console.log(
    `  ${name.padEnd(16)} ${fmtInt(out.requestsPerSecond).padStart(7)} req/s  p50 ${fmtMs(out.p50)}  p99 ${fmtMs(out.p99)}  ` +
      `max ${fmtMs(out.max)}  (${fmtInt(out.total)} answers, ${problems(out)})`,
  );
  return out;
}
