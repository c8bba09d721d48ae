import type { CurrencyCode } from '../../../shared/money/index.ts';
import {
  badAmountReason,
  badDaysReason,
  FirstOccurrence,
  type HeaderMatch,
  type ImportIssue,
  type ImportIssueCode,
  isAmountText,
  parseAmountCell,
  parseCurrencyCell,
  parseDaysCell,
  type TableRow,
  trimCell,
} from '../../../shared/tabular/index.ts';
import { parseCountryCell } from './country-codes.ts';
import type { CustomerImportColumn } from './customer-import.columns.ts';
import { CONTACT_CHANNELS, type CustomerImportRow } from './customer-import.types.ts';
import { parseChannelCell } from './parse-channel-cell.ts';

type Column = CustomerImportColumn;

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;
const TAG_SEPARATORS = /[,;|、，；]/u;

/**
 * The per-row check of a customer import: reports every bad cell into `issues` and returns the row
 * only when it has none. Tracks duplicate codes across rows, so use one validator per file.
 */
export class CustomerRowValidator {
  readonly #file: string;
  readonly #header: HeaderMatch<Column>;
  readonly #defaultCurrency: CurrencyCode;
  readonly #firstLines = new FirstOccurrence();
  #issues: ImportIssue[] = [];
  #row: TableRow = { line: 0, cells: [] };

  constructor(file: string, header: HeaderMatch<Column>, defaultCurrency: CurrencyCode) {
    this.#file = file;
    this.#header = header;
    this.#defaultCurrency = defaultCurrency;
  }

  validate(row: TableRow, issues: ImportIssue[]): CustomerImportRow | null {
    this.#row = row;
    this.#issues = issues;
    const before = issues.length;
    const code = this.#required('customer_code');
    const name = this.#required('customer_name');
    if (code !== '') {
      const first = this.#firstLines.see(code, row.line);
      if (first !== null) {
        this.#report(
          'customer_code',
          'DUPLICATE_IN_FILE',
          `customer code "${code}" already appears on line ${first}`,
        );
      }
    }
    const email = this.#optional('email');
    if (email !== null && !EMAIL.test(email)) {
      this.#report('email', 'BAD_EMAIL', `bad email address "${email}" (one address like name@example.com)`);
    }
    const channelText = this.#optional('preferred_channel');
    const preferredChannel = channelText === null ? null : parseChannelCell(channelText);
    if (channelText !== null && preferredChannel === null) {
      const allowed = CONTACT_CHANNELS.join(', ');
      this.#report(
        'preferred_channel',
        'BAD_CHANNEL',
        `unknown contact channel "${channelText}" (use ${allowed})`,
      );
    }
    const termsText = this.#optional('payment_terms_days');
    const paymentTermsDays = termsText === null ? null : parseDaysCell(termsText);
    if (termsText !== null && paymentTermsDays === null) {
      this.#report('payment_terms_days', 'BAD_NUMBER', badDaysReason(termsText));
    }
    const currencyText = this.#optional('currency');
    const currency = currencyText === null ? null : parseCurrencyCell(currencyText);
    if (currencyText !== null && currency === null) {
      this.#report(
        'currency',
        'UNKNOWN_CURRENCY',
        `unknown currency "${currencyText}" (use an ISO 4217 code like CNY)`,
      );
    }
    const creditLimitMinor = this.#creditLimit(currencyText === null ? this.#defaultCurrency : currency);
    const countryText = this.#optional('country');
    const country = countryText === null ? null : parseCountryCell(countryText);
    if (countryText !== null && country === null) {
      this.#report(
        'country',
        'BAD_COUNTRY',
        `unknown country "${countryText}" (use an ISO 3166 code like CN)`,
      );
    }
    if (issues.length > before) return null;
    return {
      line: row.line,
      code,
      name,
      legalName: this.#optional('legal_name'),
      taxId: this.#optional('tax_id'),
      contactName: this.#optional('contact_name'),
      email,
      phone: this.#optional('phone'),
      preferredChannel,
      paymentTermsDays,
      creditLimitMinor,
      currency,
      salesperson: this.#optional('salesperson'),
      tags: splitTags(this.#optional('tags')),
      country,
    };
  }

  /** The limit in minor units of the row's currency; with an unknown currency only syntax is checked. */
  #creditLimit(currency: CurrencyCode | null): bigint | null {
    const text = this.#optional('credit_limit');
    if (text === null) return null;
    if (currency === null) {
      if (!isAmountText(text))
        this.#report('credit_limit', 'BAD_AMOUNT', badAmountReason(text, 'credit limit'));
      return null;
    }
    const parsed = parseAmountCell(text, currency, 'credit limit');
    if (typeof parsed !== 'bigint') {
      this.#report('credit_limit', parsed.code, parsed.reason);
      return null;
    }
    if (parsed < 0n) {
      this.#report('credit_limit', 'NEGATIVE_AMOUNT', `credit limit "${text}" must not be negative`);
      return null;
    }
    return parsed;
  }

  #cell(column: Column): string {
    const i = this.#header.index[column];
    return i < 0 ? '' : trimCell(this.#row.cells[i] ?? '');
  }

  #optional(column: Column): string | null {
    return this.#cell(column) || null;
  }

  #required(column: Column): string {
    const value = this.#cell(column);
    if (value === '') this.#report(column, 'MISSING_VALUE', `missing ${column.replaceAll('_', ' ')}`);
    return value;
  }

  #report(column: Column, code: ImportIssueCode, reason: string): void {
    const { headers } = this.#header;
    this.#issues.push({ file: this.#file, line: this.#row.line, column: headers[column], code, reason });
  }
}

/** "vip, 华东、重点" -> ['vip', '华东', '重点']: any common separator, blanks and repeats dropped. */
function splitTags(text: string | null): string[] {
  if (text === null) return [];
  const tags = text
    .split(TAG_SEPARATORS)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return [...new Set(tags)];
}
