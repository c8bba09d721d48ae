import type { Translate } from '../../shared/i18n/i18n.tsx';

const ACCOUNTS = new Set(['1002', '1122', '1231', '2203', '2221', '6001', '6603']);
const ENTRY_KINDS = new Set([
  'invoice',
  'credit_note',
  'receipt',
  'allocation',
  'write_off',
  'refund',
  'reversal',
]);
const SOURCES = new Set(['manual', 'api', 'import', 'demo']);

/** A ledger account as "1122 应收账款"; an account outside the default chart shows its code. */
export function accountLabel(t: Translate, code: string): string {
  return ACCOUNTS.has(code) ? `${code} ${t(`invoices.account.${code}`)}` : code;
}

export function entryKindLabel(t: Translate, kind: string): string {
  return ENTRY_KINDS.has(kind) ? t(`invoices.entry.${kind}`) : kind;
}

export function sourceLabel(t: Translate, source: string): string {
  return SOURCES.has(source) ? t(`invoices.source.${source}`) : source;
}

export function writeOffKindLabel(t: Translate, kind: string): string {
  return kind === 'bad_debt' || kind === 'small_difference' ? t(`invoices.wo.kind.${kind}`) : kind;
}

/** Today in the viewer's calendar as YYYY-MM-DD (the default date of a new document). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
