import { divRound, minorToDecimal } from '../../shared/money/index.ts';
import { addDays, type BusinessDate, daysBetween } from '../../shared/time/index.ts';
import type { DemoCustomer, PlannedInvoice } from './demo.types.ts';
import type { Random } from './demo-random.ts';
import { demoFxRate } from './fx-rates.ts';
import { digits } from './make-contacts.ts';

/** Demo invoice numbers have their own series, so they never collide with the org's INV-000001. */
export function invoiceNumber(i: number): string {
  return `INV-D${String(i + 1).padStart(6, '0')}`;
}

/** The invoice whose presence means the demo is already there. */
export const FIRST_DEMO_INVOICE = invoiceNumber(0);

const VAT_13: readonly [bigint, bigint] = [13n, 113n];
const VAT_6: readonly [bigint, bigint] = [6n, 106n];
const NO_VAT: readonly [bigint, bigint] = [0n, 1n];

function weekday(d: BusinessDate): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

/** Business grows over the period, February is quiet (Spring Festival), weekends hardly invoice. */
function dayWeight(d: BusinessDate, progress: number): number {
  const isFebruary = d.slice(5, 7) === '02';
  const wd = weekday(d);
  return (0.7 + 0.6 * progress) * (isFebruary ? 0.55 : 1) * (wd === 0 || wd === 6 ? 0.08 : 1);
}

function issueDates(rng: Random, count: number, start: BusinessDate, today: BusinessDate): BusinessDate[] {
  const span = daysBetween(start, today);
  const out: BusinessDate[] = [];
  while (out.length < count) {
    const offset = rng.int(0, span);
    const d = addDays(start, offset);
    if (rng.next() * 1.3 < dayWeight(d, offset / span)) out.push(d);
  }
  return out.sort();
}

/** Picks customers by weight (binary search over cumulative weights: thousands of picks). */
function customerPicker(rng: Random, customers: readonly DemoCustomer[]) {
  const cumulative: number[] = [];
  let sum = 0;
  for (const c of customers) {
    sum += c.weight;
    cumulative.push(sum);
  }
  return (date: BusinessDate): DemoCustomer => {
    for (;;) {
      const x = rng.next() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      const c = customers[lo] as DemoCustomer;
      // A customer that stopped paying is put on credit hold some six weeks later.
      if (c.stopsOn === null || date <= addDays(c.stopsOn, 45)) return c;
    }
  };
}

/** Log-normal around the customer's typical invoice, within 1,000-500,000 CNY (or 300-70,000 abroad). */
function totalMinor(rng: Random, c: DemoCustomer): bigint {
  const [lo, hi] = c.currency === 'CNY' ? [1_000, 500_000] : [300, 70_000];
  const major = Math.min(hi, Math.max(lo, rng.logNormal(c.typicalAmount, 0.6)));
  const minor = rng.chance(0.6) ? Math.round(major) * 100 : Math.round(major * 100);
  if (!Number.isSafeInteger(minor)) throw new RangeError('demo amount out of range');
  return BigInt(minor);
}

function describe(rng: Random, c: DemoCustomer, date: BusinessDate, isServiceLine: boolean): string {
  const [y, m] = [date.slice(0, 4), Number(date.slice(5, 7))];
  if (c.vat === 'export') return `${rng.pick(c.products)} - order ${digits(rng, 6)}`;
  if (isServiceLine)
    return `${c.vat === 'service' ? rng.pick(c.products) : '安装调试服务费'}（${y}年${m}月）`;
  return `${rng.pick(c.products)} ${y}年${m}月货款`;
}

export function planInvoices(
  rng: Random,
  customers: readonly DemoCustomer[],
  options: { count: number; months: number; today: BusinessDate },
): PlannedInvoice[] {
  const start = addDays(options.today, -Math.round(options.months * 30.44));
  const pickCustomer = customerPicker(rng, customers);
  return issueDates(rng, options.count, start, options.today).map((issueDate, i): PlannedInvoice => {
    const c = pickCustomer(issueDate);
    const total = totalMinor(rng, c);
    const isServiceLine = c.vat === 'service' || (c.vat === 'goods' && rng.chance(0.08));
    const taxShare = c.vat === 'export' ? NO_VAT : isServiceLine ? VAT_6 : VAT_13;
    const tax = divRound(total * taxShare[0], taxShare[1], 'half-up');
    const dueDate = addDays(issueDate, c.termsDays);
    const fxRate = c.currency === 'CNY' ? undefined : demoFxRate(c.currency, issueDate);
    const number = invoiceNumber(i);
    const po = rng.chance(0.55)
      ? c.currency === 'CNY'
        ? `PO${issueDate.slice(0, 7).replace('-', '')}${digits(rng, 4)}`
        : `PO-${digits(rng, 5)}`
      : undefined;
    return {
      number,
      customer: c,
      issueDate,
      dueDate,
      currency: c.currency,
      totalMinor: total,
      taxMinor: tax,
      taxShare,
      fxRate,
      request: {
        number,
        customer: c.code,
        issue_date: issueDate,
        due_date: dueDate,
        currency: c.currency,
        ...(fxRate ? { fx_rate: fxRate } : {}),
        amount: minorToDecimal(total, c.currency),
        tax_amount: minorToDecimal(tax, c.currency),
        ...(po ? { po_number: po } : {}),
        description: describe(rng, c, issueDate, isServiceLine),
      },
    };
  });
}
