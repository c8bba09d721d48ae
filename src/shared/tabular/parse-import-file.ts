import type { ColumnSpec } from './column-spec.ts';
import type { HeaderMatch } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import { noDataRowsIssue, readImportTable, rowProblem } from './read-import-table.ts';
import type { TableFormat, TableRow, TabularFile, TextEncoding } from './tabular.types.ts';

/** Checks one data row: pushes every problem into `issues`, returns the row only when it has none. */
export type RowValidator<R> = { validate(row: TableRow, issues: ImportIssue[]): R | null };

export type ParsedImportFile<R> = {
  readonly rows: R[];
  readonly issues: ImportIssue[];
  readonly ignoredColumns: string[];
  readonly encoding?: TextEncoding;
  readonly format?: TableFormat;
};

/**
 * The common shape of every file import: open the file, find its header, run each data row through
 * the validator. A file with no data rows is an issue, so an empty upload never looks successful.
 */
export async function parseImportFile<C extends string, R>(
  file: TabularFile,
  spec: ColumnSpec<C>,
  createValidator: (header: HeaderMatch<C>) => RowValidator<R>,
): Promise<ParsedImportFile<R>> {
  const table = await readImportTable(file, spec);
  const described = {
    ...(table.encoding === null ? {} : { encoding: table.encoding }),
    ...(table.format === null ? {} : { format: table.format }),
  };
  if (!table.ok)
    return { rows: [], issues: table.issues, ignoredColumns: [...table.ignoredColumns], ...described };

  const validator = createValidator(table.header);
  const rows: R[] = [];
  const issues: ImportIssue[] = [];
  let seen = 0;
  for (const row of table.rows) {
    const problem = rowProblem(file.name, row);
    if (problem !== null) {
      issues.push(problem);
      break;
    }
    seen += 1;
    const parsed = validator.validate(row, issues);
    if (parsed !== null) rows.push(parsed);
  }
  if (seen === 0 && issues.length === 0) issues.push(noDataRowsIssue(file.name, table.header.line));
  return { rows, issues, ignoredColumns: [...table.header.ignoredColumns], ...described };
}
