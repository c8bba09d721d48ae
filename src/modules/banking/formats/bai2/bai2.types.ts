import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { StatementWarning, StatementWarningCode } from '../../statement.types.ts';

/** Refuses the whole file at a line; never returns. */
export type Reject = (line: number | null, reason: string) => never;

/**
 * Notes what does not add up but loses no entry (a trailer total, an availability distribution):
 * a warning on the statement of the account concerned; never stops the parse.
 */
export type Warn = (code: StatementWarningCode, line: number, message: string) => void;

/** One physical record (a line, or one of several records on a line), after its "NN," code. */
export type PhysicalRecord = { code: string; body: string; line: number };

/** A record with its 88 continuations: each piece is one segment of the same field list. */
export type LogicalRecord = {
  code: string;
  line: number;
  segments: { content: string; line: number }[];
  /** Physical records it spans (itself plus its 88s), as the trailers count them. */
  physicalCount: number;
};

export type Summary = { typeCode: string; amountMinor: bigint | null };

export type AccountIdentifier = { number: string; currency: string; summaries: Summary[]; line: number };

export type Detail = {
  typeCode: string;
  /** As written: unsigned, the type code gives the direction. */
  amountMinor: bigint;
  valueDate: BusinessDate | null;
  bankReference: string;
  customerReference: string;
  text: string;
  line: number;
};

export type Account = {
  identifier: AccountIdentifier;
  details: Detail[];
  line: number;
  /** Warnings about this account, and those of its group's and the file's trailers that land on it. */
  warnings: StatementWarning[];
};

export type GroupHeader = { asOfDate: BusinessDate; currency: string; line: number };

export type Group = { header: GroupHeader; accounts: Account[] };
