import type { BusinessDate } from '../../../shared/time/index.ts';

/** Whose facts, and up to which day. */
export type LoadScope = { orgId: string; customerId: string; to: BusinessDate };

/**
 * A customer's facts dated on or before the statement's last day, as read from the receivables
 * tables: documents, applications, write-offs, refunds, and the reversals dated by then. What is
 * dated later does not exist for the statement.
 */
export type StatementData = {
  invoices: Array<Doc & { dueDate: BusinessDate; description: string | null; poNumber: string | null }>;
  creditNotes: Array<Doc & { invoiceNumber: string | null; reason: string | null }>;
  receipts: Array<Doc & { reference: string | null; method: string; memo: string | null }>;
  allocations: Array<
    Fact & {
      invoiceId: string;
      invoiceNumber: string;
      source: 'receipt' | 'credit_note';
      sourceId: string;
      sourceNumber: string;
    }
  >;
  writeOffs: Array<Fact & { invoiceId: string; invoiceNumber: string; kind: string; reason: string | null }>;
  refunds: Array<Fact & { receiptId: string; receiptNumber: string; reference: string | null }>;
  reversals: Reversal[];
};

type Fact = {
  id: string;
  date: BusinessDate;
  currency: string;
  amountMinor: bigint;
  createdAt: Date;
};
type Doc = Fact & { number: string };

export type ReversalTarget = 'invoice' | 'credit_note' | 'receipt' | 'allocation' | 'write_off' | 'refund';

export type Reversal = {
  targetType: ReversalTarget;
  targetId: string;
  date: BusinessDate;
  reason: string | null;
  createdAt: Date;
};
