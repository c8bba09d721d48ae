import type { ParsedStatement, ParsedTransaction, StatementWarning } from '../../statement.types.ts';
import { checkTotals, type EntryTotals } from './check-totals.ts';
import type { StatementFields } from './group-statements.ts';
import { parseMt940Amount } from './mt940-amount.ts';
import { Mt940Problem } from './mt940-problem.ts';
import { parseAccount } from './parse-account.ts';
import {
  parseBalance,
  parseEntryTotals,
  parseFloorLimit,
  parseReportTime,
  type RawBalance,
} from './parse-balance.ts';
import { parseInformation } from './parse-information.ts';
import { parseStatementLine } from './parse-statement-line.ts';
import type { RawField } from './split-fields.ts';

/**
 * Reads one statement's fields into the shared shape, refusing any malformed or missing field. A
 * statement that does not add up, a balance in another currency or a currency named only by the
 * closing balance is kept, with warnings.
 */
export function buildStatement(s: StatementFields): ParsedStatement {
  const name = describe(s);
  const account = s.header.get('25');
  if (!account || account.lines.join('').trim() === '')
    fail(s.start, `${name} has no :25: account identification`);
  const number = s.header.get('28');
  if (!number) fail(s.start, `${name} has no :28C: statement number`);
  if (!/^\d{1,10}(\/\d{1,5})?$/.test(value(number)))
    fail(number, `"${value(number)}" is not a statement number (nnnnn/nnnnn)`);

  const openingField = s.header.get('60') ?? null;
  const isInterim = !openingField && (s.header.has('13') || s.floorLimits.length > 0);
  const parsedAccount = parseAccount(account.lines.join(''));
  const opening = openingField ? balance(openingField) : null;
  const closing = s.closing ? balance(s.closing) : null;
  if (!isInterim && !opening) fail(s.start, `${name} has no opening balance :60F:/:60M:`);
  if (!isInterim && !closing)
    fail(
      s.closing ?? s.entries.at(-1)?.line ?? openingField ?? s.start,
      `${name} has no closing balance :62F:/:62M: (file cut short?)`,
    );
  const reportTime = s.header.get('13');
  if (isInterim && !reportTime) fail(s.start, `${name} (MT942) has no :13D: date and time`);
  if (reportTime) check(reportTime, parseReportTime(value(reportTime)));
  const floors = s.floorLimits.map((f) => check(f, parseFloorLimit(value(f))));

  const warnings: StatementWarning[] = [];
  const currency = statementCurrency(s, name, [opening, parsedAccount, floors[0]], warnings);
  const balances = { opening, closing };
  for (const [key, field] of [
    ['opening', openingField],
    ['closing', s.closing],
  ] as const) {
    const b = balances[key];
    if (!field || !b?.currency || b.currency === currency) continue;
    // Still a well-formed amount in its own currency; only the comparison is lost.
    check(field, parseMt940Amount(b.amountText, b.currency));
    warnings.push({
      code: 'BALANCE_CURRENCY_MISMATCH',
      line: field.line,
      element: `:${field.tag}:`,
      message: `${name}: the ${key} balance :${field.tag}: is in ${b.currency}, the statement in ${currency}; that balance is left out`,
    });
    balances[key] = null;
  }
  const toMinor = (field: RawField, text: string) => check(field, parseMt940Amount(text, currency));
  const signed = (field: RawField, b: RawBalance) =>
    (b.mark === 'D' ? -1n : 1n) * toMinor(field, b.amountText);
  for (const [tag, field] of s.trailer) {
    if (tag === '64' || tag.startsWith('65')) signed(field, balance(field));
  }

  const transactions = s.entries.map(({ line, information }) => {
    const raw = check(line, parseStatementLine(line.lines));
    const info = parseInformation(information.flatMap((f) => f.lines));
    const magnitude = toMinor(line, raw.amountText);
    // RC (reversal of a credit) takes money out, RD (reversal of a debit) puts it back.
    const amountMinor = raw.mark === 'D' || raw.mark === 'RC' ? -magnitude : magnitude;
    const transaction: ParsedTransaction = {
      bookingDate: raw.entryDate ?? raw.valueDate,
      valueDate: raw.valueDate,
      amountMinor,
      currency,
      counterpartyName: info.counterpartyName,
      counterpartyAccount: info.counterpartyAccount,
      remittance: info.remittance,
      bankReference: raw.bankReference,
      endToEndId: info.endToEndId,
      typeCode: raw.typeCode.trim(),
      location: `line ${line.line}`,
    };
    return transaction;
  });

  const totals = (tag: '90D' | '90C'): EntryTotals | null => {
    const field = s.trailer.get(tag);
    if (!field) return null;
    const t = check(field, parseEntryTotals(value(field)));
    if (t.currency !== currency) {
      check(field, parseMt940Amount(t.amountText, t.currency));
      warnings.push({
        code: 'CONTROL_TOTAL_MISMATCH',
        line: field.line,
        element: `:${tag}:`,
        message: `${name}: :${tag}: is in ${t.currency}, the statement in ${currency}; its total cannot be compared with the statement lines`,
      });
      return null;
    }
    return { line: field.line, tag, count: t.count, amountMinor: toMinor(field, t.amountText) };
  };
  const openingBalance =
    openingField && balances.opening
      ? { amountMinor: signed(openingField, balances.opening), date: balances.opening.date }
      : null;
  const closingBalance =
    s.closing && balances.closing
      ? { amountMinor: signed(s.closing, balances.closing), date: balances.closing.date }
      : null;
  warnings.push(
    ...checkTotals({
      name,
      currency,
      transactions,
      opening: openingBalance?.amountMinor ?? null,
      closing:
        s.closing && closingBalance
          ? { line: s.closing.line, tag: s.closing.tag, amountMinor: closingBalance.amountMinor }
          : null,
      debits: totals('90D'),
      credits: totals('90C'),
    }),
  );

  return {
    format: isInterim ? 'mt942' : 'mt940',
    statementId: value(number),
    account: { ...parsedAccount, currency: parsedAccount.currency ?? currency, name: null },
    openingBalance,
    closingBalance,
    transactions,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * The statement's currency: the opening balance's, else the account's, else the first floor
 * limit's. When none names one, the closing and other balances and the entry totals may: taken
 * with a warning when they all agree, refused when they disagree or are silent too.
 */
function statementCurrency(
  s: StatementFields,
  name: string,
  declared: readonly ({ currency: string | null } | null | undefined)[],
  warnings: StatementWarning[],
): string {
  const named = declared.find((d) => d?.currency)?.currency;
  if (named) return named;
  const sources: { field: RawField; currency: string }[] = [];
  for (const field of [s.closing, ...s.trailer.values()]) {
    if (!field) continue;
    const isTotal = field.tag === '90D' || field.tag === '90C';
    const parsed = isTotal ? parseEntryTotals(value(field)) : parseBalance(value(field));
    if (typeof parsed !== 'string' && parsed.currency) sources.push({ field, currency: parsed.currency });
  }
  const found = [...new Set(sources.map((x) => x.currency))];
  const first = sources[0];
  if (!first) fail(s.start, `${name} names no currency (opening balance, account or floor limit)`);
  if (found.length > 1)
    fail(
      first.field,
      `${name} names no currency in its opening balance, account or floor limit, and its other balances and totals disagree (${found.join(', ')})`,
    );
  warnings.push({
    code: 'CURRENCY_MISSING',
    line: first.field.line,
    element: `:${first.field.tag}:`,
    message: `${name} names no currency in its opening balance, account or floor limit; ${first.currency} taken from ${sources.map((x) => `:${x.field.tag}: (line ${x.field.line})`).join(', ')}`,
  });
  return first.currency;
}

function describe(s: StatementFields): string {
  const number = s.header.get('28');
  return `statement ${s.index} (:20: ${value(s.start)}${number ? `, :28C: ${value(number)}` : ''})`;
}

function value(field: RawField): string {
  return field.lines.join('').trim();
}

function balance(field: RawField): RawBalance {
  return check(field, parseBalance(value(field)));
}

function check<T>(field: RawField, result: T | string): T {
  if (typeof result === 'string') fail(field, `:${field.tag}: ${result}`);
  return result;
}

function fail(field: RawField, reason: string): never {
  throw new Mt940Problem(field.line, reason);
}
