import { z } from 'zod';
import { IMPORT_ISSUE_CODES } from '../../shared/tabular/import-issue.ts';

export const IMPORT_KINDS = ['invoices', 'customers'] as const;
export const ZImportKind = z.enum(IMPORT_KINDS);
export type TImportKind = z.infer<typeof ZImportKind>;

/** Every phase an import reports, in order; `queued` while another import of the org runs. */
export const IMPORT_PHASES = [
  'queued',
  'parsing',
  'checking',
  'customers',
  'writing_customers',
  'writing_invoices',
  'posting_ledger',
  'finishing',
  'done',
] as const;
export type TImportPhase = (typeof IMPORT_PHASES)[number];

export const ZImportQuery = z.object({
  kind: ZImportKind,
  /** The uploaded file's name (drives format detection and appears in every issue). */
  file: z.string().trim().min(1).max(255).optional(),
});

export const ZImportIssue = z.object({
  line: z.number().int().nullable(),
  /** The column's header as written in the file, null when the problem is not one cell's. */
  column: z.string().nullable(),
  /** The canonical column (`due_date`) the header maps to, for highlighting the cell. */
  field: z.string().nullable(),
  code: z.enum(IMPORT_ISSUE_CODES),
  reason: z.string(),
});
export type TImportIssue = z.infer<typeof ZImportIssue>;

export const ZImportSummary = z.object({
  /** Rows that pass every check; what the import would do with them. */
  valid_rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  customers_created: z.number().int(),
});

export const ZImportPreview = z.object({
  file: z.string(),
  kind: ZImportKind,
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  /** The recognised columns in file order: canonical key and the header as written. */
  columns: z.array(z.object({ key: z.string(), header: z.string() })),
  /** The first data rows as written (cell text by canonical column), bad rows included. */
  rows: z.array(z.object({ line: z.number().int(), values: z.record(z.string(), z.string()) })),
  row_count: z.number().int(),
  issues: z.array(ZImportIssue),
  issue_count: z.number().int(),
  /** Distinct lines with at least one issue (file-level issues not counted). */
  rows_with_issues: z.number().int(),
  summary: ZImportSummary,
  ignored_columns: z.array(z.string()),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportResult = z.object({
  file: z.string(),
  kind: ZImportKind,
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  customers_created: z.number().int(),
  ignored_columns: z.array(z.string()),
});
export type TImportResultDto = z.infer<typeof ZImportResult>;

export const ZImportProgress = z.object({
  phase: z.enum(IMPORT_PHASES),
  done: z.number().int(),
  total: z.number().int(),
});
export type TImportProgress = z.infer<typeof ZImportProgress>;

export const ZImportJob = z.object({
  id: z.string(),
  kind: ZImportKind,
  file: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  progress: ZImportProgress,
  result: ZImportResult.nullable(),
  /** The failure as the API reports errors: code, message and details (an IMPORT_REJECTED's issues). */
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
});
export type TImportJob = z.infer<typeof ZImportJob>;

export const ZImportStarted = z.object({ id: z.string() });
