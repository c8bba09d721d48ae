import { inflateRawSync } from 'node:zlib';

const MAX_ENTRY_BYTES = 4 * 1024 * 1024;

/**
 * The bytes of one named entry of a zip archive, through its central directory; null when absent,
 * too big to be a cheap look, or stored in a way this does not read. For sniffing only.
 */
export function readZipEntry(zip: Uint8Array, name: string): Uint8Array | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  let end = -1;
  for (let at = zip.byteLength - 22; at >= Math.max(0, zip.byteLength - 65_557); at -= 1) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(end + 10);
  let at = u32(end + 16);
  const wanted = new TextEncoder().encode(name);
  for (let n = 0; n < count && at + 46 <= zip.byteLength; n += 1) {
    if (u32(at) !== 0x02014b50) return null;
    const method = u16(at + 10);
    const size = u32(at + 20);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength);
    if (sameBytes(entryName, wanted)) {
      if (size > MAX_ENTRY_BYTES || u32(local) !== 0x04034b50) return null;
      const start = local + 30 + u16(local + 26) + u16(local + 28);
      const data = zip.subarray(start, start + size);
      try {
        if (method === 0) return data;
        return method === 8 ? new Uint8Array(inflateRawSync(data)) : null;
      } catch {
        return null;
      }
    }
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
