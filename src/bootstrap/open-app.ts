import { userInfo } from 'node:os';
import { sql } from 'kysely';
import { createOrg, getOrg, type Org } from '../modules/orgs/index.ts';
import type { Ctx } from '../shared/context/index.ts';
import { type Database, type DatabaseConfig, migrate, openDatabase } from '../shared/db/index.ts';
import { type Clock, systemClock } from '../shared/time/index.ts';

export type App = { database: Database; close(): Promise<void> };

/** Opens the database named by the configuration and brings its schema up to date. */
export async function openApp(config: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<App> {
  const database = await openDatabase(config);
  try {
    if (options.migrate !== false) await migrate(database.db);
    // PGlite has no autovacuum daemon to keep planner statistics: refresh them on open.
    if (database.kind === 'pglite') await sql`analyze`.execute(database.db);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { database, close: () => database.close() };
}

export function contextFor(
  database: Database,
  org: Org,
  options: { clock?: Clock; actor?: string } = {},
): Ctx {
  return {
    db: database.db,
    org: { id: org.id, slug: org.slug, baseCurrency: org.baseCurrency, timeZone: org.timeZone },
    clock: options.clock ?? systemClock(org.timeZone),
    actor: options.actor ?? `cli:${safeUser()}`,
  };
}

export async function orgContext(
  database: Database,
  slug?: string,
  options: { clock?: Clock; actor?: string } = {},
): Promise<Ctx> {
  return contextFor(database, await getOrg(database.db, slug), options);
}

export async function ensureOrg(
  database: Database,
  options: { name: string; slug?: string; baseCurrency: string },
) {
  return createOrg(database.db, options);
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
