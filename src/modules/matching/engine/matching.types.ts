import type { BusinessDate } from '../../../shared/time/index.ts';

/**
 * The matching engine's inputs and outputs. The engine is pure: it reads an index built from the
 * org's open invoices and known payers, and proposes, for each bank line, what it pays and why.
 * Applying a proposal (receipt, allocations, small-difference write-off) is the caller's job.
 */

/** A bank line to match: money in only (amountMinor > 0), in its statement currency. */
export type BankLine = {
  id: string;
  bookingDate: BusinessDate;
  amountMinor: bigint;
  currency: string;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  remittance: string | null;
  endToEndId: string | null;
};

export type OpenInvoice = {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  openMinor: bigint;
  issueDate: BusinessDate;
  dueDate: BusinessDate;
};

/** A customer as a payer: its names and what the org has learned of how it pays. */
export type Payer = {
  customerId: string;
  code: string;
  name: string;
  legalName: string | null;
  /** Bank account numbers / IBANs it has paid from (normalised by the engine). */
  accounts: readonly string[];
  /** Names it has paid under, confirmed by a user (learned aliases). */
  aliases: readonly string[];
};

export type MatchSettings = {
  /** Absolute tolerance for a short or over payment, in the invoice currency's minor units (default 100 = 1.00). */
  toleranceMinor: bigint;
  /** Relative tolerance in basis points of the amount due (default 0 = absolute only). */
  toleranceBasisPoints: number;
  /** At or above: applied without review. */
  autoThreshold: number;
  /** Below: not even suggested (left unmatched). */
  suggestThreshold: number;
  /** Subset-sum search bound: at most this many of a customer's open invoices are considered. */
  maxInvoicesForSubset: number;
};

export type ReasonCode =
  | 'reference_exact' // an invoice number found in the remittance text
  | 'reference_fuzzy' // found after removing spacing/prefix/OCR noise
  | 'payer_account' // the payer's bank account is known
  | 'payer_alias' // the payer's name is a learned alias
  | 'payer_name' // the payer's name resembles a customer's (score in params)
  | 'amount_exact' // the amount equals the open amount (of one invoice, or of the set)
  | 'amount_subset' // the amount equals the sum of several open invoices
  | 'amount_within_tolerance' // short or over by no more than the tolerance
  | 'partial' // less than the open amount, beyond tolerance
  | 'overpayment' // more than the open amount: the rest stays unapplied credit
  | 'currency_mismatch' // the line's currency differs from the invoice's
  | 'ambiguous'; // several candidates scored alike

export type Reason = { code: ReasonCode; params: Record<string, string | number> };

export type Proposal = {
  lineId: string;
  customerId: string | null;
  /**
   * Cash applied per invoice: never more than its open amount, and in all no more than the line.
   * `writeOffMinor` (optional, added): the part of `differenceMinor` to write off on that invoice.
   */
  allocations: { invoiceId: string; amountMinor: bigint; writeOffMinor?: bigint }[];
  /** Due minus paid over the allocated invoices when within tolerance (to write off), else 0. */
  differenceMinor: bigint;
  /** Paid beyond what is allocated: left as unapplied credit on the customer. */
  unappliedMinor: bigint;
  confidence: number;
  reasons: Reason[];
  decision: 'auto' | 'suggest' | 'none';
  /**
   * Optional, added: set only when the allocations are in another currency than the line (an FX
   * receipt, suggested only); their amounts are then the invoices' open amounts in that currency.
   */
  allocationCurrency?: string;
  /** Other candidates, best first (for the review screen's side-by-side). */
  alternatives: Omit<Proposal, 'alternatives' | 'decision'>[];
};
