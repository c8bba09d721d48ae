import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from './tabular.types.ts';

/**
 * Picks the encoding of a text file: a BOM wins; otherwise valid UTF-8 is UTF-8 and anything else
 * is taken as GB18030, the superset of GBK/GB2312 that Chinese Excel and ERP exports use.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}
