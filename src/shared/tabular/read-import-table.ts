import type { ColumnSpec } from './column-spec.ts';
import { findHeader, type HeaderMatch } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import { readTable } from './read-table.ts';
import type { TableRow, TabularFile, TextEncoding } from './tabular.types.ts';

export type ImportTable<C extends string> =
  | {
      readonly ok: true;
      readonly header: HeaderMatch<C>;
      /** Data rows below the header; structural problems found while reading go to `issues`. */
      readonly rows: IterableIterator<TableRow>;
      readonly issues: ImportIssue[];
      readonly encoding: TextEncoding | null;
    }
  | {
      readonly ok: false;
      readonly issues: ImportIssue[];
      readonly ignoredColumns: readonly string[];
      readonly encoding: TextEncoding | null;
    };

/** Opens an import file and locates its header, leaving the data rows to the caller's validation. */
export async function readImportTable<C extends string>(
  file: TabularFile,
  spec: ColumnSpec<C>,
): Promise<ImportTable<C>> {
  const read = await readTable(file);
  if (!read.ok) return { ok: false, issues: [read.issue], ignoredColumns: [], encoding: null };
  const { table } = read;
  const issues: ImportIssue[] = [];
  const all = wellFormedRows(table.rows(), file.name, issues);
  const found = findHeader(all, spec, file.name);
  if (!found.ok) {
    return {
      ok: false,
      issues: [...issues, ...found.issues],
      ignoredColumns: found.ignoredColumns,
      encoding: table.encoding,
    };
  }
  return { ok: true, header: found.header, rows: all, issues, encoding: table.encoding };
}

function* wellFormedRows(rows: Iterator<TableRow>, file: string, issues: ImportIssue[]): Generator<TableRow> {
  for (let next = rows.next(); !next.done; next = rows.next()) {
    const row = next.value;
    if (row.problem === 'unterminated-quote') {
      issues.push({
        file,
        line: row.line,
        column: null,
        code: 'UNREADABLE_FILE',
        reason: `a quoted cell starting on line ${row.line} is never closed; the rest of the file could not be read`,
      });
      return;
    }
    yield row;
  }
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
