import { isUtf8 } from 'node:buffer';
import { rejectStatement } from '../../statement-errors.ts';

export type XmlText = { text: string; encoding: string };

const DECLARED = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;
const SINGLE_BYTE = new Set(['iso-8859-1', 'latin1', 'windows-1252', 'cp1252', 'iso-8859-15']);

/**
 * Decodes an XML file by its BOM or its declared encoding. Banks send camt in UTF-8; a file that
 * claims UTF-8 and is not is refused rather than guessed, since a wrong guess garbles payer names.
 */
export function decodeXmlText(file: string, bytes: Uint8Array): XmlText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200)).replace(/^\u00ef\u00bb\u00bf/, '');
  const declared = DECLARED.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  if (SINGLE_BYTE.has(declared))
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: declared };
  if (declared !== 'utf-8' && declared !== 'utf8') {
    return rejectStatement({
      file,
      line: 1,
      element: null,
      reason: `unsupported XML encoding "${declared}"`,
    });
  }
  if (!isUtf8(bytes)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\ufffd')).split('\n').length;
    return rejectStatement({
      file,
      line,
      element: null,
      reason: 'the file is not valid UTF-8 as its XML declaration says',
    });
  }
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}
