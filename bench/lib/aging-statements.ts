import type { CompiledQuery, DatabaseConnection, Dialect, Driver } from 'kysely';
import { ScopedDialect } from '../../src/shared/db/scope.ts';

/**
 * Records the statements a use case runs — SQL, parameters, start and end — by wrapping the drivers
 * Settle's dialect creates, as bench/lib/query-tracer.ts does (no hook in product code). The tracer
 * labels a statement by its verb and first table, which names the aging's two journal statements
 * alike; the SQL tells them apart, and is what EXPLAIN needs. Install before the app opens its database.
 */
export type Statement = { sql: string; parameters: readonly unknown[]; start: number; end: number };

let recording: Statement[] | null = null;
let isInstalled = false;
const wrapped = new WeakSet<DatabaseConnection>();

export function installStatementRecorder(): void {
  if (isInstalled) return;
  isInstalled = true;
  const dialect = ScopedDialect as unknown as { prototype: Dialect };
  const create = dialect.prototype.createDriver;
  dialect.prototype.createDriver = function (this: Dialect): Driver {
    const driver = create.call(this);
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      const conn = await acquire();
      if (!wrapped.has(conn)) {
        wrapped.add(conn);
        const execute = conn.executeQuery.bind(conn);
        conn.executeQuery = async <R>(q: CompiledQuery) => {
          const into = recording;
          const start = performance.now();
          try {
            return await execute<R>(q);
          } finally {
            into?.push({ sql: q.sql, parameters: q.parameters, start, end: performance.now() });
          }
        };
      }
      return conn;
    };
    return driver;
  };
}

/** Runs `work` and returns the statements it ran, in the order they finished. */
export async function recordStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  const into: Statement[] = [];
  recording = into;
  try {
    await work();
    return into;
  } finally {
    recording = null;
  }
}
