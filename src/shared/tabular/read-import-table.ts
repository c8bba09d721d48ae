import type { ColumnSpec } from './column-spec.ts';
import { findHeader, type HeaderMatch } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import { readTable } from './read-table.ts';
import type { TableFormat, TableRow, TabularFile, TextEncoding } from './tabular.types.ts';

export type ImportTable<C extends string> =
  | {
      readonly ok: true;
      readonly header: HeaderMatch<C>;
      /** Data rows below the header. Check `rowProblem` on each before validating it. */
      readonly rows: IterableIterator<TableRow>;
      readonly encoding: TextEncoding | null;
      readonly format: TableFormat;
    }
  | {
      readonly ok: false;
      readonly issues: ImportIssue[];
      readonly ignoredColumns: readonly string[];
      readonly encoding: TextEncoding | null;
      readonly format: TableFormat | null;
    };

/** Opens an import file and locates its header, leaving the data rows to the caller's validation. */
export async function readImportTable<C extends string>(
  file: TabularFile,
  spec: ColumnSpec<C>,
): Promise<ImportTable<C>> {
  const read = await readTable(file);
  if (!read.ok) return { ok: false, issues: [read.issue], ignoredColumns: [], encoding: null, format: null };
  const { encoding, format } = read.table;
  const rows = read.table.rows();
  const found = findHeader(rows, spec, file.name);
  if (!found.ok)
    return { ok: false, issues: found.issues, ignoredColumns: found.ignoredColumns, encoding, format };
  return { ok: true, header: found.header, rows, encoding, format };
}

/** The issue for a row the reader could not delimit; the rows after it cannot be trusted. */
export function rowProblem(file: string, row: TableRow): ImportIssue | null {
  if (row.problem === undefined) return null;
  return {
    file,
    line: row.line,
    column: null,
    code: 'UNREADABLE_FILE',
    reason: `a quoted cell starting on line ${row.line} is never closed; the rest of the file could not be read`,
  };
}

export function noDataRowsIssue(file: string, headerLine: number): ImportIssue {
  return {
    file,
    line: null,
    column: null,
    code: 'EMPTY_FILE',
    reason: `no data rows below the header on line ${headerLine}`,
  };
}
