import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './database.types.ts';
import { PgDialect, pgTypes } from './pg-driver.ts';
import { PgliteDialect } from './pglite-driver.ts';

export type DbKind = 'pglite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the root handle or a transaction: read-only helpers accept both. */
export type DbOrTx = Kysely<DB>;

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null /* null = in memory */ }
  | { kind: 'postgres'; url: string; poolSize?: number };

export type Database = {
  db: Db;
  kind: DbKind;
  describe: string;
  close(): Promise<void>;
  /**
   * PGlite only (one process owns the data): a number that changes whenever data may have
   * changed. Null on PostgreSQL, where other processes write too.
   */
  changeCount: (() => number) | null;
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
    const db = new Kysely<DB>({ dialect: new PgDialect(pool) });
    const safeUrl = config.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return {
      db,
      kind: 'postgres',
      describe: `PostgreSQL ${safeUrl}`,
      close: () => db.destroy(),
      changeCount: null,
    };
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const client = config.dataDir
    ? new PGlite(config.dataDir, { parsers: pgliteParsers })
    : new PGlite({ parsers: pgliteParsers });
  await client.waitReady;
  const dialect = new PgliteDialect(client);
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    kind: 'pglite',
    describe: config.dataDir ? `PGlite ${config.dataDir}` : 'PGlite (in memory)',
    close: () => db.destroy(),
    changeCount: () => dialect.changes.value,
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
