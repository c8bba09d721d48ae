import type { BusinessDate } from '../../shared/time/index.ts';
import type { DemoPlan } from './demo.types.ts';
import { seededRandom } from './demo-random.ts';
import { planCustomers } from './plan-customers.ts';
import { planInvoices } from './plan-invoices.ts';
import { planSettlements } from './plan-settlements.ts';

export type DemoSize = { customers: number; invoices: number; months: number; seed: number };

/** The whole demo as data: the same size, seed and today give the same documents, byte for byte. */
export function planDemo(size: DemoSize, today: BusinessDate): DemoPlan {
  const rng = seededRandom(size.seed);
  const customers = planCustomers(rng, {
    count: size.customers,
    invoices: size.invoices,
    months: size.months,
    today,
  });
  const invoices = planInvoices(rng, customers, { count: size.invoices, months: size.months, today });
  return { customers, events: planSettlements(rng, invoices, today) };
}
