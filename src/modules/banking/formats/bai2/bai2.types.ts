import type { BusinessDate } from '../../../../shared/time/index.ts';

/** Refuses the whole file at a line; never returns. */
export type Reject = (line: number | null, reason: string) => never;

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

export type Account = { identifier: AccountIdentifier; details: Detail[]; line: number };

export type GroupHeader = { asOfDate: BusinessDate; currency: string; line: number };

export type Group = { header: GroupHeader; accounts: Account[] };
