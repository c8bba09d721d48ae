import type { TableRow } from '../../../../shared/tabular/index.ts';

/** Why a row that is not a transaction is passed over; anything else must parse or reject the file. */
export type SkipReason = 'totals line' | 'note line' | 'closed order' | 'no direction (不计收支)';

const TOTALS = /^[^\d]{0,8}?(?:合计|总计|小计)|^(?:total|totals|summe|gesamt)\b/iu;

/**
 * Rows below the header that are not entries: a totals line ("合计金额", "人民币合计", "Total")
 * and a note line (one non-blank cell not starting with a digit: "----", "注：...", export
 * footers). A cut-off entry keeps its date in the first cell, so it is never a note line.
 */
export function skipReasonOf(row: TableRow): SkipReason | null {
  const filled = row.cells.map((c) => c.trim()).filter((c) => c !== '');
  const first = filled[0] ?? '';
  if (TOTALS.test(first)) return 'totals line';
  if (filled.length === 1 && !/^\d/.test(first)) return 'note line';
  return null;
}
