import type { BusinessDate } from '../../../shared/time/index.ts';
import type { BankLine, OpenInvoice, Payer } from './matching.types.ts';

/** Small builders for the engine's tests. */
export function invoice(
  id: string,
  number: string,
  customerId: string,
  openMinor: bigint,
  dueDate = '2025-01-31',
  currency = 'CNY',
): OpenInvoice {
  return {
    id,
    number,
    customerId,
    currency,
    openMinor,
    issueDate: '2025-01-01' as BusinessDate,
    dueDate: dueDate as BusinessDate,
  };
}

export function payer(customerId: string, name: string, extra: Partial<Payer> = {}): Payer {
  return {
    customerId,
    code: customerId.toUpperCase(),
    name,
    legalName: null,
    accounts: [],
    aliases: [],
    ...extra,
  };
}

export function line(amountMinor: bigint, extra: Partial<BankLine> = {}): BankLine {
  return {
    id: 'L1',
    bookingDate: '2025-02-10' as BusinessDate,
    amountMinor,
    currency: 'CNY',
    counterpartyName: null,
    counterpartyAccount: null,
    remittance: null,
    endToEndId: null,
    ...extra,
  };
}
