import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { ParsedStatement, StatementWarning } from '../../statement.types.ts';
import { mapOfxTransaction } from './map-ofx-transaction.ts';
import { childOf, childrenOf, type OfxNode, pathOf, rejectAt } from './ofx-node.ts';
import { parseOfxAmount, parseOfxCurrency, parseOfxDate } from './parse-ofx-values.ts';
import { asText, optionalField, requiredField } from './read-ofx-field.ts';

/**
 * One STMTRS (bank account) or CCSTMTRS (card account). OFX gives no opening balance, so there is
 * no arithmetic to check: LEDGERBAL, which the standard requires, is the closing balance. What
 * some banks leave empty but loses no transaction (CURDEF, the LEDGERBAL amount) is a warning.
 */
export function mapOfxStatement(file: string, rs: OfxNode): ParsedStatement {
  const warnings: StatementWarning[] = [];
  const list = childOf(rs, 'BANKTRANLIST');
  const trns = list ? childrenOf(list, 'STMTTRN') : [];
  const currency = statementCurrency(file, rs, trns, warnings);
  const accountFrom = rs.name === 'CCSTMTRS' ? 'CCACCTFROM' : 'BANKACCTFROM';
  const number = requiredField(file, rs, `${accountFrom}/ACCTID`, asText);
  const listPath = list ? pathOf(list) : '';
  const transactions = trns.map((trn, i) =>
    mapOfxTransaction(file, trn, currency, `${listPath}/STMTTRN[${i + 1}] at line ${trn.line}`),
  );
  return {
    format: 'ofx',
    statementId: null,
    account: { iban: null, number, currency, name: null },
    openingBalance: null,
    closingBalance: closingBalanceOf(file, rs, currency, warnings),
    transactions,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

const isEmptyField = (node: OfxNode | null): boolean =>
  node === null || (node.value === null && node.children.length === 0);

/**
 * CURDEF, the currency of the account and of every amount without its own CURRENCY. When a bank
 * leaves it out or empty, the transactions' CURRENCY/CURSYM stands in if they all name the same
 * one; ORIGCURRENCY cannot (it names the currency the bank converted from, not the account's).
 * With no currency at all, or several, the amounts cannot be read (decimals): the file is refused.
 */
function statementCurrency(file: string, rs: OfxNode, trns: OfxNode[], warnings: StatementWarning[]): string {
  const curdef = childOf(rs, 'CURDEF');
  if (!isEmptyField(curdef)) return requiredField(file, rs, 'CURDEF', parseOfxCurrency);
  const where = curdef ?? rs;
  const what = curdef ? '<CURDEF> is empty' : 'missing mandatory <CURDEF>';
  const named = trns.flatMap((trn) => {
    const code = optionalField(file, trn, 'CURRENCY/CURSYM', parseOfxCurrency);
    return code === null ? [] : [{ code, line: trn.line }];
  });
  const codes = [...new Set(named.map((n) => n.code))];
  const [only, ...others] = codes;
  if (only === undefined) {
    const orig = trns.some((trn) => childOf(trn, 'ORIGCURRENCY') !== null)
      ? ' (<ORIGCURRENCY> names the currency converted from, not the account currency)'
      : '';
    return rejectAt(
      file,
      where,
      `${what} and no transaction names its <CURRENCY>${orig}: the amounts cannot be read without the account currency`,
    );
  }
  if (others.length > 0) {
    const list = codes.map((code) => `${code} at line ${named.find((n) => n.code === code)?.line}`);
    return rejectAt(
      file,
      where,
      `${what} and the transactions' <CURRENCY> disagree (${list.join(', ')}): the account currency is unknown`,
    );
  }
  const path = curdef ? pathOf(curdef) : `${pathOf(rs)}/CURDEF`;
  const which =
    named.length === trns.length ? 'every transaction' : `${named.length} of the ${trns.length} transactions`;
  warnings.push({
    code: 'CURRENCY_MISSING',
    line: where.line,
    element: path,
    message: `${what}: took ${only}, the <CURRENCY><CURSYM> of ${which}`,
  });
  return only;
}

/**
 * LEDGERBAL, which the standard requires. Left empty by some banks (no BALAMT): the statement
 * then has no closing balance, with a warning; an absent LEDGERBAL or BALAMT is still refused.
 */
function closingBalanceOf(
  file: string,
  rs: OfxNode,
  currency: string,
  warnings: StatementWarning[],
): { amountMinor: bigint; date: BusinessDate } | null {
  const ledger = childOf(rs, 'LEDGERBAL');
  if (!ledger) return rejectAt(file, rs, 'missing mandatory <LEDGERBAL> (the closing balance)');
  const balamt = childOf(ledger, 'BALAMT');
  if (balamt !== null && isEmptyField(balamt)) {
    const asOf = optionalField(file, ledger, 'DTASOF', parseOfxDate);
    warnings.push({
      code: 'BALANCE_MISMATCH',
      line: balamt.line,
      element: pathOf(balamt),
      message: asOf
        ? `the <LEDGERBAL> amount is empty (as of ${asOf}): the statement has no closing balance`
        : '<LEDGERBAL> is empty (no <BALAMT>, no <DTASOF>): the statement has no closing balance',
    });
    return null;
  }
  return {
    amountMinor: requiredField(file, ledger, 'BALAMT', (text) => parseOfxAmount(text, currency)),
    date: requiredField(file, ledger, 'DTASOF', parseOfxDate),
  };
}
