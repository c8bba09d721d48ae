import type { AuditExportFormat } from './audit.schemas.ts';

/**
 * A row as exported: `before`/`after` are the stored jsonb text and times carry microseconds, so an
 * auditor can recompute every hash from the file alone (see audit-hash.ts for the canonical text).
 */
export type ExportRow = {
  seq: string;
  occurred_at: string;
  actor: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
};

const COLUMNS: readonly (keyof ExportRow)[] = [
  'seq',
  'occurred_at',
  'actor',
  'ip',
  'action',
  'entity',
  'entity_id',
  'before',
  'after',
  'prev_hash',
  'hash',
];

function csvCell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The first line of the file: a CSV header (after a BOM, so Excel reads UTF-8), or nothing for JSONL. */
export function exportHeader(format: AuditExportFormat): string {
  return format === 'csv' ? `\uFEFF${COLUMNS.join(',')}\r\n` : '';
}

/** One row as one line, newline included. JSON values are embedded as stored, never re-serialised. */
export function exportLine(format: AuditExportFormat, row: ExportRow): string {
  if (format === 'csv') return `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`;
  const fields = COLUMNS.map((c) => {
    const v = row[c];
    if (c === 'seq') return `"seq":${v}`;
    if (c === 'before' || c === 'after') return `"${c}":${v ?? 'null'}`;
    return `"${c}":${JSON.stringify(v)}`;
  });
  return `{${fields.join(',')}}\n`;
}
