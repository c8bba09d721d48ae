/** The parts of a statement row a preset can point at. */
export type BankField =
  | 'bookingDate'
  | 'valueDate'
  | 'amount'
  | 'credit'
  | 'debit'
  | 'direction'
  | 'currency'
  | 'counterpartyName'
  | 'counterpartyAccount'
  | 'remittance'
  | 'bankReference'
  | 'typeCode'
  | 'balance'
  | 'status';

/**
 * How dates are written: year first (2025-01-31, 2025/1/31, 20250131, 2025年1月31日, with or
 * without a time), day first (31.01.2025, European banks), or month/day without a year (CMB credit
 * card bills), the year then coming from the bill month in the title lines.
 */
export type DateOrder = 'ymd' | 'dmy' | 'md-title-year';

export type BankPreset = {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  /**
   * Header spellings per field, in priority order: the first one the file has wins. For
   * remittance every present column is used (joined); for names, accounts and references the first
   * non-empty cell of the present columns.
   */
  readonly columns: { readonly [F in BankField]?: readonly string[] };
  readonly dateOrder: DateOrder;
  readonly decimalSeparator: '.' | ',';
  /**
   * Sign of a single amount column: 'as-written' when money in is positive; 'inverted' for credit
   * card bills that print spending positive and repayments negative.
   */
  readonly signRule: 'as-written' | 'inverted';
  readonly defaultCurrency: string;
  /** Status values meaning no money moved (a closed order): such rows are skipped. */
  readonly skipStatuses?: readonly string[];
  /** 对手信息 "北京住房公积金管理中心1111111111": trailing digits are the counterparty's account. */
  readonly splitsAccountFromName?: boolean;
};

/** Cell indexes of each field's present columns, in the preset's priority order. */
export type ColumnMap = { readonly [F in BankField]?: readonly number[] };

export type HeaderMatch = {
  readonly preset: BankPreset;
  readonly columns: ColumnMap;
  /** Header cells the preset recognised: the better fit has more. */
  readonly score: number;
  /** Cells up to the last non-blank header cell: a CSV data row shorter than this is cut off. */
  readonly width: number;
  /** Each field's header text as written, for error messages. */
  readonly headers: readonly string[];
};
