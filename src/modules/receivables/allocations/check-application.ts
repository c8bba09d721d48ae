import { AppError } from '../../../shared/errors/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { type BalanceEvent, minimumFrom } from '../availability.ts';

export type InvoiceSide = {
  number: string;
  customerId: string;
  currency: string;
  issueDate: string;
  totalMinor: bigint;
  isVoid: boolean;
};
export type SourceSide = {
  kind: 'receipt' | 'credit_note';
  number: string;
  customerId: string;
  currency: string;
  date: string;
  amountMinor: bigint;
};

/**
 * The rules of an application, as a pure function: the amount it may take (all that both sides
 * allow when none is asked), or the reason it may not. Both the single and the bulk paths use it.
 */
export function checkApplication(c: {
  invoice: InvoiceSide;
  source: SourceSide;
  date: BusinessDate;
  requestedMinor: bigint | null;
  invoiceEvents: readonly BalanceEvent[];
  sourceEvents: readonly BalanceEvent[];
}): bigint {
  const { invoice: inv, source } = c;
  const label = source.kind.replace('_', ' ');
  if (inv.isVoid)
    throw new AppError('ALREADY_REVERSED', {
      message: `invoice ${inv.number} is void`,
      details: { invoice: inv.number },
    });
  if (inv.customerId !== source.customerId) {
    throw new AppError('CUSTOMER_MISMATCH', {
      message: `invoice ${inv.number} belongs to another customer`,
      details: { invoice: inv.number },
    });
  }
  if (inv.currency !== source.currency) {
    throw new AppError('CURRENCY_MISMATCH', {
      message: `invoice ${inv.number} is in ${inv.currency}, the ${label} in ${source.currency}`,
      details: { invoice: inv.number },
    });
  }
  if (c.date < inv.issueDate || c.date < source.date) {
    throw new AppError('DATE_BEFORE_DOCUMENT', {
      message: `application date ${c.date} is before the invoice (${inv.issueDate}) or the ${label} (${source.date})`,
      details: { date: c.date },
    });
  }
  const invAvailable = minimumFrom(inv.totalMinor, c.invoiceEvents, c.date);
  const srcAvailable = minimumFrom(source.amountMinor, c.sourceEvents, c.date);
  // biome-ignore lint/complexity/useMathMinMax: Math.min does not take bigint
  const amount = c.requestedMinor ?? (invAvailable < srcAvailable ? invAvailable : srcAvailable);
  const cur = inv.currency;
  if (amount > invAvailable || (amount <= 0n && invAvailable <= 0n)) {
    throw new AppError('ALLOCATION_EXCEEDS_OPEN_AMOUNT', {
      message: `invoice ${inv.number} has ${minorToDecimal(invAvailable, cur)} ${cur} open, ${minorToDecimal(amount, cur)} requested`,
      details: {
        invoice: inv.number,
        open: minorToDecimal(invAvailable, cur),
        requested: minorToDecimal(amount, cur),
      },
    });
  }
  if (amount > srcAvailable || amount <= 0n) {
    throw new AppError('ALLOCATION_EXCEEDS_UNAPPLIED', {
      message: `${source.number} has ${minorToDecimal(srcAvailable, cur)} ${cur} unapplied, ${minorToDecimal(amount, cur)} requested`,
      details: {
        source: source.number,
        unapplied: minorToDecimal(srcAvailable, cur),
        requested: minorToDecimal(amount, cur),
      },
    });
  }
  return amount;
}
