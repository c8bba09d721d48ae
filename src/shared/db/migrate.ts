import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './connection.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number: serialises migrators started at once (two `settle serve` on one database).
const LOCK_KEY = 7_305_241_901;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
}

/**
 * Applies pending SQL migrations in order, each in its own transaction, on PGlite and PostgreSQL
 * alike. The bookkeeping table is infrastructure, the one table without org_id.
 */
export async function migrate(db: Db): Promise<MigrationResult> {
  await sql`create table if not exists settle_migrations (
    name text primary key, applied_at timestamptz not null default now())`.execute(db);
  const applied: string[] = [];
  let already = 0;
  for (const file of migrationFiles()) {
    const name = file.replace(/\.sql$/, '');
    const didApply = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      const done = await sql<{
        name: string;
      }>`select name from settle_migrations where name = ${name}`.execute(trx);
      if (done.rows.length > 0) return false;
      await sql.raw(readFileSync(join(MIGRATIONS_DIR, file), 'utf8')).execute(trx);
      await sql`insert into settle_migrations (name) values (${name})`.execute(trx);
      return true;
    });
    if (didApply) applied.push(name);
    else already += 1;
  }
  return { applied, alreadyApplied: already };
}
