import type { ParsedStatement, ParsedTransaction, StatementWarning } from '../../statement.types.ts';
import type { Account, Detail, GroupHeader, Reject, Summary } from './bai2.types.ts';
import { directionOf } from './bai2-values.ts';

const OPENING_LEDGER = '010';
const CLOSING_LEDGER = '015';

/**
 * One account envelope (03 … 49) as a statement. Balances come from the 03 summaries 010 and 015
 * on the group's as-of date; when both are there and opening + entries is not closing, the
 * statement carries a warning (the entries are what hit the account).
 */
export function buildStatement(account: Account, group: GroupHeader, reject: Reject): ParsedStatement {
  const { number, currency, summaries } = account.identifier;
  const transactions = account.details.flatMap((detail) => toTransaction(detail, currency, group, reject));
  const opening = balance(summaries, OPENING_LEDGER, account, reject);
  const closing = balance(summaries, CLOSING_LEDGER, account, reject);
  const warnings: StatementWarning[] = [];
  if (opening !== null && closing !== null) {
    const movement = transactions.reduce((sum, t) => sum + t.amountMinor, 0n);
    if (opening + movement !== closing)
      warnings.push({
        code: 'BALANCE_MISMATCH',
        line: account.line,
        element: 'record 03',
        message: `account ${number}: opening ledger (010) ${opening} + entries ${movement} = ${opening + movement}, but the closing ledger (015) is ${closing}`,
      });
  }
  warnings.push(...account.warnings);
  const at = (amountMinor: bigint | null) =>
    amountMinor === null ? null : { amountMinor, date: group.asOfDate };
  return {
    format: 'bai2',
    statementId: null,
    account: { iban: null, number, currency, name: null },
    openingBalance: at(opening),
    closingBalance: at(closing),
    transactions,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function balance(summaries: Summary[], typeCode: string, account: Account, reject: Reject): bigint | null {
  const found = summaries.filter((s) => s.typeCode === typeCode);
  if (found.length > 1)
    reject(account.line, `account ${account.identifier.number}: type code ${typeCode} given twice`);
  return found[0]?.amountMinor ?? null;
}

/**
 * Credits (100-399) are money in, debits (400-699) money out. Other codes in a 16 (890
 * "non-monetary information" and the like) are kept out when they carry no amount.
 */
function toTransaction(
  detail: Detail,
  currency: string,
  group: GroupHeader,
  reject: Reject,
): ParsedTransaction[] {
  const direction = directionOf(detail.typeCode);
  if (direction === 'other') {
    if (detail.amountMinor === 0n) return [];
    return reject(
      detail.line,
      `detail type code ${detail.typeCode} is neither a credit (100-399) nor a debit (400-699), so its amount ${detail.amountMinor} has no direction`,
    );
  }
  return [
    {
      bookingDate: detail.valueDate ?? group.asOfDate,
      valueDate: detail.valueDate,
      amountMinor: direction === 'credit' ? detail.amountMinor : -detail.amountMinor,
      currency,
      counterpartyName: null,
      counterpartyAccount: null,
      remittance: detail.text === '' ? null : detail.text,
      bankReference: detail.bankReference === '' ? null : detail.bankReference,
      endToEndId: detail.customerReference === '' ? null : detail.customerReference,
      typeCode: detail.typeCode,
      location: `record 16 at line ${detail.line}`,
    },
  ];
}
