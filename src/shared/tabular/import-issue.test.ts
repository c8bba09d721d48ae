import { describe, expect, it } from 'vitest';
import { formatIssue } from './import-issue.ts';

describe('formatIssue', () => {
  it('names file, line and column as written in the file', () => {
    const issue = {
      file: 'invoices.csv',
      line: 17,
      column: '到期日',
      code: 'BAD_DATE' as const,
      reason: 'bad date "2025-02-30" (use YYYY-MM-DD)',
    };
    expect(formatIssue(issue)).toBe('invoices.csv:17: column 到期日: bad date "2025-02-30" (use YYYY-MM-DD)');
  });

  it('leaves out the line and column of a file-level issue', () => {
    const issue = {
      file: 'a.xlsx',
      line: null,
      column: null,
      code: 'EMPTY_FILE' as const,
      reason: 'the file is empty',
    };
    expect(formatIssue(issue)).toBe('a.xlsx: the file is empty');
  });
});
