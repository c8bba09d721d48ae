import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { emit, type Io } from './io.ts';
import { UsageError } from './usage-error.ts';

export type ImportedFile = { name: string; bytes: Uint8Array };

/** What both import use cases return (customers add `updated`). */
export type ImportSummary = {
  file: string;
  kind: string;
  format: string;
  encoding: string | null;
  rows: number;
  created: number;
  updated?: number;
  unchanged: number;
  customers_created: number;
  ignored_columns: string[];
};

/**
 * The file's bytes, named by its base name as issues will cite it (`invoices.csv:17: ...`). Read
 * before the database is opened: a mistyped path fails at once.
 */
export async function readImportFile(path: string): Promise<ImportedFile> {
  try {
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e);
    throw new UsageError(`cannot read ${path}: ${reason}`, {
      issues: [{ in: 'argv', path: 'file', flag: 'FILE', message: reason }],
    });
  }
}

export function printImportResult(io: Io, result: ImportSummary): void {
  emit(io, result, (r) => {
    const encoding = r.encoding ? `, ${r.encoding}` : '';
    const updated = r.updated ? `, ${r.updated} updated` : '';
    io.out(
      `${r.file} (${r.format}${encoding}): ${r.rows} row(s); ${r.created} ${r.kind} created${updated}, ${r.unchanged} unchanged`,
    );
    if (r.kind === 'invoices' && r.customers_created > 0) {
      io.out(`${r.customers_created} new customer(s) created from the file`);
    }
    if (r.ignored_columns.length > 0) io.out(`ignored columns: ${r.ignored_columns.join(', ')}`);
  });
}
