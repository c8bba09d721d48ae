import type { BusinessDate } from '../../shared/time/index.ts';
import type { TCreateCustomerRequest } from '../customers/index.ts';
import type {
  TIssueCreditNoteRequest,
  TIssueInvoiceRequest,
  TRecordReceiptRequest,
  TWriteOffRequest,
} from '../receivables/index.ts';

/** How a customer pays: on time, habitually 10-30 days late, 60-120 days late, or not any more. */
export type PaymentProfile = 'punctual' | 'late' | 'slow' | 'stopped';

export type DemoCurrency = 'CNY' | 'USD' | 'EUR';

export type DemoCustomer = {
  readonly code: string;
  readonly request: TCreateCustomerRequest;
  readonly currency: DemoCurrency;
  readonly profile: PaymentProfile;
  readonly termsDays: number;
  /** Relative share of the invoices. */
  readonly weight: number;
  /** Median invoice total, in major units of the currency. */
  readonly typicalAmount: number;
  readonly vat: 'goods' | 'service' | 'export';
  readonly products: readonly string[];
  /** Pays in one monthly run on this day of the month (月结), else invoice by invoice. */
  readonly payDay: number | null;
  /** A customer that stopped paying: nothing is paid after this date. */
  readonly stopsOn: BusinessDate | null;
};

export type PlannedInvoice = {
  readonly number: string;
  readonly customer: DemoCustomer;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly currency: DemoCurrency;
  readonly totalMinor: bigint;
  readonly taxMinor: bigint;
  /** Tax as a fraction of the total: 13/113, 6/106, or 0 for exports. */
  readonly taxShare: readonly [bigint, bigint];
  readonly fxRate: string | undefined;
  readonly request: TIssueInvoiceRequest;
};

export type OpenDisputeInput = { invoice: string; date: BusinessDate; reason: string };

/** One document to create, in date order; `key`s let later events name what earlier ones made. */
export type DemoEvent =
  | { readonly kind: 'invoice'; readonly date: BusinessDate; readonly request: TIssueInvoiceRequest }
  | { readonly kind: 'credit_note'; readonly date: BusinessDate; readonly request: TIssueCreditNoteRequest }
  | {
      readonly kind: 'receipt';
      readonly date: BusinessDate;
      readonly key: string;
      readonly request: TRecordReceiptRequest;
    }
  | {
      readonly kind: 'allocation';
      readonly date: BusinessDate;
      readonly receiptKey: string;
      readonly invoice: string;
      readonly amount: string;
    }
  | { readonly kind: 'write_off'; readonly date: BusinessDate; readonly request: TWriteOffRequest }
  | {
      readonly kind: 'dispute';
      readonly date: BusinessDate;
      readonly key: string;
      readonly input: OpenDisputeInput;
    }
  | {
      readonly kind: 'dispute_resolution';
      readonly date: BusinessDate;
      readonly disputeKey: string;
      readonly resolution: string;
    };

export type DemoPlan = { readonly customers: readonly DemoCustomer[]; readonly events: readonly DemoEvent[] };

export type DemoCounts = {
  customers: number;
  invoices: number;
  receipts: number;
  credit_notes: number;
  write_offs: number;
  disputes: number;
};
