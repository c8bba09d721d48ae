import type { ParsedStatement } from '../../statement.types.ts';
import { mapOfxTransaction } from './map-ofx-transaction.ts';
import { childOf, childrenOf, type OfxNode, pathOf, rejectAt } from './ofx-node.ts';
import { parseOfxAmount, parseOfxCurrency, parseOfxDate } from './parse-ofx-values.ts';
import { asText, requiredField } from './read-ofx-field.ts';

/**
 * One STMTRS (bank account) or CCSTMTRS (card account). OFX gives no opening balance, so there is
 * no arithmetic to check: LEDGERBAL, which the standard requires, is the closing balance.
 */
export function mapOfxStatement(file: string, rs: OfxNode): ParsedStatement {
  const currency = requiredField(file, rs, 'CURDEF', parseOfxCurrency);
  const accountFrom = rs.name === 'CCSTMTRS' ? 'CCACCTFROM' : 'BANKACCTFROM';
  const number = requiredField(file, rs, `${accountFrom}/ACCTID`, asText);
  const list = childOf(rs, 'BANKTRANLIST');
  const listPath = list ? pathOf(list) : '';
  const transactions = list
    ? childrenOf(list, 'STMTTRN').map((trn, i) =>
        mapOfxTransaction(file, trn, currency, `${listPath}/STMTTRN[${i + 1}] at line ${trn.line}`),
      )
    : [];
  const ledger = childOf(rs, 'LEDGERBAL');
  if (!ledger) return rejectAt(file, rs, 'missing mandatory <LEDGERBAL> (the closing balance)');
  const closingBalance = {
    amountMinor: requiredField(file, ledger, 'BALAMT', (text) => parseOfxAmount(text, currency)),
    date: requiredField(file, ledger, 'DTASOF', parseOfxDate),
  };
  return {
    format: 'ofx',
    statementId: null,
    account: { iban: null, number, currency, name: null },
    openingBalance: null,
    closingBalance,
    transactions,
  };
}
