import { currencyExponent, formatMajor } from '../../../../shared/money/index.ts';
import type { StatementWarning } from '../../statement.types.ts';
import type { CamtCursor } from './camt-cursor.ts';
import type { CamtBalances } from './read-balances.ts';
import type { CamtEntry } from './read-entry.ts';

/**
 * A report that carries both booked balances should explain its closing balance: opening plus the
 * booked entries (pending and information-only entries are not on the balance). What does not hold
 * is a warning, never a rejection: the entries are all there. A balance in another currency than
 * the account's (its <Ccy>, else its booked entries' one currency) cannot be trusted and is dropped.
 * Returns the balances to keep.
 */
export function checkBalances(
  report: CamtCursor,
  accountCurrency: string | null,
  balances: CamtBalances,
  entries: CamtEntry[],
  warnings: StatementWarning[],
): CamtBalances {
  const booked = entries.filter((e) => e.isBooked);
  const entryCurrencies = new Set(booked.map((e) => e.currency));
  const [entryCurrency] = entryCurrencies.size === 1 ? [...entryCurrencies] : [];
  const reference =
    accountCurrency !== null
      ? { currency: accountCurrency, what: 'the account is in' }
      : entryCurrency !== undefined
        ? { currency: entryCurrency, what: "the account's booked entries are in" }
        : null;
  const kept = { ...balances };
  const referenceCurrency = reference?.currency ?? kept.opening?.currency ?? kept.closing?.currency;
  for (const what of ['opening', 'closing'] as const) {
    const balance = kept[what];
    if (balance === null || balance.currency === referenceCurrency) continue;
    const why = reference
      ? `${reference.what} ${reference.currency}`
      : `the opening balance is in ${referenceCurrency}`;
    warnings.push(
      report.warning(
        'BALANCE_CURRENCY_MISMATCH',
        `the ${what} balance is in ${balance.currency} but ${why}: the ${what} balance is ignored`,
        balance.path,
      ),
    );
    kept[what] = null;
  }
  const { opening, closing } = kept;
  if (opening === null || closing === null) return kept;
  const foreign = booked.find((e) => e.currency !== opening.currency);
  if (foreign !== undefined) {
    warnings.push(
      report.warning(
        'BALANCE_MISMATCH',
        `a booked entry in ${foreign.currency} on a statement whose balances are in ${opening.currency}: the balances cannot be checked`,
        foreign.path,
      ),
    );
    return kept;
  }
  const total = booked.reduce((sum, e) => sum + e.amountMinor, 0n);
  if (opening.amountMinor + total !== closing.amountMinor) {
    const show = (minor: bigint) => formatMajor(minor, currencyExponent(opening.currency));
    warnings.push(
      report.warning(
        'BALANCE_MISMATCH',
        `statement ${report.textAt('Id') ?? ''} does not add up: opening ${show(opening.amountMinor)} + booked entries ${show(total)} = ` +
          `${show(opening.amountMinor + total)}, but the closing balance is ${show(closing.amountMinor)} ${opening.currency}`,
      ),
    );
  }
  return kept;
}
