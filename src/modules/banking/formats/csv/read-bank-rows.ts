import {
  detectDelimiter,
  readCsvRows,
  readXlsxRows,
  type TableRow,
  WorkbookReadError,
} from '../../../../shared/tabular/index.ts';
import { rejectStatement } from '../../statement-errors.ts';
import { type BankTextEncoding, decodeBankText, detectTextEncoding } from './detect-text-encoding.ts';
import { isLegacyXls, isZip } from './sniff-file-kind.ts';

export type BankRows = {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: BankTextEncoding | null;
  readonly rows: readonly TableRow[];
};

type BankFile = { readonly name: string; readonly bytes: Uint8Array };

/** The file's non-blank rows as text cells: CSV/TSV in any encoding, or an xlsx first sheet. */
export async function readBankRows(file: BankFile): Promise<BankRows> {
  const fail = (reason: string): never =>
    rejectStatement({ file: file.name, line: null, element: null, reason });
  if (file.bytes.byteLength === 0) fail('the file is empty');
  if (isLegacyXls(file.bytes)) {
    fail(
      'legacy Excel 97-2003 (.xls) workbooks (as CCB exports) cannot be read yet; save it as .xlsx or CSV',
    );
  }
  if (isZip(file.bytes)) {
    try {
      return { format: 'xlsx', encoding: null, rows: await readXlsxRows(file.bytes) };
    } catch (e) {
      if (e instanceof WorkbookReadError) fail(e.message);
      throw e;
    }
  }
  const encoding = detectTextEncoding(file.bytes);
  const isUtf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  if (!isUtf16 && file.bytes.includes(0)) fail('the file is binary, not a CSV or xlsx statement');
  const text = decodeBankText(file.bytes, encoding);
  const rows: TableRow[] = [];
  for (const row of readCsvRows(text, detectDelimiter(text))) {
    if (row.problem === 'unterminated-quote') {
      rejectStatement({
        file: file.name,
        line: row.line,
        element: null,
        reason: 'a quoted cell is never closed (the file is cut off or damaged)',
      });
    }
    rows.push(row);
  }
  return { format: 'csv', encoding, rows };
}
