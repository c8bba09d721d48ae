import { existsSync, renameSync, rmSync } from 'node:fs';
import pg from 'pg';
import { migrate, openDatabase } from '../db/index.ts';
import { pgliteTemplateDir, TEMPLATE_DB_NAME } from './test-templates.ts';

/** Builds the migrated template databases once per test run; each suite clones them. */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const dir = pgliteTemplateDir();
  if (!existsSync(dir)) {
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const database = await openDatabase({ kind: 'pglite', dataDir: tmp });
    await migrate(database.db);
    await database.close();
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another test run built the same template at the same time: theirs is as good as ours.
      if (!existsSync(dir)) throw e;
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${TEMPLATE_DB_NAME} with (force)`);
      await admin.query(`create database ${TEMPLATE_DB_NAME}`);
    } finally {
      await admin.end();
    }
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB_NAME}`;
    const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 1 });
    await migrate(database.db);
    await database.close();
    return async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      try {
        await a.query(`drop database if exists ${TEMPLATE_DB_NAME} with (force)`);
      } finally {
        await a.end();
      }
    };
  }
  return undefined;
}
