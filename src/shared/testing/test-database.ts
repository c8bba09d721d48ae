import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createKeyring, masterKeysForTests } from '../crypto/index.ts';
import { type Database, migrate, openDatabase } from '../db/index.ts';
import { pgliteTemplateDir, TEMPLATE_DB_NAME } from './test-templates.ts';

export type TestDatabaseFactory = { name: 'pglite' | 'postgres'; open: () => Promise<Database> };

/**
 * The databases every integration suite runs on: PGlite always, PostgreSQL too when DATABASE_URL
 * is set. Each open() gets a fresh, migrated database cloned from a template made once per run.
 */
export function openTestDatabases(): TestDatabaseFactory[] {
  const list: TestDatabaseFactory[] = [{ name: 'pglite', open: openPgliteTestDatabase }];
  if (process.env.DATABASE_URL) list.push({ name: 'postgres', open: openPostgresTestDatabase });
  return list;
}

/** A fresh random master key for each test database: nothing a test encrypts outlives it. */
function testKeyring() {
  return createKeyring(masterKeysForTests());
}

export async function openPgliteTestDatabase(): Promise<Database> {
  const template = pgliteTemplateDir();
  const dir = mkdtempSync(join(tmpdir(), 'settle-test-'));
  if (existsSync(template)) cpSync(template, dir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  if (!existsSync(template)) await migrate(database.db);
  return {
    ...database,
    keyring: testKeyring(),
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openPostgresTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `settle_t_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DB_NAME}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 4 });
  return {
    ...database,
    keyring: testKeyring(),
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
