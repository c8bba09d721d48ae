import type { CurrencyCode } from '../../../shared/money/index.ts';
import type { ImportIssue, TableFormat } from '../../../shared/tabular/index.ts';

export const CONTACT_CHANNELS = ['email', 'phone', 'sms', 'wechat', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** One valid customer line of an import file. Empty optional cells are null (tags: []). */
export type CustomerImportRow = {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly legalName: string | null;
  readonly taxId: string | null;
  readonly contactName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly preferredChannel: ContactChannel | null;
  readonly paymentTermsDays: number | null;
  /** Minor units of `currency`, or of the default currency when the row has none. */
  readonly creditLimitMinor: bigint | null;
  readonly currency: CurrencyCode | null;
  readonly salesperson: string | null;
  readonly tags: string[];
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string | null;
};

export type ParseCustomerRowsOptions = { readonly defaultCurrency: string };

/** `rows` holds only rows without issues; a file is importable when `issues` is empty. */
export type ParseCustomerRowsResult = {
  readonly rows: CustomerImportRow[];
  readonly issues: ImportIssue[];
  readonly ignoredColumns: string[];
  readonly encoding?: string;
  readonly format?: TableFormat;
};
