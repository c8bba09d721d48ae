import type { BusinessDate } from '../../shared/time/index.ts';

/** The formats a bank statement file can be in. */
export type StatementFormat =
  | 'mt940'
  | 'mt942'
  | 'camt.052'
  | 'camt.053'
  | 'camt.054'
  | 'ofx'
  | 'bai2'
  | 'csv'
  | 'xlsx';

/**
 * One transaction as the bank reported it, before any matching. Amounts are integers in the
 * currency's minor units, signed from the account holder's side: money in (credit) is positive,
 * money out (debit) negative. `location` says where in the file it came from (for errors and the
 * review screen): "line 12", "Stmt[1]/Ntry[3]/NtryDtls/TxDtls[2]", "record 16 at line 8".
 */
export type ParsedTransaction = {
  bookingDate: BusinessDate;
  valueDate: BusinessDate | null;
  amountMinor: bigint;
  currency: string;
  /** The other party: payer for money in. */
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  /** Remittance information / purpose / memo / 摘要 / 附言, joined into one text. */
  remittance: string | null;
  /** The bank's own id of the entry (AcctSvcrRef, FITID, bank reference, 交易流水号), when it gives one. */
  bankReference: string | null;
  /** The payer's end-to-end id, when given (camt EndToEndId, MT940 EREF). */
  endToEndId: string | null;
  /** The bank's transaction type code, as written (MT940 NTRF/NMSC, camt BkTxCd, OFX TRNTYPE, BAI2 type code). */
  typeCode: string | null;
  location: string;
};

export type ParsedStatement = {
  format: StatementFormat;
  /** The bank's statement id or sequence number, when the format has one. */
  statementId: string | null;
  account: { iban: string | null; number: string | null; currency: string | null; name: string | null };
  openingBalance: { amountMinor: bigint; date: BusinessDate } | null;
  closingBalance: { amountMinor: bigint; date: BusinessDate } | null;
  transactions: ParsedTransaction[];
  /**
   * What the file says that does not hold together but loses no transaction: balances that do not
   * add up, control totals that disagree, a missing date taken from the statement. The statement is
   * imported and flagged for the user; structural faults (truncation, bad amounts) still reject.
   */
  warnings?: StatementWarning[];
};

export type StatementWarning = {
  code: StatementWarningCode;
  line: number | null;
  element: string | null;
  message: string;
};
export type StatementWarningCode =
  | 'BALANCE_MISMATCH' // opening + entries != closing
  | 'CONTROL_TOTAL_MISMATCH' // a trailer's or summary's totals disagree with the entries
  | 'BALANCE_CURRENCY_MISMATCH' // a balance in another currency than the account
  | 'DETAILS_SUM_MISMATCH' // a batch's details do not add up to the booked entry
  | 'DATE_MISSING' // an entry without a date took the statement's
  | 'CURRENCY_MISSING'; // no account currency: taken from the entries

/** What a file held: one or more statements (several accounts, several days). */
export type ParsedStatementFile = {
  format: StatementFormat;
  encoding: string | null;
  statements: ParsedStatement[];
};

/** Why a file was refused: where (line or XML element path) and what is wrong. */
export type StatementProblem = { file: string; line: number | null; element: string | null; reason: string };
