import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors/index.ts';

/**
 * A field's ciphertext (bytea): 1 byte format, 4 bytes data-key version (big-endian), 12-byte IV,
 * 16-byte tag, then the AES-256-GCM ciphertext. The AAD is the header, the org id and the field
 * name, so a value copied to another column or org, or given another key version, fails to open.
 */
export const FIELD_FORMAT = 1;
const HEADER_BYTES = 5;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BODY_OFFSET = HEADER_BYTES + IV_BYTES + TAG_BYTES;

export type FieldBinding = { orgId: string; field: string };

function aadOf(header: Buffer, b: FieldBinding): Buffer {
  return Buffer.concat([header, Buffer.from(`${b.orgId}\u0000${b.field}`, 'utf8')]);
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function failed(b: FieldBinding, why: string): AppError {
  return new AppError('DECRYPTION_FAILED', {
    message: `${b.field} could not be decrypted: ${why}`,
    details: { field: b.field },
  });
}

/** The 4 header bytes naming a data-key version, as stored: rotation selects rows by them. */
export function keyVersionBytes(version: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(version);
  return b;
}

/** The data-key version a ciphertext was sealed with. */
export function keyVersionOf(ciphertext: Uint8Array, b: FieldBinding): number {
  const buf = asBuffer(ciphertext);
  if (buf.length < BODY_OFFSET || buf[0] !== FIELD_FORMAT) throw failed(b, 'not a Settle ciphertext');
  return buf.readUInt32BE(1);
}

export function sealField(key: Buffer, version: number, b: FieldBinding, plaintext: string): Buffer {
  const header = Buffer.concat([Buffer.of(FIELD_FORMAT), keyVersionBytes(version)]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadOf(header, b));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
}

/** `key` must be the data key of the version in the header (see keyVersionOf). */
export function openField(key: Buffer, b: FieldBinding, ciphertext: Uint8Array): string {
  const buf = asBuffer(ciphertext);
  keyVersionOf(buf, b);
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      key,
      buf.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES),
    );
    decipher.setAAD(aadOf(buf.subarray(0, HEADER_BYTES), b));
    decipher.setAuthTag(buf.subarray(HEADER_BYTES + IV_BYTES, BODY_OFFSET));
    return Buffer.concat([decipher.update(buf.subarray(BODY_OFFSET)), decipher.final()]).toString('utf8');
  } catch {
    throw failed(b, 'the ciphertext was altered, or belongs to another field or org');
  }
}
