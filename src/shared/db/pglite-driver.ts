import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { isCopyFromStdin } from './copy-text.ts';

/**
 * PGlite is one connection: every use takes a lock, held for a whole transaction. Code inside a
 * transaction must use the transaction handle, never the root database (it would wait forever).
 */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = r;
    });
    const prev = this.tail;
    this.tail = prev.then(() => next);
    return prev.then(() => release);
  }
}

/** Counts statements that may have changed data: in one process that owns the database, equal
 * counts mean equal data, which lets callers cache what they read. */
export type ChangeCounter = { value: number };

const READ_ONLY = /^\s*(select|show|explain)\b/i;

class PgliteConnection implements DatabaseConnection {
  constructor(
    private readonly pg: PGlite,
    private readonly changes: ChangeCounter,
  ) {}

  /** PGlite is one database session for its whole life. */
  get session(): object {
    return this.pg;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!READ_ONLY.test(query.sql)) this.changes.value += 1;
    if (isCopyFromStdin(query.sql)) {
      const payload = query.parameters[0];
      const blob = new Blob([payload as string | Uint8Array<ArrayBuffer>]);
      const sql = query.sql.replace(/\bfrom\s+stdin\b/i, "FROM '/dev/blob'");
      // PGlite reads COPY data from a virtual file, which only a superuser may do: the app role
      // steps up for this one statement (copyRows only ever copies into a temporary table).
      const role = await this.pg.query<{ role: string }>("select current_setting('role') as role");
      const previous = role.rows[0]?.role ?? 'none';
      await this.pg.query("select set_config('role', 'none', true)");
      try {
        const res = await this.pg.query(sql, [], { blob });
        return { rows: [], numAffectedRows: BigInt(res.affectedRows ?? 0) };
      } finally {
        // After a failed COPY the transaction is aborted and rolls back, local settings with it.
        await this.pg.query("select set_config('role', $1, true)", [previous]).catch(() => undefined);
      }
    }
    // Without parameters the simple protocol serves (and allows several statements, as migrations have).
    const res =
      query.parameters.length === 0
        ? ((await this.pg.exec(query.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.pg.query<R>(query.sql, query.parameters as unknown[]);
    const affected = res.affectedRows;
    return {
      rows: res.rows as R[],
      ...(affected !== undefined && /^\s*(insert|update|delete|merge)/i.test(query.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported; the interface requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite');
  }
}

export class PgliteDriver implements Driver {
  private readonly mutex = new Mutex();
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(
    private readonly pg: PGlite,
    private readonly changes: ChangeCounter,
  ) {}

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.lock();
    const conn = new PgliteConnection(this.pg, this.changes);
    this.releases.set(conn, release);
    return conn;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery({ sql: `begin${iso}`, parameters: [] } as unknown as CompiledQuery);
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery({ sql: 'commit', parameters: [] } as unknown as CompiledQuery);
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    const release = this.releases.get(conn);
    this.releases.delete(conn);
    release?.();
  }

  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

export class PgliteDialect implements Dialect {
  constructor(
    private readonly pg: PGlite,
    readonly changes: ChangeCounter = { value: 0 },
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.pg, this.changes);
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
