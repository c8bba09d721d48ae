import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { rejectStatement } from '../../statement-errors.ts';

/** The decoded text of an OFX file and where its element body starts. */
export type OfxText = { text: string; encoding: string; bodyStart: number };

const LATIN1 = new TextDecoder('latin1');

/**
 * Reads the OFX header to learn the text encoding, then decodes the file with it. OFX 1.x names it
 * in `ENCODING:` (USASCII or UTF-8) plus `CHARSET:` (a Windows code page or ISO-8859-1); OFX 2.x in
 * the XML declaration. A file without header (some banks send bare `<OFX>`) is UTF-8 when it is
 * valid UTF-8, else Windows-1252, the code page those banks write.
 */
export function readOfxHeader(bytes: Uint8Array, file: string): OfxText {
  const head = LATIN1.decode(bytes.subarray(0, 2048)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  const sgml = /^\s*OFXHEADER\s*:\s*(\d+)/.exec(head);
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  let declared: string | null = null;
  if (sgml) declared = sgmlEncoding(head, file);
  else if (xml) declared = xml[1] ?? null;
  else if (!/^\s*(<\?xml[^>]*>\s*)?(<\?OFX[^>]*>\s*)?<OFX>/i.test(head)) {
    rejectStatement({
      file,
      line: 1,
      element: null,
      reason: 'not an OFX file: no OFXHEADER, XML declaration or <OFX>',
    });
  }
  const encoding = declared ? canonicalEncoding(declared, file) : isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  const text = decode(bytes, encoding, file);
  const bodyStart = text.search(/<(OFX|\?|!)/i);
  if (bodyStart < 0)
    rejectStatement({ file, line: null, element: null, reason: 'the file has a header but no <OFX> body' });
  return { text, encoding, bodyStart };
}

function sgmlEncoding(head: string, file: string): string {
  const field = (name: string) =>
    new RegExp(`^\\s*${name}\\s*:\\s*(\\S*)`, 'im').exec(head)?.[1]?.toUpperCase();
  const encoding = field('ENCODING') ?? 'USASCII';
  const charset = field('CHARSET') ?? 'NONE';
  if (encoding === 'UTF-8' || encoding === 'UNICODE') return 'utf-8';
  if (encoding !== 'USASCII') {
    rejectStatement({
      file,
      line: null,
      element: 'header ENCODING',
      reason: `unsupported OFX encoding "${encoding}"`,
    });
  }
  // USASCII with CHARSET NONE is plain ASCII; 1252 is its usual superset and decodes it unchanged.
  if (charset === 'NONE' || charset === '') return 'windows-1252';
  return /^\d+$/.test(charset) ? `windows-${charset}` : charset;
}

function canonicalEncoding(name: string, file: string): string {
  const lower = name.trim().toLowerCase();
  if (lower === 'utf-8' || lower === 'utf8') return 'utf-8';
  if (lower === 'us-ascii' || lower === 'ascii' || lower === 'usascii') return 'windows-1252';
  const normal = lower.replace(/^8859-/, 'iso-8859-');
  if (!iconv.encodingExists(normal)) {
    rejectStatement({ file, line: null, element: 'header', reason: `unsupported text encoding "${name}"` });
  }
  return normal;
}

function decode(bytes: Uint8Array, encoding: string, file: string): string {
  if (encoding === 'utf-8') {
    if (!isUtf8(bytes)) {
      rejectStatement({
        file,
        line: null,
        element: null,
        reason: 'the header says UTF-8 but the file is not valid UTF-8',
      });
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}
