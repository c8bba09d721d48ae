import { createDateCellParser } from '../../../../shared/tabular/index.ts';
import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { DateOrder } from './bank-preset.types.ts';

/** The month a bill covers, from its title ("2024年01月"): the year of its MM/DD dates. */
export type BillMonth = { readonly year: number; readonly month: number };

const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/;
const MONTH_DAY = /^(\d{1,2})[/-](\d{1,2})$/;

/** A reader for one file's date cells in the preset's order; null for a cell that is no date. */
export function createBankDateReader(
  order: DateOrder,
  bill: BillMonth | null,
): (raw: string) => BusinessDate | null {
  const yearFirst = createDateCellParser();
  return (raw) => {
    const text = raw.normalize('NFKC').trim();
    if (order === 'ymd' || /^\d{4}/.test(text)) return yearFirst(text);
    if (order === 'dmy') {
      const m = DAY_FIRST.exec(text);
      if (!m) return null;
      const year = (m[3] ?? '').length === 2 ? `20${m[3]}` : (m[3] ?? '');
      return yearFirst(`${year}-${pad(m[2])}-${pad(m[1])}`);
    }
    const m = MONTH_DAY.exec(text);
    if (!m || bill === null) return null;
    const month = Number(m[1]);
    // A January bill lists December's entries: those belong to the year before.
    const year = month > bill.month ? bill.year - 1 : bill.year;
    return yearFirst(`${year}-${pad(m[1])}-${pad(m[2])}`);
  };
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}
