import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../src/bootstrap/open-app.ts';
import { registerKeys } from '../src/cli/commands/keys.ts';
import type { Io } from '../src/cli/io.ts';
import { createCustomer, getCustomer } from '../src/modules/customers/index.ts';
import type { TKeysStatus, TRotateKeysResult } from '../src/modules/keys/index.ts';
import { createOrg } from '../src/modules/orgs/index.ts';
import { createKeyring, generateMasterKey, loadMasterKeys } from '../src/shared/crypto/index.ts';
import { openDatabase } from '../src/shared/db/index.ts';
import { isAppError } from '../src/shared/errors/index.ts';
import { freshDataDir } from './cli/run-settle.ts';

/** `settle keys ...` in this process, with the global flags main.ts defines; resolves with the JSON printed. */
async function runKeys<T>(args: string[]): Promise<T> {
  const printed: unknown[] = [];
  const io: Io = { isJson: true, out: () => {}, err: () => {}, json: (v) => printed.push(v) };
  const program = new Command('settle')
    .option('--data-dir <dir>')
    .option('--org <slug>')
    .option('--json')
    .exitOverride();
  registerKeys(program, io);
  await program.parseAsync(['node', 'settle', ...args, '--json']);
  return printed[0] as T;
}

describe('settle keys', { timeout: 120_000 }, () => {
  const data = freshDataDir();
  const keyDir = mkdtempSync(join(tmpdir(), 'settle-keyfile-'));
  const keyFile = join(keyDir, 'settle-master.key');
  const saved = { ...process.env };

  /** Reads customer A1 the way the app does, with keys from the file. */
  async function readTaxId(): Promise<string | null> {
    const database = await openDatabase({ kind: 'pglite', dataDir: data.dir });
    try {
      database.keyring = createKeyring(loadMasterKeys({ env: process.env, keyFile: null }));
      const { org } = await createOrg(database.db, { name: 'Keys', slug: 'keys', baseCurrency: 'CNY' });
      return (await getCustomer(contextFor(database, org), 'A1')).tax_id;
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    process.env.SETTLE_MASTER_KEY_FILE = keyFile;
    delete process.env.SETTLE_MASTER_KEY;
    const database = await openDatabase({ kind: 'pglite', dataDir: data.dir });
    try {
      database.keyring = createKeyring(loadMasterKeys({ env: process.env, keyFile: null, create: true }));
      const { org } = await createOrg(database.db, { name: 'Keys', slug: 'keys', baseCurrency: 'CNY' });
      await createCustomer(contextFor(database, org), { code: 'A1', name: 'A', tax_id: 'TAX-A1' });
    } finally {
      await database.close();
    }
  });
  afterAll(() => {
    process.env = saved;
    data.remove();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('status lists the master key and the org keys; rotate re-encrypts; --master adds a key to the file', async () => {
    const status = await runKeys<TKeysStatus>(['keys', 'status', '--data-dir', data.dir]);
    expect(status.master).toMatchObject({ source: 'file', file: keyFile });
    expect(status.orgs[0]?.data_keys.map((k) => k.version)).toEqual([1]);
    const rotated = await runKeys<TRotateKeysResult>(['keys', 'rotate', '--data-dir', data.dir]);
    expect(rotated.orgs[0]).toMatchObject({ data_key_version: 2, reencrypted: { 'customers.tax_id': 1 } });
    const master = await runKeys<TRotateKeysResult>(['keys', 'rotate', '--master', '--data-dir', data.dir]);
    expect(master.master_key_id).not.toBe(status.master.active_id);
    expect(master.orgs[0]).toMatchObject({ data_key_version: 3, rewrapped_keys: 3 });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const after = await runKeys<TKeysStatus>(['keys', 'status', '--data-dir', data.dir]);
    expect(after.master.loaded_ids).toHaveLength(2);
    expect(after.master_keys_in_use).toEqual([master.master_key_id]);
    expect(await readTaxId()).toBe('TAX-A1');
  });

  it('with SETTLE_MASTER_KEY, --master explains how to give the new and the old key', async () => {
    process.env.SETTLE_MASTER_KEY = generateMasterKey().toString('base64');
    try {
      const e = await runKeys(['keys', 'rotate', '--master', '--data-dir', data.dir]).catch(
        (x: unknown) => x,
      );
      expect(isAppError(e) && e.message).toMatch(/SETTLE_MASTER_KEY_PREVIOUS/);
    } finally {
      delete process.env.SETTLE_MASTER_KEY;
    }
  });
});
