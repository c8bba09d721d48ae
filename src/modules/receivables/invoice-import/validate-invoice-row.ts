import { type CurrencyCode, MoneyFormatError, parseRate } from '../../../shared/money/index.ts';
import {
  badAmountReason,
  badDateReason,
  badDaysReason,
  createDateCellParser,
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
import { addDays, type BusinessDate } from '../../../shared/time/index.ts';
import type { InvoiceImportColumn } from './invoice-import.columns.ts';
import type { InvoiceImportRow } from './invoice-import.types.ts';

type Column = InvoiceImportColumn;

/**
 * The per-row check of an invoice import: reports every bad cell of a row into `issues` and
 * returns the row only when it has none. Duplicate invoice numbers are tracked across rows, so use
 * one validator per file. A class holding the current row's state, not closures or returned
 * tuples, because it runs a million times per file and each allocation (and, under tsx's
 * keepNames, each closure) shows in the import time.
 */
export class InvoiceRowValidator {
  readonly #file: string;
  readonly #at: HeaderMatch<Column>['index'];
  readonly #headers: HeaderMatch<Column>['headers'];
  readonly #defaultCurrency: CurrencyCode;
  readonly #parseDate = createDateCellParser();
  readonly #firstLines = new FirstOccurrence();
  #issues: ImportIssue[] = [];
  #cells: readonly string[] = [];
  #line = 0;
  #issueDate: BusinessDate | null = null;
  #dueDate: BusinessDate | null = null;
  #termsDays: number | null = null;
  #amountMinor: bigint | null = null;
  #taxMinor: bigint | null = null;

  constructor(file: string, header: HeaderMatch<Column>, defaultCurrency: CurrencyCode) {
    this.#file = file;
    this.#at = header.index;
    this.#headers = header.headers;
    this.#defaultCurrency = defaultCurrency;
  }

  validate(row: TableRow, issues: ImportIssue[]): InvoiceImportRow | null {
    this.#cells = row.cells;
    this.#line = row.line;
    this.#issues = issues;
    const before = issues.length;
    const at = this.#at;
    const customerCode = this.#required(at.customer_code, 'customer_code');
    const customerName = this.#required(at.customer_name, 'customer_name');
    const invoiceNumber = this.#required(at.invoice_number, 'invoice_number');
    if (invoiceNumber !== '') this.#checkDuplicate(invoiceNumber);
    this.#readDates();
    const currencyText = this.#cell(at.currency);
    const currency = currencyText === '' ? this.#defaultCurrency : parseCurrencyCell(currencyText);
    if (currency === null) {
      this.#report(
        'currency',
        'UNKNOWN_CURRENCY',
        `unknown currency "${currencyText}" (use an ISO 4217 code like CNY)`,
      );
    }
    this.#readAmounts(currency);
    const fxText = this.#cell(at.fx_rate);
    const fxRate = fxText === '' ? null : readRate(fxText);
    if (fxText !== '' && fxRate === null) {
      this.#report(
        'fx_rate',
        'BAD_RATE',
        `bad exchange rate "${fxText}" (use a positive decimal like 7.1234)`,
      );
    }
    const issueDate = this.#issueDate;
    const dueDate = this.#dueDate;
    const amountMinor = this.#amountMinor;
    const taxMinor = this.#taxMinor;
    if (issues.length > before || currency === null || issueDate === null || dueDate === null) return null;
    if (amountMinor === null || taxMinor === null) return null;
    return {
      line: row.line,
      customerCode,
      customerName,
      invoiceNumber,
      issueDate,
      dueDate,
      currency,
      amountMinor,
      taxMinor,
      poNumber: this.#cell(at.po_number) || null,
      salesperson: this.#cell(at.salesperson) || null,
      paymentTermsDays: this.#termsDays,
      fxRate,
      description: this.#cell(at.description) || null,
    };
  }

  #readDates(): void {
    const at = this.#at;
    const issueText = this.#required(at.issue_date, 'issue_date');
    const issueDate = issueText === '' ? null : this.#parseDate(issueText);
    if (issueText !== '' && issueDate === null)
      this.#report('issue_date', 'BAD_DATE', badDateReason(issueText));
    const termsText = this.#cell(at.payment_terms_days);
    const terms = termsText === '' ? null : parseDaysCell(termsText);
    if (termsText !== '' && terms === null)
      this.#report('payment_terms_days', 'BAD_NUMBER', badDaysReason(termsText));
    const dueText = this.#cell(at.due_date);
    let dueDate: BusinessDate | null = null;
    if (dueText === '') {
      if (termsText === '')
        this.#report('due_date', 'MISSING_VALUE', 'missing due date (give a due date or payment terms)');
      // Terms only: the due date is the issue date plus the terms.
      if (issueDate !== null && terms !== null) dueDate = addDays(issueDate, terms);
    } else {
      dueDate = this.#parseDate(dueText);
      if (dueDate === null) this.#report('due_date', 'BAD_DATE', badDateReason(dueText));
      else if (issueDate !== null && dueDate < issueDate) {
        this.#report(
          'due_date',
          'DUE_BEFORE_ISSUE',
          `due date "${dueText}" is before issue date "${issueText}"`,
        );
      }
    }
    this.#issueDate = issueDate;
    this.#dueDate = dueDate;
    this.#termsDays = terms;
  }

  #readAmounts(currency: CurrencyCode | null): void {
    const amountText = this.#required(this.#at.amount, 'amount');
    const amount = amountText === '' ? null : this.#amount('amount', amountText, currency);
    if (amount !== null && amount <= 0n) {
      this.#report('amount', 'NEGATIVE_AMOUNT', `amount "${amountText}" must be greater than 0`);
    }
    const taxText = this.#cell(this.#at.tax_amount);
    const tax = taxText === '' ? 0n : this.#amount('tax_amount', taxText, currency);
    if (tax !== null && tax < 0n) {
      this.#report('tax_amount', 'NEGATIVE_AMOUNT', `tax amount "${taxText}" must not be negative`);
    } else if (tax !== null && amount !== null && amount > 0n && tax > amount) {
      this.#report(
        'tax_amount',
        'TAX_EXCEEDS_AMOUNT',
        `tax amount "${taxText}" exceeds the amount "${amountText}"`,
      );
    }
    this.#amountMinor = amount;
    this.#taxMinor = tax;
  }

  /** Minor units, or null after reporting; with an unknown currency only the syntax is checked. */
  #amount(column: 'amount' | 'tax_amount', text: string, currency: CurrencyCode | null): bigint | null {
    const what = column === 'amount' ? 'amount' : 'tax amount';
    if (currency === null) {
      if (!isAmountText(text)) this.#report(column, 'BAD_AMOUNT', badAmountReason(text, what));
      return null;
    }
    const parsed = parseAmountCell(text, currency, what);
    if (typeof parsed === 'bigint') return parsed;
    this.#report(column, parsed.code, parsed.reason);
    return null;
  }

  #checkDuplicate(invoiceNumber: string): void {
    const first = this.#firstLines.see(invoiceNumber, this.#line);
    if (first !== null) {
      this.#report(
        'invoice_number',
        'DUPLICATE_IN_FILE',
        `invoice number "${invoiceNumber}" already appears on line ${first}`,
      );
    }
  }

  #cell(index: number): string {
    return index < 0 ? '' : trimCell(this.#cells[index] ?? '');
  }

  #required(index: number, column: Column): string {
    const value = this.#cell(index);
    if (value === '') this.#report(column, 'MISSING_VALUE', `missing ${column.replaceAll('_', ' ')}`);
    return value;
  }

  #report(column: Column, code: ImportIssueCode, reason: string): void {
    this.#issues.push({ file: this.#file, line: this.#line, column: this.#headers[column], code, reason });
  }
}

function readRate(text: string): string | null {
  try {
    return parseRate(text).text;
  } catch (e) {
    if (e instanceof MoneyFormatError) return null;
    throw e;
  }
}
