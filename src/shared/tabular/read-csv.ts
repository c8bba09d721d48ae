import type { TableRow } from './tabular.types.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An RFC 4180 reader over a decoded string: quoted cells, doubled quotes, CRLF/LF/CR line ends and
 * line breaks inside quotes. Lenient where spreadsheets are sloppy: a quote inside an unquoted cell
 * and text after a closing quote are kept literally. Each row carries the physical line it starts
 * on; rows whose cells are all blank are skipped. Hand-written because it is the hot loop of a
 * million-row import: single-line records are cut with native indexOf, and only records spanning
 * lines (or holding a lone CR) walk character by character.
 */
export function* readCsvRows(text: string, delimiter: string): Generator<TableRow, void, undefined> {
  const scanner = new CsvScanner(text, delimiter);
  for (;;) {
    const line = scanner.line;
    const cells = scanner.nextRecord();
    if (cells === null) return;
    if (scanner.isUnterminated) {
      yield { line, cells, problem: 'unterminated-quote' };
      return;
    }
    if (!isBlankRow(cells)) yield { line, cells };
  }
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell.length === 0) continue;
    const first = cell.charCodeAt(0);
    // Printable ASCII is never whitespace: skip the trim for the usual first cell.
    if ((first > 32 && first < 127) || cell.trim().length > 0) return false;
  }
  return true;
}

/**
 * Remembers where the next LF, CR, quote and delimiter are, refreshing each only once passed, so
 * every character is searched once however the file is shaped (no LFs at all, no delimiters...).
 */
class CsvScanner {
  readonly #text: string;
  readonly #delimiter: string;
  #nextLf = -1;
  #nextCr = -1;
  #nextQuote = -1;
  #nextDelimiter = -1;
  /** Offset of the next record and its physical line. */
  #pos = 0;
  line = 1;
  isUnterminated = false;

  constructor(text: string, delimiter: string) {
    this.#text = text;
    this.#delimiter = delimiter;
  }

  nextRecord(): string[] | null {
    const text = this.#text;
    const from = this.#pos;
    if (from >= text.length) return null;
    if (this.#nextLf < from) this.#nextLf = indexOrEnd(text, '\n', from);
    if (this.#nextCr < from) this.#nextCr = indexOrEnd(text, '\r', from);
    if (this.#nextQuote < from) this.#nextQuote = indexOrEnd(text, '"', from);
    const lf = this.#nextLf;
    const end = this.#nextCr === lf - 1 ? lf - 1 : lf;
    if (this.#nextCr >= end) {
      const cells = this.#nextQuote >= end ? this.#splitPlain(from, end) : this.#splitQuoted(from, end);
      if (cells !== null) {
        this.#pos = lf + 1;
        this.line += 1;
        return cells;
      }
    }
    const record = readRecord(text, from, this.line, this.#delimiter.charCodeAt(0));
    this.#pos = record.end;
    this.line = record.line;
    this.isUnterminated = record.isUnterminated;
    return record.cells;
  }

  #delimiterFrom(p: number): number {
    if (this.#nextDelimiter < p) this.#nextDelimiter = indexOrEnd(this.#text, this.#delimiter, p);
    return this.#nextDelimiter;
  }

  #splitPlain(from: number, to: number): string[] {
    const cells: string[] = [];
    let p = from;
    for (;;) {
      const d = this.#delimiterFrom(p);
      if (d >= to) {
        cells.push(this.#text.slice(p, to));
        return cells;
      }
      cells.push(this.#text.slice(p, d));
      p = d + 1;
    }
  }

  /** A single-line record with quoted cells, or null when a quoted cell runs past the line. */
  #splitQuoted(from: number, to: number): string[] | null {
    const text = this.#text;
    const cells: string[] = [];
    let p = from;
    for (;;) {
      let value = '';
      if (p < to && text.charCodeAt(p) === QUOTE) {
        let segment = p + 1;
        for (;;) {
          const q = text.indexOf('"', segment);
          if (q === -1 || q >= to) return null;
          if (text.charCodeAt(q + 1) !== QUOTE) {
            value = value + text.slice(segment, q);
            p = q + 1;
            break;
          }
          value = value + text.slice(segment, q + 1);
          segment = q + 2;
        }
      }
      // An unquoted cell, or text typed after a closing quote, runs to the delimiter.
      const d = this.#delimiterFrom(p);
      const cellEnd = Math.min(d, to);
      cells.push(cellEnd > p ? value + text.slice(p, cellEnd) : value);
      if (d >= to) return cells;
      p = d + 1;
    }
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

type CsvRecord = { cells: string[]; end: number; line: number; isUnterminated: boolean };

/** The general path: one record from `from`, which may span lines inside quotes. */
function readRecord(text: string, from: number, firstLine: number, d: number): CsvRecord {
  const n = text.length;
  const cells: string[] = [];
  let i = from;
  let line = firstLine;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let segment = i + 1;
      let j = segment;
      for (;;) {
        if (j >= n) {
          cells.push(value + text.slice(segment, n));
          return { cells, end: n, line, isUnterminated: true };
        }
        const c = text.charCodeAt(j);
        if (c === QUOTE) {
          value += text.slice(segment, j);
          if (text.charCodeAt(j + 1) !== QUOTE) break;
          value += '"';
          j += 2;
          segment = j;
          continue;
        }
        if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) line += 1;
        j += 1;
      }
      // Anything between the closing quote and the next delimiter is kept as typed.
      const k = scanUnquoted(text, j + 1, d);
      cells.push(k > j + 1 ? value + text.slice(j + 1, k) : value);
      i = k;
    } else {
      const k = scanUnquoted(text, i, d);
      cells.push(text.slice(i, k));
      i = k;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i += 1;
      continue;
    }
    if (c === CR) {
      return {
        cells,
        end: i + (text.charCodeAt(i + 1) === LF ? 2 : 1),
        line: line + 1,
        isUnterminated: false,
      };
    }
    if (c === LF) return { cells, end: i + 1, line: line + 1, isUnterminated: false };
    return { cells, end: n, line, isUnterminated: false };
  }
}

function scanUnquoted(text: string, from: number, d: number): number {
  let k = from;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === d || c === LF || c === CR) break;
    k += 1;
  }
  return k;
}
