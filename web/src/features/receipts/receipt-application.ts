/**
 * The arithmetic of applying a receipt to open invoices, on integer minor units (BigInt): parse
 * what people type, fill oldest-due first, find invoices that match the amount exactly, and the
 * amount left unapplied. Pure: no React, no API.
 */

export type OpenItem = { id: string; dueDate: string; issueDate: string; number: string; openMinor: bigint };

/** Decimal digits of a currency (CNY 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * A typed or API amount ("1,234.5", "1234.50") in minor units; null when it is not a
 * non-negative decimal with at most `digits` decimals. Blank is zero.
 */
export function parseMinor(text: string | null | undefined, digits: number): bigint | null {
  const s = (text ?? '').trim().replace(/[,\s_]/g, '');
  if (s === '') return 0n;
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const whole = m[1] || '0';
  const frac = m[2] ?? '';
  if (frac.length > digits) return null;
  return BigInt(whole + frac.padEnd(digits, '0'));
}

/** Minor units back to the API's decimal string ("1234.50"). */
export function formatMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? abs : abs.slice(0, -digits);
  const frac = digits === 0 ? '' : `.${abs.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/** Oldest due first; ties by issue date, then number, so the order is stable. */
export function byOldestDue(a: OpenItem, b: OpenItem): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/** Spreads `amountMinor` over the items, oldest due first, each up to its open amount. */
export function applyOldestFirst(items: readonly OpenItem[], amountMinor: bigint): Map<string, bigint> {
  const out = new Map<string, bigint>();
  let left = amountMinor;
  for (const item of [...items].sort(byOldestDue)) {
    if (left <= 0n) break;
    if (item.openMinor <= 0n) continue;
    // biome-ignore lint/complexity/useMathMinMax: Math.min does not take BigInt
    const take = item.openMinor < left ? item.openMinor : left;
    out.set(item.id, take);
    left -= take;
  }
  return out;
}

/** The most invoices a match may combine, and how many combinations the search may try. */
const MAX_MATCH_SIZE = 4;
const SEARCH_BUDGET = 50_000;

/**
 * Invoices whose open amounts add up exactly to the receipt: one invoice if any matches (the
 * oldest), else the oldest-first run if it lands exactly, else the smallest combination of up to
 * four invoices found within a bounded search. Null when none is found.
 */
export function findExactMatch(items: readonly OpenItem[], amountMinor: bigint): string[] | null {
  if (amountMinor <= 0n) return null;
  const sorted = [...items].filter((i) => i.openMinor > 0n).sort(byOldestDue);
  const single = sorted.find((i) => i.openMinor === amountMinor);
  if (single) return [single.id];
  let run = 0n;
  const prefix: string[] = [];
  for (const item of sorted) {
    run += item.openMinor;
    prefix.push(item.id);
    if (run === amountMinor) return prefix.length > 1 ? prefix : null;
    if (run > amountMinor) break;
  }
  const candidates = sorted.filter((i) => i.openMinor < amountMinor);
  let budget = SEARCH_BUDGET;
  for (let size = 2; size <= MAX_MATCH_SIZE; size++) {
    const found = searchSubset(candidates, amountMinor, size, 0, [], () => --budget > 0);
    if (found) return found.map((i) => i.id);
    if (budget <= 0) break;
  }
  return null;
}

function searchSubset(
  items: readonly OpenItem[],
  target: bigint,
  size: number,
  start: number,
  chosen: OpenItem[],
  spend: () => boolean,
): OpenItem[] | null {
  if (size === 0) return target === 0n ? [...chosen] : null;
  for (let i = start; i < items.length; i++) {
    if (!spend()) return null;
    const item = items[i];
    if (!item || item.openMinor > target) continue;
    chosen.push(item);
    const found = searchSubset(items, target - item.openMinor, size - 1, i + 1, chosen, spend);
    chosen.pop();
    if (found) return found;
  }
  return null;
}

/** Sum of the entered applications (minor units). */
export function totalApplied(applications: ReadonlyMap<string, bigint>): bigint {
  let sum = 0n;
  for (const v of applications.values()) sum += v;
  return sum;
}

/** What an application may not do: more than the invoice has open, or more than the receipt. */
export type ApplicationProblem = 'exceedsOpen' | 'exceedsReceipt' | 'invalid';

export function checkApplications(
  items: readonly OpenItem[],
  entered: ReadonlyMap<string, bigint | null>,
  amountMinor: bigint,
): { problems: Map<string, ApplicationProblem>; appliedMinor: bigint; unappliedMinor: bigint } {
  const problems = new Map<string, ApplicationProblem>();
  let applied = 0n;
  for (const item of items) {
    if (!entered.has(item.id)) continue;
    const v = entered.get(item.id);
    if (v === null || v === undefined) {
      problems.set(item.id, 'invalid');
      continue;
    }
    if (v > item.openMinor) problems.set(item.id, 'exceedsOpen');
    applied += v;
  }
  const unapplied = amountMinor - applied;
  if (unapplied < 0n)
    for (const [id, v] of entered) if (v && v > 0n && !problems.has(id)) problems.set(id, 'exceedsReceipt');
  return { problems, appliedMinor: applied, unappliedMinor: unapplied };
}
