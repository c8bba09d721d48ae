import iconv from 'iconv-lite';
import { decodeText, detectEncoding, type TextEncoding } from '../../../../shared/tabular/index.ts';

export type BankTextEncoding = TextEncoding | 'latin-1';

/**
 * The shared `detectEncoding` takes every non-UTF-8 file for GB18030, right for Chinese exports
 * but wrong for a European bank's Latin-1 (Windows-1252) CSV. This one tells them apart: GBK text
 * is runs of double-byte characters whose both bytes are high (every GB2312 hanzi is A1-FE A1-FE),
 * while Latin-1 text has lone high bytes (ä, ü, ß, é) between ASCII letters, which either breaks
 * the GB18030 byte structure or forms pairs with an ASCII second byte.
 */
export function detectTextEncoding(bytes: Uint8Array): BankTextEncoding {
  const shared = detectEncoding(bytes);
  if (shared !== 'gb18030') return shared;
  return looksLikeGb18030(bytes) ? 'gb18030' : 'latin-1';
}

export function looksLikeGb18030(bytes: Uint8Array): boolean {
  let highPairs = 0;
  let asciiTrailPairs = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    if (lead === 0x80 || lead === 0xff) return false;
    const second = bytes[i + 1];
    // A sequence cut by the end of the sample says nothing either way.
    if (second === undefined) break;
    if (second >= 0x30 && second <= 0x39) {
      // Four-byte sequence: lead, digit, high byte, digit.
      if (i + 3 >= bytes.length) break;
      const third = bytes[i + 2] ?? 0;
      const fourth = bytes[i + 3] ?? 0;
      if (third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return false;
      highPairs += 1;
      i += 4;
      continue;
    }
    if (second < 0x40 || second === 0x7f || second === 0xff) return false;
    if (second >= 0x80) highPairs += 1;
    else asciiTrailPairs += 1;
    i += 2;
  }
  // GBK characters with an ASCII trail byte (40-7E) exist but are rare in real text.
  return highPairs > 0 && highPairs >= 2 * asciiTrailPairs;
}

/**
 * Decodes in the detected encoding. Latin-1 is read as Windows-1252, as the WHATWG encoding
 * standard does for the "latin1" label: Windows Excel writes € as 0x80.
 */
export function decodeBankText(bytes: Uint8Array, encoding: BankTextEncoding): string {
  if (encoding === 'latin-1') {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  }
  return decodeText(bytes, encoding).text;
}
