import type { ParsedTransaction } from '../../statement.types.ts';
import { childOf, type OfxNode, rejectAt } from './ofx-node.ts';
import { parseOfxAmount, parseOfxCurrency, parseOfxDate } from './parse-ofx-values.ts';
import { asText, optionalField, requiredField } from './read-ofx-field.ts';

/**
 * One STMTTRN. TRNAMT is signed from the account holder's side already (positive = money in), for
 * cards too. Amounts are in CURRENCY/CURSYM when that aggregate is given; ORIGCURRENCY only says
 * the bank converted them into the statement currency, so they stay in CURDEF.
 */
export function mapOfxTransaction(
  file: string,
  trn: OfxNode,
  statementCurrency: string,
  location: string,
): ParsedTransaction {
  const typeCode = requiredField(file, trn, 'TRNTYPE', asText);
  const bookingDate = requiredField(file, trn, 'DTPOSTED', parseOfxDate);
  // DTUSER (when the customer acted) has no slot in ParsedTransaction but must still be a date.
  optionalField(file, trn, 'DTUSER', parseOfxDate);
  const valueDate = optionalField(file, trn, 'DTAVAIL', parseOfxDate);
  const currency = optionalField(file, trn, 'CURRENCY/CURSYM', parseOfxCurrency) ?? statementCurrency;
  optionalField(file, trn, 'ORIGCURRENCY/CURSYM', parseOfxCurrency);
  const amountMinor = requiredField(file, trn, 'TRNAMT', (text) => parseOfxAmount(text, currency));
  // FITID is mandatory; a bank that leaves it empty (CommBank exports) gives no reference to dedupe by.
  if (!childOf(trn, 'FITID')) rejectAt(file, trn, 'missing mandatory <FITID>');
  const bankReference = optionalField(file, trn, 'FITID', asText);
  const payee = childOf(trn, 'PAYEE');
  const counterpartyName =
    optionalField(file, trn, 'NAME', asText) ?? (payee ? optionalField(file, payee, 'NAME', asText) : null);
  const counterpartyAccount =
    optionalField(file, trn, 'BANKACCTTO/ACCTID', asText) ??
    optionalField(file, trn, 'CCACCTTO/ACCTID', asText);
  return {
    bookingDate,
    valueDate,
    amountMinor,
    currency,
    counterpartyName,
    counterpartyAccount,
    remittance: remittanceOf(file, trn),
    bankReference,
    endToEndId: null,
    typeCode,
    location,
  };
}

/** MEMO, plus the cheque and reference numbers that matching can look for; "0" means none. */
function remittanceOf(file: string, trn: OfxNode): string | null {
  const memo = optionalField(file, trn, 'MEMO', asText);
  const checkNum = optionalField(file, trn, 'CHECKNUM', asText);
  const refNum = optionalField(file, trn, 'REFNUM', asText);
  const parts = [
    memo,
    checkNum && !/^0+$/.test(checkNum) ? `CHECKNUM ${checkNum}` : null,
    refNum && !/^0+$/.test(refNum) ? `REFNUM ${refNum}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' / ') : null;
}
