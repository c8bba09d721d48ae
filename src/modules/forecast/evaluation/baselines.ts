import type { PaymentCase } from '../forecast.types.ts';
import { countBefore, type PaymentHistory } from '../model/payment-history.ts';
import { mean } from '../model/stats.ts';

/** Days after due of a settled case (the target). */
export function targetOf(c: PaymentCase): number {
  return (c.settledDay ?? c.dueDay) - c.dueDay;
}

/** Everyone is predicted the training mean. */
export function globalMeanBaseline(train: readonly PaymentCase[], test: readonly PaymentCase[]): number[] {
  const m = mean(train.map(targetOf));
  return test.map(() => m);
}

/** Each customer is predicted its mean over the training invoices; unknown customers the global mean. */
export function customerMeanBaseline(train: readonly PaymentCase[], test: readonly PaymentCase[]): number[] {
  const by = new Map<string, number[]>();
  for (const c of train) by.set(c.customer, [...(by.get(c.customer) ?? []), targetOf(c)]);
  const m = mean(train.map(targetOf));
  return test.map((c) => {
    const own = by.get(c.customer);
    return own ? mean(own) : m;
  });
}

/**
 * The customer mean with the model's information: every invoice of the customer settled before
 * the predicted invoice's date (so test invoices count once settled); the global training mean
 * when there is none.
 */
export function onlineCustomerMeanBaseline(
  history: PaymentHistory,
  train: readonly PaymentCase[],
  test: readonly PaymentCase[],
): number[] {
  const m = mean(train.map(targetOf));
  return test.map((c) => {
    const settled = history.customers.get(c.customer)?.settled ?? [];
    const n = countBefore(
      settled.map((r) => r.settledDay),
      c.issueDay,
    );
    return n > 0 ? mean(settled.slice(0, n).map((r) => r.y)) : m;
  });
}
