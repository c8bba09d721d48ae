import { addDays, type BusinessDate } from '../../../shared/time/index.ts';

/** How far past its due (or issue) date an item is, in one of four units. */
export type AgeUnit = 'd' | 'w' | 'm' | 'q';
export type AgeBound = { count: number; unit: AgeUnit };
export type AgingBasis = 'due' | 'invoice';

/**
 * One bucket. An item is in it when its date lies in [fromDate, toDate] — dates, not day counts,
 * so months and quarters are calendar months, and the SQL compares dates only.
 */
export type AgingBucket = {
  key: string;
  label: { en: string; zh: string };
  /** Inclusive bounds on the item's date (due or issue); null = open-ended. */
  fromDate: BusinessDate | null;
  toDate: BusinessDate | null;
  color: string;
};

export const DEFAULT_BOUNDS = '30,60,90';
/** Green to dark red: not due, then each bucket later than the one before. */
const PALETTE = ['#52c41a', '#fadb14', '#fa8c16', '#f5222d', '#a8071a', '#5c0011', '#330000'];

const UNIT_WORDS: Record<AgeUnit, { en: string; zh: string; days: number }> = {
  d: { en: 'days', zh: '天', days: 1 },
  w: { en: 'weeks', zh: '周', days: 7 },
  m: { en: 'months', zh: '个月', days: 0 },
  q: { en: 'quarters', zh: '个季度', days: 0 },
};

/** "30,60,90" (days), "1w,2w,4w", "1m,2m,3m", "1q,2q": ascending, positive, one unit per bound. */
export function parseBounds(text: string): AgeBound[] {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length === 0 || parts.length > 12) throw new Error('give 1 to 12 bucket bounds, e.g. 30,60,90');
  const bounds = parts.map((p) => {
    const m = /^(\d{1,4})\s*([dwmq]?)$/i.exec(p);
    if (!m)
      throw new Error(`"${p}" is not a bucket bound: a number of days, or with w, m or q (e.g. 2w, 3m, 1q)`);
    return { count: Number(m[1]), unit: ((m[2] ?? '').toLowerCase() || 'd') as AgeUnit };
  });
  for (const [i, b] of bounds.entries()) {
    if (b.count <= 0) throw new Error('bucket bounds must be positive');
    const prev = bounds[i - 1];
    if (prev && ageInDays(prev) >= ageInDays(b)) throw new Error('bucket bounds must increase');
  }
  return bounds;
}

/** Approximate length, only to check bounds ascend (months 30.4, quarters 91.3 days). */
function ageInDays(b: AgeBound): number {
  if (b.unit === 'm') return b.count * 30.44;
  if (b.unit === 'q') return b.count * 91.31;
  return b.count * UNIT_WORDS[b.unit].days;
}

/** The date `b` before `asOf`: calendar months for m and q (31 March minus 1 month = 28/29 February). */
export function dateBefore(asOf: BusinessDate, b: AgeBound): BusinessDate {
  if (b.unit === 'd' || b.unit === 'w') return addDays(asOf, -b.count * UNIT_WORDS[b.unit].days);
  const months = b.unit === 'm' ? b.count : b.count * 3;
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}` as BusinessDate;
}

/** "1-30 days", "31-60 days" for days; "up to 1 week", "1-2 weeks" for the other units. */
function rangeLabel(previous: AgeBound | null, b: AgeBound, basis: AgingBasis): { en: string; zh: string } {
  if (b.unit === 'd') {
    const low = previous ? previous.count + 1 : basis === 'due' ? 1 : 0;
    return { en: `${low}-${b.count} days`, zh: `${low}-${b.count}天` };
  }
  if (!previous) return { en: `up to ${boundText(b, 'en')}`, zh: `${boundText(b, 'zh')}以内` };
  return { en: `${previous.count}-${boundText(b, 'en')}`, zh: `${previous.count}-${boundText(b, 'zh')}` };
}

function boundText(b: AgeBound, lang: 'en' | 'zh'): string {
  if (lang === 'zh') return `${b.count}${UNIT_WORDS[b.unit].zh}`;
  const word = UNIT_WORDS[b.unit].en;
  return `${b.count} ${b.count === 1 ? word.slice(0, -1) : word}`;
}

/**
 * The buckets for an as-of date. By due date: "not due" (due on or after as-of), then 1-30, 31-60,
 * 61-90, over 90 (for the default bounds). By invoice date there is no "not due": 0-30, 31-60, ...
 */
export function agingBuckets(
  asOf: BusinessDate,
  basis: AgingBasis,
  bounds: readonly AgeBound[],
  colors: readonly string[] = PALETTE,
): AgingBucket[] {
  const out: AgingBucket[] = [];
  const color = (i: number) => colors[i] ?? PALETTE[Math.min(i, PALETTE.length - 1)] ?? '#000000';
  if (basis === 'due') {
    out.push({
      key: 'current',
      label: { en: 'Not due', zh: '未到期' },
      fromDate: asOf,
      toDate: null,
      color: color(0),
    });
  }
  let upper: BusinessDate | null = basis === 'due' ? addDays(asOf, -1) : null;
  let previous: AgeBound | null = null;
  for (const b of bounds) {
    const from = dateBefore(asOf, b);
    out.push({
      key: `le_${b.count}${b.unit}`,
      label: rangeLabel(previous, b, basis),
      fromDate: from,
      toDate: upper,
      color: color(out.length),
    });
    upper = addDays(from, -1);
    previous = b;
  }
  const last = bounds.at(-1);
  const overText = last ? boundText(last, 'en') : '';
  out.push({
    key: last ? `over_${last.count}${last.unit}` : 'over',
    label: { en: `Over ${overText}`, zh: last ? `${boundText(last, 'zh')}以上` : '以上' },
    fromDate: null,
    toDate: upper,
    color: color(out.length),
  });
  return out;
}
