import type { ParsedStatement, StatementFormat, StatementWarning } from '../../statement.types.ts';
import type { CamtCursor } from './camt-cursor.ts';
import { readDateTime } from './camt-values.ts';
import { checkBalances } from './check-balances.ts';
import { readBalances } from './read-balances.ts';
import { type FallbackDate, readEntry } from './read-entry.ts';
import { readAccountId } from './read-party.ts';

/**
 * One <Stmt>, <Rpt> or <Ntfctn>: the account, its booked balances and its entries, with warnings
 * for what does not hold together but loses no transaction.
 */
export function readReport(report: CamtCursor, format: StatementFormat, header: CamtCursor): ParsedStatement {
  const statementId = report.requiredText('Id');
  const acct = report.required('Acct');
  const id = readAccountId(acct);
  if (id.iban === null && id.number === null)
    acct.fail('the account has neither <Id><IBAN> nor <Id><Othr><Id>');
  const currency = acct.textAt('Ccy');
  const warnings: StatementWarning[] = [];
  const read = readBalances(report, warnings);
  // Locations start at the report ("Stmt[1]/Ntry[3]/NtryDtls/TxDtls[2]"), without the message element.
  const location = (path: string) => path.slice(path.indexOf('/') + 1);
  const fallbackDate = () => reportDate(report, header);
  const entries = report.all('Ntry').map((ntry) => readEntry(ntry, { location, fallbackDate, warnings }));
  const balances = checkBalances(report, currency, read, entries, warnings);
  const asBalance = (b: typeof balances.opening) => (b ? { amountMinor: b.amountMinor, date: b.date } : null);
  return {
    format,
    statementId,
    account: { iban: id.iban, number: id.number, currency, name: acct.textAt('Nm') },
    openingBalance: asBalance(balances.opening),
    closingBalance: asBalance(balances.closing),
    transactions: entries.flatMap((e) => e.transactions),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** The date an undated entry takes: the end of the report's period, else the message's creation. */
function reportDate(report: CamtCursor, header: CamtCursor): FallbackDate {
  const to = report.at('FrToDt/ToDtTm');
  if (to !== null) return { date: readDateTime(to), source: `<${to.path}>` };
  const created =
    header.at('CreDtTm') ?? header.fail('mandatory <CreDtTm> is missing', `${header.path}/CreDtTm`);
  return { date: readDateTime(created), source: `<${created.path}>` };
}
