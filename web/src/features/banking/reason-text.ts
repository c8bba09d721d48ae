import { formatMoney, formatPercent } from '../../shared/format/format.ts';
import type { Locale } from '../../shared/i18n/catalogue.ts';
import type { Translate } from '../../shared/i18n/i18n.tsx';
import type { ProposalBrief, ReviewItem } from './use-banking.ts';

type Reason = ProposalBrief['reasons'][number];

const MONEY_PARAMS = ['amount', 'due', 'difference', 'unapplied'] as const;

/**
 * A matching reason as a sentence in the user's language. Amounts in the params are decimals in
 * the bank line's currency; the similarity is a ratio 0..1; customer ids are named from the
 * proposals at hand.
 */
export function reasonText(
  reason: Reason,
  ctx: {
    t: Translate;
    locale: Locale;
    line: Pick<ReviewItem, 'currency' | 'counterparty_name' | 'counterparty_account'>;
    customerName: (id: string) => string | null;
  },
): string {
  const { t, locale, line } = ctx;
  const p = reason.params;
  const vars: Record<string, string | number> = { ...p };
  for (const key of MONEY_PARAMS) {
    const v = p[key];
    if (v !== undefined) vars[key] = formatMoney(String(v), line.currency, locale);
  }
  const list = (s: unknown) => String(s ?? '').replace(/, /g, locale === 'zh-CN' ? '、' : ', ');
  if (p.invoices !== undefined) vars.invoices = list(p.invoices);
  switch (reason.code) {
    case 'reference_exact': {
      const written = String(p.written ?? '');
      const numbers = String(p.invoices ?? '');
      return written && written !== numbers
        ? t('banking.reason.reference_exact_written', { ...vars, written })
        : t('banking.reason.reference_exact', vars);
    }
    case 'reference_fuzzy':
      return t('banking.reason.reference_fuzzy', { ...vars, written: String(p.written ?? '') });
    case 'payer_account':
      return line.counterparty_account
        ? t('banking.reason.payer_account', { account: line.counterparty_account })
        : t('banking.reason.payer_account_plain');
    case 'payer_alias':
      return t('banking.reason.payer_alias', { payer: line.counterparty_name ?? '' });
    case 'payer_name':
      if (Number(p.similarity ?? 0) >= 0.995) return t('banking.reason.payer_name_same');
      return t('banking.reason.payer_name', {
        similarity: formatPercent(Number(p.similarity ?? 0), locale, 0),
      });
    case 'amount_exact':
    case 'amount_subset':
    case 'amount_within_tolerance':
    case 'partial':
    case 'overpayment':
    case 'currency_mismatch':
      return t(`banking.reason.${reason.code}`, vars);
    case 'ambiguous': {
      if (p.within === 'customer')
        return t('banking.reason.ambiguous_customer', { solutions: Number(p.solutions ?? 2) });
      const confidence = formatPercent(Number(p.rivalConfidence ?? 0), locale, 0);
      const rival = p.rivalCustomerId ? ctx.customerName(String(p.rivalCustomerId)) : null;
      return rival
        ? t('banking.reason.ambiguous_rival', { rival, confidence })
        : t('banking.reason.ambiguous_rival_unknown', { confidence });
    }
    default:
      return t('banking.reason.other');
  }
}

/** The invoice numbers as written in the remittance text (to highlight them there). */
export function writtenReferences(reasons: readonly Reason[]): string[] {
  const out: string[] = [];
  for (const r of reasons) {
    if (r.code !== 'reference_exact' && r.code !== 'reference_fuzzy') continue;
    for (const part of String(r.params.written ?? '').split(', ')) if (part.trim()) out.push(part.trim());
    for (const part of String(r.params.invoices ?? '').split(', ')) if (part.trim()) out.push(part.trim());
  }
  return out;
}
