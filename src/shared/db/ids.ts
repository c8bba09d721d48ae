import { randomFillSync } from 'node:crypto';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const pool = new Uint8Array(16 * 4096);
let poolOffset = pool.length;
let lastMs = 0;
let seq = 0;

/**
 * A UUIDv7 (RFC 9562): time-ordered, so inserts append to the index and ids sort by creation. Ids
 * made in the same millisecond carry an increasing 12-bit counter, so they sort in creation order too.
 */
export function newId(nowMs: number = Date.now()): string {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const b = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  if (nowMs <= lastMs) {
    seq += 1;
    if (seq > 0xfff) {
      lastMs += 1;
      seq = 0;
    }
  } else {
    lastMs = nowMs;
    seq = 0;
  }
  const ms = lastMs;
  const hi = Math.floor(ms / 2 ** 16);
  const lo = ms % 2 ** 16;
  const h = (n: number) => HEX[n & 0xff] as string;
  return (
    h(hi >>> 24) +
    h(hi >>> 16) +
    h(hi >>> 8) +
    h(hi) +
    '-' +
    h(lo >>> 8) +
    h(lo) +
    '-' +
    h(0x70 | (seq >>> 8)) +
    h(seq) +
    '-' +
    h(0x80 | ((b[8] ?? 0) & 0x3f)) +
    h(b[9] ?? 0) +
    '-' +
    h(b[10] ?? 0) +
    h(b[11] ?? 0) +
    h(b[12] ?? 0) +
    h(b[13] ?? 0) +
    h(b[14] ?? 0) +
    h(b[15] ?? 0)
  );
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
