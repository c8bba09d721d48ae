import { decodeText } from './decode-text.ts';
import { type Delimiter, detectDelimiter } from './detect-delimiter.ts';
import { detectEncoding } from './detect-encoding.ts';
import type { ImportIssue } from './import-issue.ts';
import { readCsvRows } from './read-csv.ts';
import { readXlsxRows, WorkbookReadError } from './read-xlsx.ts';
import type { Table, TableFormat, TabularFile } from './tabular.types.ts';

export type ReadTableResult =
  | { readonly ok: true; readonly table: Table }
  | { readonly ok: false; readonly issue: ImportIssue };

/**
 * Opens a CSV/TSV/TXT or xlsx file as rows of text. The extension picks the format; a zip
 * signature (every xlsx) wins over it, and unknown extensions are sniffed. Legacy .xls and binary
 * files are refused with an issue rather than decoded into garbage.
 */
export async function readTable(file: TabularFile): Promise<ReadTableResult> {
  const fail = (code: 'UNREADABLE_FILE' | 'EMPTY_FILE', reason: string): ReadTableResult => ({
    ok: false,
    issue: { file: file.name, line: null, column: null, code, reason },
  });
  if (file.bytes.byteLength === 0) return fail('EMPTY_FILE', 'the file is empty');
  const format = detectFormat(file);
  if (format === 'xls') {
    return fail(
      'UNREADABLE_FILE',
      'legacy Excel 97-2003 (.xls) files are not supported; save as .xlsx or CSV',
    );
  }
  if (format === 'xlsx') {
    try {
      const rows = await readXlsxRows(file.bytes);
      return { ok: true, table: { format, encoding: null, delimiter: null, rows: () => rows.values() } };
    } catch (e) {
      if (e instanceof WorkbookReadError) return fail('UNREADABLE_FILE', e.message);
      throw e;
    }
  }
  const encoding = detectEncoding(file.bytes);
  const isUtf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  if (!isUtf16 && file.bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return fail('UNREADABLE_FILE', 'the file looks binary, not CSV or xlsx');
  }
  const { text } = decodeText(file.bytes, encoding);
  const delimiter = detectDelimiter(text, fallbackDelimiter(file.name));
  return { ok: true, table: { format, encoding, delimiter, rows: () => readCsvRows(text, delimiter) } };
}

/** Text never holds NUL bytes; binary formats have them within their first kilobytes. */
const BINARY_SNIFF_BYTES = 64 * 1024;

function detectFormat(file: TabularFile): TableFormat | 'xls' {
  const b = file.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  const ext = extensionOf(file.name);
  return ext === 'xlsx' || ext === 'xlsm' ? 'xlsx' : 'csv';
}

function fallbackDelimiter(name: string): Delimiter {
  return extensionOf(name) === 'tsv' ? '\t' : ',';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}
