import type { Ctx } from '../../shared/context/index.ts';
import type { ImportIssue, TabularFile } from '../../shared/tabular/index.ts';
import { CUSTOMER_IMPORT_COLUMNS } from '../customers/import/index.ts';
import { importCustomers } from '../customers/index.ts';
import { importInvoices } from '../receivables/index.ts';
import { INVOICE_IMPORT_COLUMNS } from '../receivables/invoice-import/index.ts';
import type { TImportKind, TImportPreview } from './imports.schemas.ts';
import { readPreviewRows } from './read-preview-rows.ts';

/** Rows the preview shows; the checks cover the whole file. */
export const PREVIEW_ROWS = 200;
/** Issues listed in full; the count covers all of them. */
const MAX_ISSUES = 1000;

/**
 * Checks an import file exactly as the import would (database checks included, in a transaction
 * that is rolled back) and describes it for the preview screen. Writes nothing.
 */
export async function previewImport(ctx: Ctx, kind: TImportKind, file: TabularFile): Promise<TImportPreview> {
  const [check, shown] =
    kind === 'invoices'
      ? await Promise.all([
          importInvoices(ctx, file, { dryRun: true }),
          readPreviewRows(file, INVOICE_IMPORT_COLUMNS, PREVIEW_ROWS),
        ])
      : await Promise.all([
          importCustomers(ctx, file, { dryRun: true }),
          readPreviewRows(file, CUSTOMER_IMPORT_COLUMNS, PREVIEW_ROWS),
        ]);
  const fieldOf = new Map(shown.columns.map((c) => [c.header, c.key]));
  // invoices' own checks name the canonical column (fx_rate) rather than the header.
  for (const c of shown.columns) fieldOf.set(c.key, c.key);
  const toDto = (i: ImportIssue) => ({
    line: i.line,
    column: i.column,
    field: i.column === null ? null : (fieldOf.get(i.column) ?? null),
    code: i.code,
    reason: i.reason,
  });
  const badLines = new Set(check.issues.flatMap((i) => (i.line === null ? [] : [i.line])));
  return {
    file: check.file,
    kind,
    format: check.format,
    encoding: check.encoding,
    columns: shown.columns,
    rows: shown.rows,
    row_count: shown.rowCount,
    issues: check.issues.slice(0, MAX_ISSUES).map(toDto),
    issue_count: check.issues.length,
    rows_with_issues: badLines.size,
    summary: {
      valid_rows: check.created + check.updated + check.unchanged,
      create: check.created,
      update: check.updated,
      unchanged: check.unchanged,
      customers_created: kind === 'invoices' ? check.customers_created : 0,
    },
    ignored_columns: check.ignored_columns,
  };
}
