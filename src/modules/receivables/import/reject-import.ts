import { AppError } from '../../../shared/errors/index.ts';
import { formatIssue, type ImportIssue } from '../../../shared/tabular/index.ts';

const MAX_DETAILED = 1000;

/** Rejects a whole file: every problem named with file, line and column; nothing is written. */
export function rejectImport(file: string, issues: readonly ImportIssue[]): never {
  const shown = issues.slice(0, MAX_DETAILED);
  const first = shown[0];
  throw new AppError('IMPORT_REJECTED', {
    message: `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}, nothing was written${first ? ` (first: ${formatIssue(first)})` : ''}`,
    details: { file, issue_count: issues.length, issues: shown, truncated: issues.length > shown.length },
  });
}

export function fileFormat(name: string, bytes: Uint8Array): 'csv' | 'xlsx' {
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : /\.xlsx$/i.test(name) ? 'xlsx' : 'csv';
}
