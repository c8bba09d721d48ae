import { type CurrencyCode, isCurrencyCode } from '../../../../shared/money/index.ts';
import { parseCurrencyCell, type TableRow } from '../../../../shared/tabular/index.ts';
import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { ParsedTransaction } from '../../statement.types.ts';
import type { BankField, HeaderMatch } from './bank-preset.types.ts';
import { cleanTextCell } from './clean-text-cell.ts';
import { isMaskedNumber, parseBankAmount } from './parse-bank-amount.ts';
import { readDirection } from './read-direction.ts';

export type RowContext = {
  readonly header: HeaderMatch;
  readonly readDate: (raw: string) => BusinessDate | null;
  readonly location: string;
};

/** A bad cell: the header text of its column and what is wrong. */
export class RowProblem extends Error {}

export type BankRow =
  | { readonly kind: 'entry'; readonly transaction: ParsedTransaction; readonly balance: bigint | null }
  | { readonly kind: 'skip'; readonly reason: 'closed order' | 'no direction (不计收支)' };

/** One data row as a transaction, or the explicit reason it is none; throws RowProblem otherwise. */
export function parseBankRow(row: TableRow, ctx: RowContext): BankRow {
  const { header } = ctx;
  const { preset } = header;
  const cell = (field: BankField, nth = 0): string => {
    const index = header.columns[field]?.[nth];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const fail = (field: BankField, reason: string): never => {
    const index = header.columns[field]?.[0] ?? -1;
    throw new RowProblem(`column ${header.headers[index] ?? field}: ${reason}`);
  };
  const status = cell('status');
  if (status !== '' && preset.skipStatuses?.includes(status)) return { kind: 'skip', reason: 'closed order' };
  const direction = header.columns.direction ? readDirection(cell('direction')) : null;
  if (header.columns.direction && direction === null) {
    fail('direction', `"${cell('direction')}" says neither in nor out`);
  }
  if (direction === 'neutral') return { kind: 'skip', reason: 'no direction (不计收支)' };

  const bookingDate = ctx.readDate(cell('bookingDate')) ?? fail('bookingDate', badDate(cell('bookingDate')));
  const valueText = cleanTextCell(cell('valueDate'));
  const valueDate =
    valueText === null ? null : (ctx.readDate(valueText) ?? fail('valueDate', badDate(valueText)));
  const currency = readCurrency(cell('currency'), preset.defaultCurrency, fail);
  const amountOf = (field: BankField, nth = 0): bigint | null => {
    const read = parseBankAmount(cell(field, nth), currency, preset.decimalSeparator, 'amount');
    return 'problem' in read ? fail(field, read.problem) : read.value;
  };

  let amountMinor: bigint;
  if (header.columns.credit && header.columns.debit && !header.columns.amount) {
    const credit = amountOf('credit') ?? 0n;
    const debit = amountOf('debit') ?? 0n;
    if (credit !== 0n && debit !== 0n)
      fail('credit', 'both the income and the expense column hold an amount');
    if (credit === 0n && debit === 0n)
      fail('credit', 'neither the income nor the expense column holds an amount');
    amountMinor = credit - debit;
  } else {
    const amount = amountOf('amount') ?? fail('amount', 'the amount is missing');
    if (direction !== null) {
      if (amount < 0n)
        fail('amount', `"${cell('amount')}" is signed but the direction column gives the sign`);
      amountMinor = direction === 'in' ? amount : -amount;
    } else amountMinor = preset.signRule === 'inverted' ? -amount : amount;
  }

  let counterpartyName = firstText(row, header.columns.counterpartyName);
  let counterpartyAccount = firstText(row, header.columns.counterpartyAccount);
  if (preset.splitsAccountFromName && counterpartyName !== null && counterpartyAccount === null) {
    const m = /^(.*?)\s*(\d{6,})$/u.exec(counterpartyName);
    if (m?.[1]) [counterpartyName, counterpartyAccount] = [m[1], m[2] ?? null];
  }
  const balanceText = cell('balance');
  let balance: bigint | null = null;
  if (balanceText !== '' && !isMaskedNumber(balanceText)) {
    const read = parseBankAmount(balanceText, currency, preset.decimalSeparator, 'balance');
    balance = 'problem' in read ? fail('balance', read.problem) : read.value;
  }
  const transaction: ParsedTransaction = {
    bookingDate,
    valueDate,
    amountMinor,
    currency,
    counterpartyName,
    counterpartyAccount,
    remittance: joinedText(row, header.columns.remittance),
    bankReference: firstText(row, header.columns.bankReference),
    endToEndId: null,
    typeCode: firstText(row, header.columns.typeCode),
    location: ctx.location,
  };
  return { kind: 'entry', transaction, balance };
}

function badDate(raw: string): string {
  return raw === '' ? 'the date is missing' : `bad date "${raw}"`;
}

function readCurrency(raw: string, fallback: string, fail: (f: BankField, r: string) => never): CurrencyCode {
  const text = cleanTextCell(raw);
  if (text === null) {
    if (!isCurrencyCode(fallback)) throw new Error(`preset default currency ${fallback} is unknown`);
    return fallback;
  }
  return parseCurrencyCell(text) ?? fail('currency', `unknown currency "${text}"`);
}

function firstText(row: TableRow, indexes: readonly number[] | undefined): string | null {
  for (const i of indexes ?? []) {
    const text = cleanTextCell(row.cells[i]);
    if (text !== null) return text;
  }
  return null;
}

function joinedText(row: TableRow, indexes: readonly number[] | undefined): string | null {
  const parts: string[] = [];
  for (const i of indexes ?? []) {
    const text = cleanTextCell(row.cells[i]);
    if (text !== null && !parts.includes(text)) parts.push(text);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
