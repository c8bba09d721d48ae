import type { ParsedStatement, ParsedTransaction } from '../../statement.types.ts';
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
 * Reads one statement's fields into the shared shape, refusing any malformed or missing field and,
 * with `checkTotals`, a statement that does not add up.
 */
export function buildStatement(s: StatementFields, options: { checkTotals: boolean }): ParsedStatement {
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

  const currency = opening?.currency ?? parsedAccount.currency ?? floors[0]?.currency ?? null;
  if (!currency) fail(s.start, `${name} names no currency (opening balance, account or floor limit)`);
  for (const [field, b] of [
    [openingField, opening],
    [s.closing, closing],
  ] as const) {
    if (field && b?.currency && b.currency !== currency)
      fail(field, `balance in ${b.currency}, statement in ${currency}`);
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
    if (t.currency !== currency) fail(field, `:${tag}: in ${t.currency}, statement in ${currency}`);
    return { line: field.line, count: t.count, amountMinor: toMinor(field, t.amountText) };
  };
  if (options.checkTotals)
    checkTotals({
      name,
      currency,
      transactions,
      opening: openingField && opening ? signed(openingField, opening) : null,
      closing:
        s.closing && closing ? { line: s.closing.line, amountMinor: signed(s.closing, closing) } : null,
      debits: totals('90D'),
      credits: totals('90C'),
    });

  return {
    format: isInterim ? 'mt942' : 'mt940',
    statementId: value(number),
    account: { ...parsedAccount, currency: parsedAccount.currency ?? currency, name: null },
    openingBalance:
      openingField && opening ? { amountMinor: signed(openingField, opening), date: opening.date } : null,
    closingBalance:
      s.closing && closing ? { amountMinor: signed(s.closing, closing), date: closing.date } : null,
    transactions,
  };
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
