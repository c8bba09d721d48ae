import {
  allocate,
  issueCreditNote,
  issueInvoice,
  recordReceipt,
} from '../../src/modules/receivables/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import { addDays, type BusinessDate } from '../../src/shared/time/index.ts';
import type { LedgerModel } from './ledger-model.ts';
import { type Op, TODAY, WINDOW_START } from './ledger-ops.ts';
import { applicationReasons, applicationsReasons, type Reasons, type Source } from './ledger-oracle.ts';
import {
  customerAt,
  dateAt,
  dateOf,
  dec,
  docCurrency,
  j,
  type LedgerCustomer,
  later,
  newSource,
  other,
  pickInvoice,
  type Registry,
  rateReasons,
  sourceOf,
  taxOf,
  union,
} from './ledger-pick.ts';
import { planUndo } from './ledger-plan-undo.ts';

/** An operation resolved against the current documents: what to call and what it has coming. */
export type Plan = { describe: string; reasons: Reasons; run: (ctx: Ctx) => Promise<unknown> };

/** Issuing documents and applying them; the rest is in ledger-plan-undo.ts. */
export function planOp(op: Op, m: LedgerModel, reg: Registry, customers: LedgerCustomer[]): Plan | null {
  switch (op.t) {
    case 'invoice': {
      const c = customerAt(customers, op.cust);
      const { currency, fx } = docCurrency(c, op.alt, op.rate);
      const issue = dateAt(op.day);
      const input = {
        customer: c.code,
        issue_date: issue,
        ...(op.due === null ? {} : { due_date: addDays(issue as BusinessDate, op.due) }),
        currency,
        ...fx,
        amount: dec(op.amount),
        tax_amount: dec(taxOf(op.amount, op.taxPct)),
      };
      return {
        describe: `issueInvoice ${j(input)}`,
        reasons: rateReasons(currency, fx),
        run: (ctx) => issueInvoice(ctx, input),
      };
    }
    case 'creditNote': {
      const c = customerAt(customers, op.cust);
      const { currency, fx } = docCurrency(c, op.alt, op.rate);
      const date = dateAt(op.day);
      const inv = op.invoice ? pickInvoice(m, reg, op.invoice.ref, op.invoice.same ? c.id : null) : null;
      const apply = op.apply && inv !== null;
      const input = {
        customer: c.code,
        date,
        currency,
        ...fx,
        amount: dec(op.amount),
        tax_amount: dec(taxOf(op.amount, op.taxPct)),
        ...(inv ? { invoice: inv.id, apply } : {}),
      };
      const reasons = rateReasons(currency, fx);
      if (inv && inv.customerId !== c.id) reasons.add('CUSTOMER_MISMATCH');
      if (inv && apply) {
        const src = newSource('credit_note', c.id, currency, date, op.amount);
        const on = later(inv.issueDate, date);
        for (const r of applicationReasons(m, src, inv, null, on).reasons) reasons.add(r);
      }
      return {
        describe: `issueCreditNote ${j(input)}${inv ? ` (invoice ${inv.number})` : ''}`,
        reasons,
        run: (ctx) => issueCreditNote(ctx, input),
      };
    }
    case 'receipt': {
      const c = customerAt(customers, op.cust);
      const { currency, fx } = docCurrency(c, op.alt, op.rate);
      const apps = op.apps.flatMap((a) => {
        const inv = pickInvoice(m, reg, a.ref, a.same ? c.id : null);
        return inv ? [{ invoice: inv, amountMinor: a.amount === null ? null : BigInt(a.amount) }] : [];
      });
      const latest = apps.reduce((d, a) => later(d, a.invoice.issueDate), WINDOW_START);
      const date = dateOf(op.date, latest) ?? TODAY;
      const input = {
        customer: c.code,
        date,
        amount: dec(op.amount),
        currency,
        ...fx,
        applications: apps.map((a) => ({
          invoice: a.invoice.id,
          ...(a.amountMinor === null ? {} : { amount: dec(a.amountMinor) }),
        })),
      };
      const src = newSource('receipt', c.id, currency, date, op.amount);
      return {
        describe: `recordReceipt ${j(input)} (invoices ${apps.map((a) => a.invoice.number).join(', ')})`,
        reasons: union(rateReasons(currency, fx), applicationsReasons(m.rows, src, apps, date)),
        run: (ctx) => recordReceipt(ctx, input),
      };
    }
    case 'allocate': {
      // A source of the kind asked for (else of the other kind) whose customer has invoices.
      const invoiced = new Set(reg.invoices.map((id) => m.invoice(id).customerId));
      const usable = (kind: Source['kind']) =>
        (kind === 'receipt' ? reg.receipts : reg.creditNotes)
          .map((id) => sourceOf(m, kind, id))
          .filter((x) => !op.same || invoiced.has(x.customerId));
      const sources = usable(op.source).length > 0 ? usable(op.source) : usable(other(op.source));
      const src = sources[op.ref % Math.max(1, sources.length)];
      if (!src) return null;
      const { kind, id: srcId } = src;
      const inv = pickInvoice(m, reg, op.invoice, op.same ? src.customerId : null);
      if (!inv) return null;
      const asked = dateOf(op.date, later(inv.issueDate, src.date));
      // No date means today; a date before the source is moved to the source's (allocate.ts).
      const requested = asked ?? TODAY;
      const on = later(requested, src.date);
      const input = {
        ...(kind === 'receipt' ? { receipt: srcId } : { credit_note: srcId }),
        invoice: inv.id,
        ...(op.amount === null ? {} : { amount: dec(op.amount) }),
        ...(asked === null ? {} : { date: asked }),
      };
      const reasons = applicationReasons(
        m,
        src,
        inv,
        op.amount === null ? null : BigInt(op.amount),
        on,
      ).reasons;
      if (m.reversal(kind, srcId) !== undefined) reasons.add('ALREADY_REVERSED');
      return {
        describe: `allocate ${j(input)} (${kind} dated ${src.date}, invoice ${inv.number} issued ${inv.issueDate})`,
        reasons,
        run: (ctx) => allocate(ctx, input),
      };
    }
    default:
      return planUndo(op, m, reg);
  }
}
