import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Keyring } from '../context/index.ts';
import type { DB } from './database.types.ts';
import { listenPglite, listenPostgres, type NotificationHandler, type Unlisten } from './listen.ts';
import { PgDriver, pgTypes } from './pg-driver.ts';
import { type ChangeCounter, PgliteDriver } from './pglite-driver.ts';
import { type Scope, ScopedDialect } from './scope.ts';

export type DbKind = 'pglite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the root handle or a transaction: read-only helpers accept both. */
export type DbOrTx = Kysely<DB>;

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null /* null = in memory */ }
  | { kind: 'postgres'; url: string; poolSize?: number };

export type Database = {
  /** The system side: the owner role, which row-level security does not confine. */
  db: Db;
  /** A handle confined to one org (and actor) by row-level security: what use cases get as ctx.db. */
  scoped(scope: Scope): Db;
  kind: DbKind;
  describe: string;
  close(): Promise<void>;
  /** The keys of encrypted fields, once a master key is loaded (openApp, tests); null until then. */
  keyring: Keyring | null;
  /**
   * PGlite only (one process owns the data): a number that changes whenever data may have
   * changed. Null on PostgreSQL, where other processes write too.
   */
  changeCount: (() => number) | null;
  /** LISTEN for NOTIFY on a channel (live updates); resolves once listening, to a function that stops. */
  listen(channel: string, handler: NotificationHandler): Promise<Unlisten>;
};

/** Same types on both: int8 -> bigint, numeric -> string, date -> 'YYYY-MM-DD'. */
const pgliteParsers = {
  20: (v: string) => BigInt(v),
  1700: (v: string) => v,
  1082: (v: string) => v,
};

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, types: pgTypes });
    // An idle client the server dropped (restart, failover, admin command) is removed from the
    // pool and replaced on the next checkout; without a listener the process would crash.
    pool.on('error', () => undefined);
    const driver = new PgDriver(pool);
    const db = new Kysely<DB>({ dialect: new ScopedDialect(driver, null) });
    const safeUrl = config.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return {
      db,
      kind: 'postgres',
      scoped: (scope) => new Kysely<DB>({ dialect: new ScopedDialect(driver, scope) }),
      describe: `PostgreSQL ${safeUrl}`,
      close: () => db.destroy(),
      keyring: null,
      changeCount: null,
      listen: (channel, handler) => listenPostgres(config.url, channel, handler),
    };
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const client = config.dataDir
    ? new PGlite(config.dataDir, { parsers: pgliteParsers })
    : new PGlite({ parsers: pgliteParsers });
  await client.waitReady;
  const changes: ChangeCounter = { value: 0 };
  const driver = new PgliteDriver(client, changes);
  const db = new Kysely<DB>({ dialect: new ScopedDialect(driver, null) });
  return {
    db,
    kind: 'pglite',
    scoped: (scope) => new Kysely<DB>({ dialect: new ScopedDialect(driver, scope) }),
    describe: config.dataDir ? `PGlite ${config.dataDir}` : 'PGlite (in memory)',
    close: () => db.destroy(),
    keyring: null,
    changeCount: () => changes.value,
    listen: (channel, handler) => listenPglite(client, channel, handler),
  };
}

/** The configuration the environment asks for: DATABASE_URL means PostgreSQL, else PGlite in a folder. */
export function databaseConfigFrom(
  env: { DATABASE_URL?: string; SETTLE_DATA_DIR?: string },
  dataDirFlag?: string,
): DatabaseConfig {
  if (dataDirFlag) return { kind: 'pglite', dataDir: dataDirFlag };
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: env.SETTLE_DATA_DIR || './data' };
}
