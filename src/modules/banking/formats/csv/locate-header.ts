import type { TableRow } from '../../../../shared/tabular/index.ts';
import { rejectStatement } from '../../statement-errors.ts';
import type { BankPreset, HeaderMatch } from './bank-preset.types.ts';
import { detectPreset, matchHeader } from './match-header.ts';

/** Alipay prints about 25 lines of account facts and notices above its header. */
export const HEADER_SEARCH_ROWS = 40;

export type LocatedHeader = { readonly match: HeaderMatch; readonly at: number };

/** The first of the opening rows that is a header of `preset` (or of the best-fitting preset). */
export function locateHeader(
  rows: readonly TableRow[],
  preset: BankPreset | null,
  fileName: string,
): LocatedHeader {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let at = 0; at < limit; at += 1) {
    const cells = rows[at]?.cells ?? [];
    const match = preset ? matchHeader(cells, preset) : detectPreset(cells);
    if (match) return { match, at };
  }
  const what = preset ? `the ${preset.id} preset's columns` : 'the columns of any bank preset';
  return rejectStatement({
    file: fileName,
    line: null,
    element: null,
    reason:
      rows.length === 0
        ? 'the file has no rows'
        : `no header row with ${what} (a booking date and an amount, or income and expense, column) in the first ${HEADER_SEARCH_ROWS} rows`,
  });
}
