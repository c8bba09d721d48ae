import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isCopyFromStdin } from './copy-text.ts';

/** Decode like PGlite: int8 as bigint, numeric as exact string, date as 'YYYY-MM-DD'. */
const typeParsers = new Map<number, (v: string) => unknown>([
  [20, (v) => BigInt(v)],
  [1700, (v) => v],
  [1082, (v) => v],
]);

export const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    const parser = typeParsers.get(oid);
    if (parser && format !== 'binary') return parser;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

class PgConnection implements DatabaseConnection {
  constructor(readonly client: pg.PoolClient) {}

  /** The pooled client is the database session; it outlives this wrapper. */
  get session(): object {
    return this.client;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (isCopyFromStdin(query.sql)) {
      const payload = query.parameters[0] as string | Uint8Array | AsyncIterable<string | Uint8Array>;
      const stream = this.client.query(copyFrom(query.sql));
      const source =
        typeof payload === 'string' || payload instanceof Uint8Array
          ? Readable.from([payload])
          : Readable.from(payload);
      await pipeline(source, stream);
      return { rows: [], numAffectedRows: BigInt(stream.rowCount ?? 0) };
    }
    const res = await this.client.query<R & pg.QueryResultRow>(query.sql, query.parameters as unknown[]);
    const isWrite =
      res.command === 'INSERT' ||
      res.command === 'UPDATE' ||
      res.command === 'DELETE' ||
      res.command === 'MERGE';
    return { rows: res.rows ?? [], ...(isWrite ? { numAffectedRows: BigInt(res.rowCount ?? 0) } : {}) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; the interface requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported');
  }
}

export class PgDriver implements Driver {
  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgConnection(await this.pool.connect());
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await (conn as PgConnection).client.query(`begin${iso}`);
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgConnection).client.query('commit');
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgConnection).client.query('rollback');
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PgConnection).client.release();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

export class PgDialect implements Dialect {
  constructor(private readonly pool: pg.Pool) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgDriver(this.pool);
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
