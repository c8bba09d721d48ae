import type { BankField, BankPreset, ColumnMap, HeaderMatch } from './bank-preset.types.ts';
import { BANK_PRESETS } from './bank-presets.ts';

const UNIT_SUFFIX = /\((?:元|人民币|rmb|[a-z]{3})\)$/u;
const SEPARATORS = /[\s_\-.:*·]+/gu;

/**
 * Canonical header text: NFKC (full-width brackets and colons to ASCII), lower case, a currency
 * unit in brackets dropped ("金额(元)", "Amount (EUR)") and spaces/separators removed. Unlike the
 * shared `normaliseHeader`, other brackets stay: ICBC's "记账金额(收入)" and "记账金额(支出)" are
 * different columns.
 */
export function normaliseBankHeader(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(UNIT_SUFFIX, '').replace(SEPARATORS, '');
}

/** How well `cells` fit `preset` as its header row; null when a date or an amount column is missing. */
export function matchHeader(cells: readonly string[], preset: BankPreset): HeaderMatch | null {
  const positions = new Map<string, number>();
  cells.forEach((text, cell) => {
    const key = normaliseBankHeader(text);
    if (key !== '' && text.length <= 60 && !positions.has(key)) positions.set(key, cell);
  });
  const columns: { [F in BankField]?: number[] } = {};
  const used = new Set<number>();
  for (const [field, aliases] of Object.entries(preset.columns) as [BankField, readonly string[]][]) {
    const found: number[] = [];
    for (const alias of aliases) {
      const cell = positions.get(normaliseBankHeader(alias));
      if (cell !== undefined && !found.includes(cell)) found.push(cell);
    }
    if (found.length === 0) continue;
    columns[field] = found;
    for (const cell of found) used.add(cell);
  }
  if (!columns.bookingDate || !hasAmountColumns(columns)) return null;
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width -= 1;
  return { preset, columns, score: used.size, width, headers: cells.map((c) => c.trim()) };
}

function hasAmountColumns(columns: ColumnMap): boolean {
  return columns.amount !== undefined || (columns.credit !== undefined && columns.debit !== undefined);
}

/** The preset whose columns this header row matches best (earlier presets win ties), or null. */
export function detectPreset(header: readonly string[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (const preset of BANK_PRESETS) {
    const match = matchHeader(header, preset);
    if (match && (best === null || match.score > best.score)) best = match;
  }
  return best;
}
