import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { detectEncoding } from './detect-encoding.ts';

const TEXT = '客户编码,金额\nC001,"1,234.00"\n';

describe('detectEncoding / decodeText', () => {
  it('reads plain UTF-8', () => {
    const bytes = new TextEncoder().encode(TEXT);
    expect(detectEncoding(bytes)).toBe('utf-8');
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(detectEncoding(bytes)).toBe('utf-8-bom');
    expect(decodeText(bytes).text).toBe(TEXT);
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    const le = iconv.encode(TEXT, 'utf-16le', { addBOM: true });
    const be = iconv.encode(TEXT, 'utf-16be', { addBOM: true });
    expect(detectEncoding(le)).toBe('utf-16le');
    expect(detectEncoding(be)).toBe('utf-16be');
    expect(decodeText(le).text).toBe(TEXT);
    expect(decodeText(be).text).toBe(TEXT);
  });

  it('falls back to GB18030 when the bytes are not valid UTF-8', () => {
    const bytes = iconv.encode(TEXT, 'gb18030');
    expect(detectEncoding(bytes)).toBe('gb18030');
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('treats pure ASCII as UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('a,b\n1,2\n'))).toBe('utf-8');
  });
});
