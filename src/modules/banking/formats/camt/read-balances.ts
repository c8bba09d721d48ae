import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { CamtCursor } from './camt-cursor.ts';
import { readAmount, readDateChoice, readSign } from './camt-values.ts';

export type CamtBalance = { amountMinor: bigint; currency: string; date: BusinessDate; path: string };
export type CamtBalances = { opening: CamtBalance | null; closing: CamtBalance | null };

// OPBD opens the period; PRCD (the previous statement's closing) stands in for it when alone.
const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

/** The booked opening and closing balances of a report; other balance types are not needed here. */
export function readBalances(report: CamtCursor): CamtBalances {
  const byCode = new Map<string, CamtBalance[]>();
  for (const bal of report.all('Bal')) {
    const code = bal.textAt('Tp/CdOrPrtry/Cd');
    if (code === null) continue; // proprietary balance types carry no agreed meaning
    const amount = readAmount(bal.required('Amt'));
    const balance: CamtBalance = {
      amountMinor: readSign(bal) * amount.amountMinor,
      currency: amount.currency,
      date: readDateChoice(bal.required('Dt')),
      path: bal.path,
    };
    byCode.set(code, [...(byCode.get(code) ?? []), balance]);
  }
  return { opening: pick(report, byCode, OPENING), closing: pick(report, byCode, CLOSING) };
}

function pick(report: CamtCursor, byCode: Map<string, CamtBalance[]>, codes: string[]): CamtBalance | null {
  const found = codes.flatMap((code) => byCode.get(code) ?? []);
  const first = found[0];
  if (first === undefined) return null;
  for (const other of found.slice(1)) {
    if (other.amountMinor !== first.amountMinor || other.currency !== first.currency) {
      report.fail(
        `${codes.join('/')} balances disagree: ${first.path} and ${other.path} give different amounts`,
        other.path,
      );
    }
  }
  return first;
}
