import { currencyExponent, formatMajor } from '../../../../shared/money/index.ts';
import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { StatementWarning } from '../../statement.types.ts';
import type { CamtCursor } from './camt-cursor.ts';
import { readAmount, readDateChoice, readSign } from './camt-values.ts';

export type CamtBalance = {
  code: string;
  amountMinor: bigint;
  currency: string;
  date: BusinessDate;
  path: string;
};
export type CamtBalances = { opening: CamtBalance | null; closing: CamtBalance | null };

// OPBD opens the period; PRCD (the previous statement's closing) stands in for it when alone.
const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

/**
 * The booked opening and closing balances of a report; other balance types are not needed here.
 * When two of them disagree (an OPBD and a PRCD with other amounts), the first by the standard's
 * precedence is kept and the disagreement is a warning.
 */
export function readBalances(report: CamtCursor, warnings: StatementWarning[]): CamtBalances {
  const byCode = new Map<string, CamtBalance[]>();
  for (const bal of report.all('Bal')) {
    const code = bal.textAt('Tp/CdOrPrtry/Cd');
    if (code === null) continue; // proprietary balance types carry no agreed meaning
    const amount = readAmount(bal.required('Amt'));
    const balance: CamtBalance = {
      code,
      amountMinor: readSign(bal) * amount.amountMinor,
      currency: amount.currency,
      date: readDateChoice(bal.required('Dt')),
      path: bal.path,
    };
    byCode.set(code, [...(byCode.get(code) ?? []), balance]);
  }
  return {
    opening: pick(report, byCode, OPENING, warnings),
    closing: pick(report, byCode, CLOSING, warnings),
  };
}

export const showBalance = (b: { amountMinor: bigint; currency: string }): string =>
  `${formatMajor(b.amountMinor, currencyExponent(b.currency))} ${b.currency}`;

function pick(
  report: CamtCursor,
  byCode: Map<string, CamtBalance[]>,
  codes: string[],
  warnings: StatementWarning[],
): CamtBalance | null {
  const found = codes.flatMap((code) => byCode.get(code) ?? []);
  const first = found[0];
  if (first === undefined) return null;
  for (const other of found.slice(1)) {
    if (other.amountMinor !== first.amountMinor || other.currency !== first.currency) {
      warnings.push(
        report.warning(
          'BALANCE_MISMATCH',
          `${codes.join('/')} balances disagree: ${first.path} (${first.code} ${showBalance(first)}) and ` +
            `${other.path} (${other.code} ${showBalance(other)}); kept the ${first.code}, which the standard puts first`,
          other.path,
        ),
      );
    }
  }
  return first;
}
