import { rejectStatement } from '../../statement-errors.ts';

export type SgmlToken =
  | { kind: 'open'; name: string; line: number }
  | { kind: 'close'; name: string; line: number }
  | { kind: 'text'; text: string; line: number };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
const NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;

/**
 * Splits OFX markup into tags and text. It reads both forms the same way: OFX 1.x SGML, where a
 * value's end tag may be missing, and OFX 2.x XML; processing instructions, comments and a
 * DOCTYPE are skipped, CDATA is text. Whether a tag is closed is the tree builder's business.
 */
export function tokenizeSgml(text: string, start: number, file: string): SgmlToken[] {
  const tokens: SgmlToken[] = [];
  let line = 1 + countNewlines(text, 0, start);
  let pending = '';
  let pendingLine = line;
  const addText = (piece: string, pieceLine: number) => {
    if (pending.trim() === '') pendingLine = pieceLine;
    pending += piece;
  };
  let at = start;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const end = lt < 0 ? text.length : lt;
    if (end > at) {
      const chunk = text.slice(at, end);
      addText(chunk.includes('&') ? decodeEntities(chunk) : chunk, line + leadingNewlines(chunk));
      line += countNewlines(text, at, end);
      at = end;
      continue;
    }
    const [open, close, what] = MARKUP.find(([prefix]) => text.startsWith(prefix, at)) ?? TAG;
    const next = text.indexOf(close, at + open.length) + close.length;
    if (next < close.length) {
      rejectStatement({
        file,
        line,
        element: null,
        reason: `${what} is never closed: the file is truncated`,
      });
    }
    if (open === '<![CDATA[') addText(text.slice(at + open.length, next - close.length), line);
    else if (open === '<') {
      const value = pending.trim();
      if (value !== '') tokens.push({ kind: 'text', text: value, line: pendingLine });
      pending = '';
      tokens.push(...readTag(text.slice(at + 1, next - 1), line, file));
    }
    line += countNewlines(text, at, next);
    at = next;
  }
  const rest = pending.trim();
  if (rest !== '') tokens.push({ kind: 'text', text: rest, line: pendingLine });
  return tokens;
}

/** Markup that is not an element: CDATA is text, the rest is skipped. */
const MARKUP: readonly (readonly [string, string, string])[] = [
  ['<![CDATA[', ']]>', 'a CDATA section'],
  ['<!--', '-->', 'a comment'],
  ['<?', '?>', 'a processing instruction'],
  ['<!', '>', 'a declaration'],
];
const TAG = ['<', '>', 'a tag'] as const;

function readTag(inner: string, line: number, file: string): SgmlToken[] {
  if (inner.includes('<')) {
    rejectStatement({
      file,
      line,
      element: null,
      reason: `broken tag "<${inner.split(/[<\r\n]/)[0]}": it has no closing ">"`,
    });
  }
  const isClose = inner.startsWith('/');
  const isEmpty = !isClose && inner.endsWith('/');
  const name = inner
    .slice(isClose ? 1 : 0, isEmpty ? -1 : undefined)
    .trim()
    .toUpperCase();
  if (!NAME.test(name)) rejectStatement({ file, line, element: null, reason: `malformed tag "<${inner}>"` });
  if (isEmpty)
    return [
      { kind: 'open', name, line },
      { kind: 'close', name, line },
    ];
  return [{ kind: isClose ? 'close' : 'open', name, line }];
}

function decodeEntities(chunk: string): string {
  // A bare "&" is common in 1.x files ("AT&T"): only well-formed references are decoded.
  return chunk.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (!ref.startsWith('#')) return ENTITIES[ref.toLowerCase()] ?? whole;
    const isHex = ref[1] === 'x' || ref[1] === 'X';
    const code = Number.parseInt(ref.slice(isHex ? 2 : 1), isHex ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function leadingNewlines(chunk: string): number {
  const firstNonSpace = chunk.search(/\S/);
  return countNewlines(chunk, 0, firstNonSpace < 0 ? chunk.length : firstNonSpace);
}
