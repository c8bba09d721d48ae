import type { CompiledQuery, DatabaseConnection, Dialect, Driver } from 'kysely';
import { ScopedDialect } from '../../src/shared/db/scope.ts';

/**
 * A phase timer that needs no hook in product code: it wraps the drivers Settle's dialect creates, so `openApp` and the use case run unchanged while every statement is timed. Time inside a
 * statement is the database's (plus the wire); time between statements is Node's (parsing,
 * validating, building COPY text), charged to the statement that follows it.
 */
export type QueryEvent = { label: string; start: number; end: number };

let recording: QueryEvent[] | null = null;
let isInstalled = false;

export function installQueryTracer(): void {
  if (isInstalled) return;
  isInstalled = true;
  for (const dialect of [ScopedDialect] as { prototype: Dialect }[]) {
    const create = dialect.prototype.createDriver;
    dialect.prototype.createDriver = function (this: Dialect) {
      return traced(create.call(this));
    };
  }
}

export function startRecording(): void {
  recording = [];
}

export function stopRecording(): QueryEvent[] {
  const events = recording ?? [];
  recording = null;
  return events;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const events = recording;
  const start = performance.now();
  try {
    return await work();
  } finally {
    events?.push({ label, start, end: performance.now() });
  }
}

const wrapped = new WeakSet<DatabaseConnection>();

function traced(driver: Driver): Driver {
  const acquire = driver.acquireConnection.bind(driver);
  driver.acquireConnection = async () => {
    const conn = await acquire();
    if (!wrapped.has(conn)) {
      wrapped.add(conn);
      const execute = conn.executeQuery.bind(conn);
      conn.executeQuery = <R>(q: CompiledQuery) =>
        // PGlite's driver sends begin/commit through the connection; they are timed one level up.
        /^\s*(begin|commit|rollback)\b/i.test(q.sql)
          ? execute<R>(q)
          : timed(labelOf(q.sql), () => execute<R>(q));
    }
    return conn;
  };
  for (const step of ['beginTransaction', 'commitTransaction', 'rollbackTransaction'] as const) {
    const original = driver[step].bind(driver) as (c: DatabaseConnection, s?: unknown) => Promise<void>;
    (driver as unknown as Record<string, unknown>)[step] = (c: DatabaseConnection, s?: unknown) =>
      timed(step.replace('Transaction', ''), () => original(c, s));
  }
  return driver;
}

/** A short name for a statement: its verb and table. */
export function labelOf(sql: string): string {
  const s = sql.trim().replace(/\s+/g, ' ').toLowerCase();
  const m =
    /^(copy) "?(\w+)"?/.exec(s) ??
    /^(insert into|delete from|update) "?(\w+)"?/.exec(s) ??
    /^(create temp table) "?(\w+)"?/.exec(s) ??
    /^(select) .*? from "?(\w+)"?/.exec(s);
  return m ? `${m[1]} ${m[2]}` : s.split(' ').slice(0, 2).join(' ');
}

export type PhaseTime = { phase: string; nodeMs: number; dbMs: number; statements: number };

/** Folds the statements of one run into phases, in the order they first ran. */
export function phases(
  events: readonly QueryEvent[],
  from: number,
  to: number,
  phaseOf: (label: string) => string,
): PhaseTime[] {
  const out = new Map<string, PhaseTime>();
  const add = (phase: string, nodeMs: number, dbMs: number, statements: number) => {
    const p = out.get(phase) ?? { phase, nodeMs: 0, dbMs: 0, statements: 0 };
    p.nodeMs += nodeMs;
    p.dbMs += dbMs;
    p.statements += statements;
    out.set(phase, p);
  };
  let cursor = from;
  for (const e of [...events].sort((a, b) => a.start - b.start)) {
    add(phaseOf(e.label), Math.max(0, e.start - cursor), e.end - e.start, 1);
    cursor = Math.max(cursor, e.end);
  }
  if (to > cursor) add('after commit', to - cursor, 0, 0);
  return [...out.values()];
}
