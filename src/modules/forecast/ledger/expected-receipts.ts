import { divRound } from '../../../shared/money/index.ts';
import type { PromiseToPay } from '../forecast.types.ts';
import { dayNumber } from '../model/day-number.ts';
import type { LedgerPrediction } from './predict-on-day.ts';
import type { ExpectedReceipt } from './spread-by-week.ts';

/** The base-currency share of part of an invoice, at the invoice's own rate. */
export function baseShare(p: LedgerPrediction, amountMinor: bigint): bigint {
  return divRound(amountMinor * p.invoice.baseTotalMinor, p.invoice.totalMinor, 'half-up');
}

/**
 * Turns predictions into expected receipts, each spread over its predicted days. A promise to pay
 * dated on or after `fromDay` takes the promised part (at most what is open) to its date, at its
 * word; one dated before `fromDay` was not kept and is ignored. The rest follows the prediction.
 */
export function expectedReceiptsOf(
  predictions: readonly LedgerPrediction[],
  promises: readonly PromiseToPay[],
  fromDay: number,
): { receipts: ExpectedReceipt[]; promisesUsed: number } {
  const byInvoice = new Map<string, PromiseToPay[]>();
  for (const pr of promises) byInvoice.set(pr.invoiceId, [...(byInvoice.get(pr.invoiceId) ?? []), pr]);
  const receipts: ExpectedReceipt[] = [];
  let promisesUsed = 0;
  for (const p of predictions) {
    let left = p.openMinor;
    for (const promise of byInvoice.get(p.invoice.id) ?? []) {
      const promised = dayNumber(promise.date);
      // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take
      const amount = promise.amountMinor < left ? promise.amountMinor : left;
      if (promised < fromDay || amount <= 0n) continue;
      left -= amount;
      promisesUsed += 1;
      receipts.push({ ...amounts(p, amount), days: [promised] });
    }
    if (left <= 0n) continue;
    const days = p.prediction.outcomes.map((y) => p.invoice.dueDay + Math.round(y));
    receipts.push({ ...amounts(p, left), days });
  }
  return { receipts, promisesUsed };
}

function amounts(p: LedgerPrediction, amountMinor: bigint) {
  return {
    currency: p.invoice.currency,
    amountMinor,
    baseMinor: baseShare(p, amountMinor),
  };
}
