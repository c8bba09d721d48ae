import type { ParsedStatement, StatementFormat } from '../../statement.types.ts';
import type { CamtCursor } from './camt-cursor.ts';
import { checkBalances } from './check-balances.ts';
import { readBalances } from './read-balances.ts';
import { readEntry } from './read-entry.ts';
import { readAccountId } from './read-party.ts';

/** One <Stmt>, <Rpt> or <Ntfctn>: the account, its booked balances and its entries. */
export function readReport(report: CamtCursor, format: StatementFormat): ParsedStatement {
  const statementId = report.requiredText('Id');
  const acct = report.required('Acct');
  const id = readAccountId(acct);
  if (id.iban === null && id.number === null)
    acct.fail('the account has neither <Id><IBAN> nor <Id><Othr><Id>');
  const currency = acct.textAt('Ccy');
  const balances = readBalances(report);
  // Locations start at the report ("Stmt[1]/Ntry[3]/NtryDtls/TxDtls[2]"), without the message element.
  const location = (path: string) => path.slice(path.indexOf('/') + 1);
  const entries = report.all('Ntry').map((ntry) => readEntry(ntry, location));
  checkBalances(report, currency, balances, entries);
  const asBalance = (b: typeof balances.opening) => (b ? { amountMinor: b.amountMinor, date: b.date } : null);
  return {
    format,
    statementId,
    account: { iban: id.iban, number: id.number, currency, name: acct.textAt('Nm') },
    openingBalance: asBalance(balances.opening),
    closingBalance: asBalance(balances.closing),
    transactions: entries.flatMap((e) => e.transactions),
  };
}
