import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { decodeText } from '../../../../shared/tabular/index.ts';

export type DecodedMt940 = { text: string; encoding: string };

/**
 * Decodes an MT940 file. UTF-8 (with or without BOM) is taken as such. Otherwise the file is
 * an 8-bit single-byte text: bytes 0x80-0x9F are control codes in Latin-1 and never appear in
 * its text, so their presence means a DOS code page (CP852 covers the German umlauts at the
 * same places as CP437/CP850 and the Central European letters Hungarian and Polish banks use);
 * without them it is Latin-1. A file whose high bytes all come in pairs is GB18030-looking and
 * goes to the shared decoder.
 */
export function decodeMt940(bytes: Uint8Array): DecodedMt940 {
  if (isUtf8(bytes)) {
    const { text, encoding } = decodeText(bytes);
    return { text, encoding };
  }
  if (looksDoubleByte(bytes)) return decodeText(bytes, 'gb18030');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.some((b) => b >= 0x80 && b <= 0x9f))
    return { text: iconv.decode(buffer, 'cp852'), encoding: 'cp852' };
  return { text: iconv.decode(buffer, 'latin1'), encoding: 'latin-1' };
}

function looksDoubleByte(bytes: Uint8Array): boolean {
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (b < 0x81 || b > 0xfe || next < 0x40 || next === 0x7f || next > 0xfe) return false;
    if (next < 0x80) return false; // an isolated high byte: Latin text, not Chinese
    pairs++;
    i++;
  }
  return pairs > 0;
}
