import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors/index.ts';
import { generateMasterKey, type MasterKeys, masterKeyId, masterKeysFrom } from './master-keys.ts';

/** `{ "active": id, "keys": { id: base64 } }`: older keys stay to unwrap what is not re-wrapped yet. */
type KeyFile = { active: string; keys: Record<string, string> };

function invalid(path: string, why: string): AppError {
  return new AppError('MASTER_KEY_INVALID', {
    message: `master key file ${path}: ${why}`,
    details: { path },
  });
}

/** A key file others can read is refused: it would hand them every org's data. */
function checkPermissions(path: string): void {
  const st = statSync(path);
  if (!st.isFile()) throw invalid(path, 'not a regular file');
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
    throw invalid(
      path,
      `permissions ${mode} are too open; it must be readable by its owner only (chmod 600)`,
    );
  }
}

export function readMasterKeyFile(path: string): MasterKeys {
  checkPermissions(path);
  let parsed: Partial<KeyFile>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeyFile>;
  } catch {
    throw invalid(path, 'not valid JSON');
  }
  const entries = Object.entries(parsed.keys ?? {});
  const keys = entries.map(([id, b64]) => {
    const key = Buffer.from(String(b64), 'base64');
    if (key.length !== 32 || masterKeyId(key) !== id) throw invalid(path, `key ${id} is damaged`);
    return key;
  });
  const active = keys.find((k) => masterKeyId(k) === parsed.active);
  if (!active) throw invalid(path, `the active key ${String(parsed.active)} is not in the file`);
  return masterKeysFrom(active, keys, { kind: 'file', path });
}

function serialise(masterKeys: MasterKeys): string {
  const keys: Record<string, string> = {};
  for (const [id, key] of masterKeys.keys) keys[id] = key.toString('base64');
  return `${JSON.stringify({ active: masterKeys.activeId, keys } satisfies KeyFile, null, 2)}\n`;
}

/** Writes a complete file beside `path`, 0600 from the first byte (exclusive create), and returns its name. */
function writeTemp(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/**
 * Creates the key file with a new master key unless it exists. The link is atomic and fails when
 * the name is taken, so two processes starting at once end up with the same single key.
 */
export function createMasterKeyFile(path: string): MasterKeys {
  const fresh = masterKeysFrom(generateMasterKey(), [], { kind: 'file', path });
  const tmp = writeTemp(path, serialise(fresh));
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return readMasterKeyFile(path);
}

/** Master rotation: a new active key, the old ones kept for unwrapping, the file replaced atomically. */
export function addMasterKeyToFile(path: string): MasterKeys {
  const current = readMasterKeyFile(path);
  const next = masterKeysFrom(generateMasterKey(), [...current.keys.values()], { kind: 'file', path });
  renameSync(writeTemp(path, serialise(next)), path);
  return readMasterKeyFile(path);
}
