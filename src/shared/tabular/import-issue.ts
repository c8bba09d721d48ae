export const IMPORT_ISSUE_CODES = [
  'UNREADABLE_FILE',
  'EMPTY_FILE',
  'MISSING_COLUMN',
  'DUPLICATE_COLUMN',
  'MISSING_VALUE',
  'BAD_DATE',
  'BAD_AMOUNT',
  'NEGATIVE_AMOUNT',
  'TOO_MANY_DECIMALS',
  'UNKNOWN_CURRENCY',
  'DUPLICATE_IN_FILE',
  'DUE_BEFORE_ISSUE',
  'TAX_EXCEEDS_AMOUNT',
  'BAD_NUMBER',
  'BAD_EMAIL',
  'BAD_CHANNEL',
  'BAD_RATE',
  'BAD_COUNTRY',
  'CONFLICT',
  'EXCHANGE_RATE_MISSING',
] as const;

export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/**
 * One problem found in an import file. `line` is null for file-level problems; `column` is the
 * header text as it appears in the file (e.g. 到期日), null when the problem is not one cell's.
 */
export type ImportIssue = {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly code: ImportIssueCode;
  readonly reason: string;
};

/** `invoices.csv:17: column 到期日: bad date "2025-02-30" (use YYYY-MM-DD)` */
export function formatIssue(issue: ImportIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  const column = issue.column === null ? '' : `column ${issue.column}: `;
  return `${where}: ${column}${issue.reason}`;
}
