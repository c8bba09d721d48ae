import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationFiles } from '../db/migrate.ts';

/**
 * One PostgreSQL template per test run (the run id is set in vitest.config.ts), so two runs on
 * one server never drop each other's template.
 */
export const TEMPLATE_DB_NAME = `settle_tpl_${process.env.SETTLE_TEST_RUN ?? 'manual'}`;

/** A template per migration set, so a changed migration makes a new template. */
export function migrationsHash(): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');
  const h = createHash('sha256');
  for (const f of migrationFiles()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

export function pgliteTemplateDir(): string {
  return join(tmpdir(), `settle-pglite-template-${migrationsHash()}`);
}
