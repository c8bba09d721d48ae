import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors/index.ts';
import { KEY_BYTES } from './master-keys.ts';

export type KeyPurpose = 'data' | 'index';

const WRAP_FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAPPED_BYTES = 1 + IV_BYTES + TAG_BYTES + KEY_BYTES;

/** Binds a wrapped key to its org, purpose and version: a row copied elsewhere does not unwrap. */
function aadOf(orgId: string, purpose: KeyPurpose, version: number): Buffer {
  return Buffer.from(`settle.org_key\u0000${orgId}\u0000${purpose}\u0000${version}`, 'utf8');
}

export type KeySlot = { orgId: string; purpose: KeyPurpose; version: number };

/** 1 byte format, 12-byte IV, 16-byte tag, the 32-byte key encrypted with AES-256-GCM. */
export function wrapKey(master: Buffer, slot: KeySlot, key: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(aadOf(slot.orgId, slot.purpose, slot.version));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([Buffer.of(WRAP_FORMAT), iv, cipher.getAuthTag(), body]);
}

export function unwrapKey(master: Buffer, masterId: string, slot: KeySlot, wrapped: Uint8Array): Buffer {
  const buf = Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength);
  try {
    if (buf.length !== WRAPPED_BYTES || buf[0] !== WRAP_FORMAT) throw new Error('bad format');
    const decipher = createDecipheriv('aes-256-gcm', master, buf.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(aadOf(slot.orgId, slot.purpose, slot.version));
    decipher.setAuthTag(buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new AppError('MASTER_KEY_INVALID', {
      message: `master key ${masterId} does not unwrap the ${slot.purpose} key v${slot.version} of org ${slot.orgId}`,
      details: { master_key_id: masterId, org_id: slot.orgId, purpose: slot.purpose, version: slot.version },
    });
  }
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
