import type { Command } from 'commander';
import {
  getKeysStatus,
  rotateKeys,
  type TKeysStatus,
  type TRotateKeysResult,
} from '../../modules/keys/index.ts';
import { getOrg } from '../../modules/orgs/index.ts';
import {
  addMasterKeyToFile,
  createKeyring,
  defaultMasterKeyFile,
  loadMasterKeys,
  type MasterKeys,
} from '../../shared/crypto/index.ts';
import { type GlobalOptions, globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { databaseConfigOf, withDatabase } from '../session.ts';
import { UsageError } from '../usage-error.ts';

const ENV_MASTER_ROTATION =
  'SETTLE_MASTER_KEY is set, so Settle cannot store a new master key for you. To rotate it: put a new key ' +
  '(`openssl rand -base64 32`) in SETTLE_MASTER_KEY and the current one in SETTLE_MASTER_KEY_PREVIOUS ' +
  '(comma-separated if several), restart every Settle process with both, then run `settle keys rotate --master` ' +
  'again. Afterwards SETTLE_MASTER_KEY_PREVIOUS can go once `settle keys status` lists no key wrapped under it.';

function masterKeysOf(globals: GlobalOptions): MasterKeys {
  return loadMasterKeys({ env: process.env, keyFile: defaultMasterKeyFile(databaseConfigOf(globals)) });
}

/** With a key file: a new active key is added (the old ones kept). With the environment: both must be given. */
function nextMasterKeys(io: Io, current: MasterKeys): MasterKeys {
  const { source } = current;
  if (source.kind === 'file') {
    const next = addMasterKeyToFile(source.path);
    io.err(
      `New master key ${next.activeId} in ${source.path}; older keys stay there to unwrap until re-wrapped.`,
    );
    return next;
  }
  if (current.keys.size < 2) throw new UsageError(ENV_MASTER_ROTATION, { master_key_id: current.activeId });
  return current;
}

function printRotation(io: Io, r: TRotateKeysResult): void {
  for (const [field, n] of Object.entries(r.legacy_encrypted))
    if (n > 0) io.out(`encrypted ${n} legacy ${field} value(s)`);
  for (const o of r.orgs) {
    const fields = Object.entries(o.reencrypted).map(([f, n]) => `${n} ${f}`);
    io.out(
      `org ${o.org_id}: ${o.data_key_version === null ? 'data keys unchanged' : `data key v${o.data_key_version}`}` +
        `${fields.length > 0 ? `, re-encrypted ${fields.join(', ')}` : ''}` +
        `${o.rewrapped_keys > 0 ? `, ${o.rewrapped_keys} key(s) re-wrapped` : ''}`,
    );
  }
  io.out(`${r.orgs.length} org(s) rotated; master key ${r.master_key_id}.`);
}

function printStatus(io: Io, s: TKeysStatus): void {
  const from = s.master.file ? `file ${s.master.file}` : s.master.source;
  io.out(`Master key ${s.master.active_id} (${from}); loaded: ${s.master.loaded_ids.join(', ')}`);
  io.out(`Master keys in use: ${s.master_keys_in_use.join(', ') || 'none'}`);
  for (const o of s.orgs) {
    const data = o.data_keys.map((k) => `v${k.version} ${k.status} (${k.master_key_id})`).join(', ');
    io.out(
      `org ${o.slug ?? o.org_id}: data keys ${data}; index key ${o.index_key ? `(${o.index_key.master_key_id})` : 'none'}`,
    );
    for (const [field, n] of Object.entries(o.pending))
      if (n > 0) io.out(`  ${n} ${field} value(s) not yet under the active key`);
    for (const [field, n] of Object.entries(o.legacy))
      if (n > 0) io.out(`  ${n} ${field} value(s) still in plaintext`);
  }
  if (s.orgs.length === 0) io.out('No org has encryption keys yet (they are made on first use).');
}

export function registerKeys(program: Command, io: Io): void {
  const keys = program
    .command('keys')
    .description('encryption keys of sensitive fields (tax ids, contacts, MFA)');

  keys
    .command('status')
    .description('the master key, and per org its data and index keys and any values not yet re-encrypted')
    .action(async (_opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      const masterKeys = masterKeysOf(globals);
      const status = await withDatabase(globals, (database) => getKeysStatus(database.db, masterKeys));
      emit(io, status, (s) => printStatus(io, s));
    });

  keys
    .command('rotate')
    .description(
      'new data keys and every encrypted value re-encrypted in small batches while Settle keeps running; ' +
        'with --master, first a new master key and every key re-wrapped under it. --org limits it to one org',
    )
    .option('--master', 'rotate the master key too')
    .action(async (_opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      const isMaster = cmd.opts<{ master?: boolean }>().master === true;
      const current = masterKeysOf(globals);
      const result = await withDatabase(globals, async (database) => {
        const orgId = globals.org ? (await getOrg(database.db, globals.org)).id : undefined;
        const masterKeys = isMaster ? nextMasterKeys(io, current) : current;
        return rotateKeys({
          db: database.db,
          keyring: createKeyring(masterKeys),
          masterKeys,
          rotateMaster: isMaster,
          ...(orgId ? { orgId } : {}),
          onProgress: (m) => {
            if (!io.isJson) io.err(m);
          },
        });
      });
      emit(io, result, (r) => printRotation(io, r));
    });
}
