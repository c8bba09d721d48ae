export type StatementFormat = 'pdf' | 'xlsx';

export const CONTENT_TYPES: Record<StatementFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name safe on every system: the customer code (letters of any script kept) and the period. */
export function statementFileName(
  customerCode: string,
  period: { from: string; to: string },
  format: StatementFormat,
): string {
  const safe = customerCode.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '') || 'customer';
  return `statement_${safe}_${period.from}_${period.to}.${format}`;
}
