import iconv from 'iconv-lite';
import { detectEncoding } from './detect-encoding.ts';
import type { TextEncoding } from './tabular.types.ts';

export type DecodedText = { readonly text: string; readonly encoding: TextEncoding };

/** Decodes a text file to a string without its BOM, in the given or else the detected encoding. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = detectEncoding(bytes)): DecodedText {
  return { text: decodeAs(bytes, encoding), encoding };
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      // The default TextDecoder drops a leading BOM.
      return new TextDecoder('utf-8').decode(bytes);
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(bytes);
    case 'utf-16be':
      return iconv.decode(toBuffer(bytes.subarray(2)), 'utf-16be');
    case 'gb18030':
      return iconv.decode(toBuffer(bytes), 'gb18030');
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
