import { userInfo } from 'node:os';
import { sql } from 'kysely';
import { encryptLegacyFields } from '../modules/keys/index.ts';
import { createOrg, getOrg, type Org } from '../modules/orgs/index.ts';
import type { Ctx, FieldCipher } from '../shared/context/index.ts';
import {
  createKeyring,
  defaultMasterKeyFile,
  loadMasterKeys,
  type MasterKeyEnv,
} from '../shared/crypto/index.ts';
import { type Database, type DatabaseConfig, migrate, openDatabase } from '../shared/db/index.ts';
import { AppError } from '../shared/errors/index.ts';
import { type Clock, systemClock } from '../shared/time/index.ts';

export type App = { database: Database; close(): Promise<void> };

export type OpenAppOptions = {
  migrate?: boolean;
  /** Create the master key file when there is none (`settle init`, `start`, `demo`). */
  createMasterKey?: boolean;
  /** Where SETTLE_MASTER_KEY, SETTLE_MASTER_KEY_FILE and SETTLE_MASTER_KEY_PREVIOUS are read. */
  env?: MasterKeyEnv;
};

/**
 * Opens the database named by the configuration, brings its schema up to date and attaches the
 * keyring of encrypted fields. The master key is read when first needed, so a command that touches
 * no encrypted field runs without one; init/start/demo create the key file if it is missing.
 */
export async function openApp(config: DatabaseConfig, options: OpenAppOptions = {}): Promise<App> {
  const database = await openDatabase(config);
  try {
    if (options.migrate !== false) await migrate(database.db);
    // PGlite has no autovacuum daemon to keep planner statistics: refresh them on open.
    if (database.kind === 'pglite') await sql`analyze`.execute(database.db);
    const env = options.env ?? process.env;
    const keyFile = defaultMasterKeyFile(config);
    const load = () => loadMasterKeys({ env, keyFile, create: options.createMasterKey === true });
    database.keyring = createKeyring(options.createMasterKey ? load() : load);
    if (options.migrate !== false) await encryptLegacyFields(database, database.keyring);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { database, close: () => database.close() };
}

export type ContextOptions = {
  clock?: Clock;
  actor?: string;
  userId?: string | null;
  ip?: string | null;
  /** Confines the context to one salesperson's customers (a collector, when the org says so). */
  salesperson?: string | null;
};

/** A context for one org: its database handle is confined to the org by row-level security. */
export function contextFor(database: Database, org: Org, options: ContextOptions = {}): Ctx {
  const actor = options.actor ?? `cli:${safeUser()}`;
  return {
    db: database.scoped({
      orgId: org.id,
      actor,
      ip: options.ip ?? null,
      salesperson: options.salesperson ?? null,
    }),
    org: { id: org.id, slug: org.slug, baseCurrency: org.baseCurrency, timeZone: org.timeZone },
    clock: options.clock ?? systemClock(org.timeZone),
    actor,
    userId: options.userId ?? null,
    fields: database.keyring?.cipherFor(org.id) ?? NO_KEYS,
  };
}

/** Until a master key is loaded, any use of an encrypted field fails loudly instead of storing plaintext. */
const NO_KEYS: FieldCipher = {
  encrypt: () => Promise.reject(new AppError('MASTER_KEY_MISSING')),
  decrypt: () => Promise.reject(new AppError('MASTER_KEY_MISSING')),
  blindIndex: () => Promise.reject(new AppError('MASTER_KEY_MISSING')),
};

export async function orgContext(
  database: Database,
  slug?: string,
  options: ContextOptions = {},
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
