import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type App, openApp, orgContext } from '../bootstrap/open-app.ts';
import type { Ctx } from '../shared/context/index.ts';
import { type Database, type DatabaseConfig, databaseConfigFrom } from '../shared/db/index.ts';
import { AppError } from '../shared/errors/index.ts';
import type { GlobalOptions } from './global-options.ts';

/** `--data-dir` wins; else DATABASE_URL means PostgreSQL; else PGlite in SETTLE_DATA_DIR or ./data. */
export function databaseConfigOf(globals: GlobalOptions): DatabaseConfig {
  return databaseConfigFrom(process.env, globals.dataDir);
}

export function isFreshPglite(config: DatabaseConfig): boolean {
  return (
    config.kind === 'pglite' && config.dataDir !== null && !existsSync(join(config.dataDir, 'PG_VERSION'))
  );
}

/**
 * Opens the database (and brings its schema up to date), runs `fn`, and always closes it: PGlite
 * flushes to disk on close. Commands other than init/demo/start refuse to create a new PGlite
 * folder: a typo in --data-dir should not cost five seconds and leave an empty cluster behind.
 */
export async function withDatabase<T>(
  globals: GlobalOptions,
  fn: (database: Database) => Promise<T>,
  options: { canCreate?: boolean; migrate?: boolean } = {},
): Promise<T> {
  const config = databaseConfigOf(globals);
  if (!options.canCreate && isFreshPglite(config) && config.kind === 'pglite') {
    throw new AppError('ORG_NOT_INITIALISED', {
      message: `no database in ${config.dataDir}: run \`settle init\` first (or pass --data-dir)`,
      details: { data_dir: config.dataDir },
    });
  }
  const app: App = await openApp(config, {
    migrate: options.migrate !== false,
    createMasterKey: options.canCreate === true,
  });
  try {
    return await fn(app.database);
  } finally {
    await app.close();
  }
}

/** The same, with the context of the org named by --org (or the only one). Actor: `cli:<os user>`. */
export async function withOrg<T>(
  globals: GlobalOptions,
  fn: (ctx: Ctx, database: Database) => Promise<T>,
): Promise<T> {
  return withDatabase(globals, async (database) => fn(await orgContext(database, globals.org), database));
}
