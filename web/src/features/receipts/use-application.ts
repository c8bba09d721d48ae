import { useCallback, useMemo, useState } from 'react';
import type { TInvoiceDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import {
  applyOldestFirst,
  byOldestDue,
  checkApplications,
  currencyDigits,
  findExactMatch,
  formatMinor,
  type OpenItem,
  parseMinor,
} from './receipt-application.ts';

/**
 * The apply-amount inputs of a receipt over a customer's open invoices. Until someone types or
 * asks for a fill, the inputs follow the exact-amount match (if any) of the current amount.
 */
export function useApplication(
  invoices: readonly TInvoiceDto[] | undefined,
  amountMinor: bigint | null,
  currency: string,
) {
  const digits = currencyDigits(currency);
  const [manual, setManual] = useState<Record<string, string> | null>(null);

  const rows = useMemo(() => {
    const list = (invoices ?? []).map((invoice) => ({
      invoice,
      item: {
        id: invoice.id,
        number: invoice.number,
        dueDate: invoice.due_date,
        issueDate: invoice.issue_date,
        openMinor: parseMinor(invoice.open_amount, digits) ?? 0n,
      } satisfies OpenItem,
    }));
    return list.filter((r) => r.item.openMinor > 0n).sort((a, b) => byOldestDue(a.item, b.item));
  }, [invoices, digits]);
  const items = useMemo(() => rows.map((r) => r.item), [rows]);

  const match = useMemo(
    () => (amountMinor && amountMinor > 0n ? findExactMatch(items, amountMinor) : null),
    [items, amountMinor],
  );

  const entries = useMemo<Record<string, string>>(() => {
    if (manual) return manual;
    if (!match) return {};
    const out: Record<string, string> = {};
    for (const item of items) if (match.includes(item.id)) out[item.id] = formatMinor(item.openMinor, digits);
    return out;
  }, [manual, match, items, digits]);

  const parsed = useMemo(() => {
    const m = new Map<string, bigint | null>();
    for (const [id, text] of Object.entries(entries))
      if (text.trim() !== '') m.set(id, parseMinor(text, digits));
    return m;
  }, [entries, digits]);

  const check = useMemo(
    () => checkApplications(items, parsed, amountMinor ?? 0n),
    [items, parsed, amountMinor],
  );

  const setEntry = useCallback(
    (id: string, text: string) => setManual({ ...entries, [id]: text }),
    [entries],
  );
  const applyOldest = useCallback(() => {
    const fill = applyOldestFirst(items, amountMinor ?? 0n);
    const out: Record<string, string> = {};
    for (const [id, minor] of fill) out[id] = formatMinor(minor, digits);
    setManual(out);
  }, [items, amountMinor, digits]);
  const clear = useCallback(() => setManual({}), []);
  /** Back to following the exact match (a new customer, currency or receipt). */
  const reset = useCallback(() => setManual(null), []);

  /** The applications to send: invoice id and decimal amount, for each amount above zero. */
  const applications = useMemo(() => {
    const out: { invoice: string; number: string; amount: string }[] = [];
    for (const item of items) {
      const v = parsed.get(item.id);
      if (v && v > 0n) out.push({ invoice: item.id, number: item.number, amount: formatMinor(v, digits) });
    }
    return out;
  }, [items, parsed, digits]);

  const totalOpenMinor = useMemo(() => items.reduce((s, i) => s + i.openMinor, 0n), [items]);
  const isValid = check.problems.size === 0 && check.unappliedMinor >= 0n;

  return {
    digits,
    rows,
    match,
    entries,
    check,
    applications,
    totalOpenMinor,
    isValid,
    isAuto: manual === null,
    setEntry,
    applyOldest,
    clear,
    reset,
  };
}

export type Application = ReturnType<typeof useApplication>;
