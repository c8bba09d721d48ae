import type { CamtCursor } from './camt-cursor.ts';
import { type CamtAmount, readAmount, readSign } from './camt-values.ts';
import { readCounterparty } from './read-party.ts';
import { readRemittance } from './read-remittance.ts';

/** What one <TxDtls> says about its payment, before it is tied to an entry's date and amount. */
export type TxDetails = {
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  remittance: string | null;
  bankReference: string | null;
  endToEndId: string | null;
  typeCode: string | null;
};

export function readTxDetails(tx: CamtCursor, isMoneyIn: boolean): TxDetails {
  const refs = tx.optional('Refs');
  const endToEnd = refs?.textAt('EndToEndId') ?? null;
  const counterparty = readCounterparty(tx, isMoneyIn);
  return {
    counterpartyName: counterparty.name,
    counterpartyAccount: counterparty.account,
    remittance: readRemittance(tx) ?? tx.textAt('AddtlTxInf'),
    bankReference: refs?.textAt('AcctSvcrRef') ?? null,
    // NOTPROVIDED is the standard's filler for a payer who gave none; UETR is the SWIFT gpi tracker.
    endToEndId: (endToEnd !== 'NOTPROVIDED' ? endToEnd : null) ?? refs?.textAt('UETR') ?? null,
    typeCode: readTypeCode(tx.optional('BkTxCd')),
  };
}

export type SignedAmount = { amountMinor: bigint; isMoneyIn: boolean };

/**
 * The signed amount of one <TxDtls> in the entry's currency, or null when it gives none in that
 * currency (an instructed or counter-value amount in a foreign currency is not what was booked).
 * The transaction amount (AmtDtls/TxAmt) comes first, then <Amt> (version 3 and later).
 */
export function readTxAmount(
  tx: CamtCursor,
  entryCurrency: string,
  entrySign: 1n | -1n,
): SignedAmount | null {
  const candidates = [tx.at('AmtDtls/TxAmt/Amt'), tx.optional('Amt')].filter(
    (c): c is CamtCursor => c !== null,
  );
  const amounts: CamtAmount[] = candidates.map(readAmount);
  const inCurrency = amounts.find((a) => a.currency === entryCurrency);
  if (inCurrency === undefined) return null;
  const sign = tx.optional('CdtDbtInd') ? readSign(tx) : entrySign;
  return { amountMinor: sign * inCurrency.amountMinor, isMoneyIn: sign > 0n };
}

/** The bank transaction code as written: domain/family/sub-family, else the proprietary code. */
export function readTypeCode(bkTxCd: CamtCursor | null): string | null {
  if (bkTxCd === null) return null;
  const domain = bkTxCd.textAt('Domn/Cd');
  if (domain !== null)
    return [domain, bkTxCd.textAt('Domn/Fmly/Cd'), bkTxCd.textAt('Domn/Fmly/SubFmlyCd')]
      .filter(Boolean)
      .join('/');
  return bkTxCd.textAt('Prtry/Cd');
}
