import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors/index.ts';
import { defaultMasterKeyFile, loadMasterKeys } from './load-master-keys.ts';
import { addMasterKeyToFile } from './master-key-file.ts';
import { generateMasterKey, masterKeyId } from './master-keys.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settle-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

describe.skipIf(process.platform === 'win32')('master keys', () => {
  it('puts the default key file beside the PGlite folder, not inside it', () => {
    expect(defaultMasterKeyFile({ kind: 'pglite', dataDir: '/srv/settle/data' })).toBe(
      '/srv/settle/settle-master.key',
    );
    expect(defaultMasterKeyFile({ kind: 'pglite', dataDir: null })).toBeNull();
    expect(defaultMasterKeyFile({ kind: 'postgres', url: 'postgresql://x/y' })).toMatch(
      /settle-master\.key$/,
    );
  });

  it('creates the key file 0600 on init and reads the same key back; a missing one is MASTER_KEY_MISSING', () => {
    const keyFile = join(dir, 'settle-master.key');
    expect(codeOf(() => loadMasterKeys({ env: {}, keyFile }))).toBe('MASTER_KEY_MISSING');
    const created = loadMasterKeys({ env: {}, keyFile, create: true });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(created.source).toEqual({ kind: 'file', path: keyFile });
    const again = loadMasterKeys({ env: {}, keyFile, create: true });
    expect(again.activeId).toBe(created.activeId);
    const json = JSON.parse(readFileSync(keyFile, 'utf8')) as {
      active: string;
      keys: Record<string, string>;
    };
    expect(Object.keys(json.keys)).toEqual([created.activeId]);
  });

  it('refuses a key file others can read', () => {
    const keyFile = join(dir, 'settle-master.key');
    loadMasterKeys({ env: {}, keyFile, create: true });
    chmodSync(keyFile, 0o644);
    expect(() => loadMasterKeys({ env: {}, keyFile })).toThrow(/chmod 600/);
    expect(codeOf(() => loadMasterKeys({ env: {}, keyFile }))).toBe('MASTER_KEY_INVALID');
  });

  it('SETTLE_MASTER_KEY (hex or base64) wins over the file; PREVIOUS keys are loaded for unwrapping', () => {
    const now = generateMasterKey();
    const old = generateMasterKey();
    const keyFile = join(dir, 'settle-master.key');
    const env = {
      SETTLE_MASTER_KEY: now.toString('base64'),
      SETTLE_MASTER_KEY_PREVIOUS: ` ${old.toString('hex')} `,
    };
    const keys = loadMasterKeys({ env, keyFile, create: true });
    expect(keys.activeId).toBe(masterKeyId(now));
    expect([...keys.keys.keys()].sort()).toEqual([masterKeyId(now), masterKeyId(old)].sort());
    expect(keys.source.kind).toBe('env');
    expect(codeOf(() => loadMasterKeys({ env: { SETTLE_MASTER_KEY: 'c2hvcnQ=' }, keyFile: null }))).toBe(
      'MASTER_KEY_INVALID',
    );
  });

  it('SETTLE_MASTER_KEY_FILE names the file; a master rotation adds a key and keeps the old one', () => {
    const keyFile = join(dir, 'elsewhere.key');
    const first = loadMasterKeys({ env: { SETTLE_MASTER_KEY_FILE: keyFile }, keyFile: null, create: true });
    const next = addMasterKeyToFile(keyFile);
    expect(next.activeId).not.toBe(first.activeId);
    expect(next.keys.has(first.activeId)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('rejects a damaged file', () => {
    const keyFile = join(dir, 'bad.key');
    writeFileSync(keyFile, '{"active":"x","keys":{"x":"AAAA"}}', { mode: 0o600 });
    expect(codeOf(() => loadMasterKeys({ env: {}, keyFile }))).toBe('MASTER_KEY_INVALID');
  });
});
