import type { Ctx } from '../../shared/context/index.ts';
import { createCustomer } from '../customers/index.ts';
import {
  allocate,
  importInvoices,
  issueCreditNote,
  openDispute,
  recordReceiptsInTx,
  resolveDispute,
  type TIssueInvoiceRequest,
  type TRecordReceiptRequest,
  writeOffInvoice,
} from '../receivables/index.ts';
import type { DemoCounts, DemoEvent, DemoPlan } from './demo.types.ts';

const PROGRESS_EVERY = 500;

function lookup(map: ReadonlyMap<string, string>, key: string): string {
  const v = map.get(key);
  if (v === undefined) throw new Error(`demo plan refers to ${key} before creating it`);
  return v;
}

/**
 * Creates the plan's documents through the ordinary use cases, in date order, so each posts its
 * journal entry exactly as the product would.
 */
export async function runDemoPlan(
  ctx: Ctx,
  plan: DemoPlan,
  onProgress: (message: string) => void,
): Promise<DemoCounts> {
  const counts: DemoCounts = {
    customers: 0,
    invoices: 0,
    receipts: 0,
    credit_notes: 0,
    write_offs: 0,
    disputes: 0,
  };
  const receipts = new Map<string, string>();
  const disputes = new Map<string, string>();
  const total = plan.customers.length + plan.events.length;
  let done = 0;
  const tick = () => {
    done += 1;
    if (done % PROGRESS_EVERY === 0 || done === total) {
      onProgress(
        `demo: ${done}/${total} documents (${counts.customers} customers, ${counts.invoices} invoices, ` +
          `${counts.receipts} receipts)`,
      );
    }
  };
  for (const c of plan.customers) {
    await createCustomer(ctx, c.request);
    counts.customers += 1;
    tick();
  }
  // Invoices depend only on customers: one bulk import, the way a company brings its books in.
  const names = new Map(plan.customers.map((c) => [c.code, c.request.name]));
  const invoices = plan.events.flatMap((e) => (e.kind === 'invoice' ? [e.request] : []));
  const imported = await importInvoices(ctx, {
    name: 'demo-invoices.csv',
    bytes: invoiceCsv(invoices, names),
  });
  counts.invoices = imported.created;
  for (let i = 0; i < invoices.length; i++) tick();
  // Everything else in date order; runs of receipts go in bulk, with the same checks as one by one.
  let batch: { key: string; request: TRecordReceiptRequest }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    const { numbers } = await ctx.db.transaction().execute((trx) =>
      recordReceiptsInTx(
        trx,
        ctx,
        pending.map((b) => b.request),
      ),
    );
    pending.forEach((b, i) => {
      receipts.set(b.key, numbers[i] as string);
    });
    counts.receipts += pending.length;
    for (let i = 0; i < pending.length; i++) tick();
  };
  for (const e of plan.events) {
    if (e.kind === 'invoice') continue;
    if (e.kind === 'receipt') {
      batch.push({ key: e.key, request: e.request });
      continue;
    }
    await flush();
    await runEvent(ctx, e, counts, receipts, disputes);
    tick();
  }
  await flush();
  return counts;
}

async function runEvent(
  ctx: Ctx,
  e: DemoEvent,
  counts: DemoCounts,
  receipts: Map<string, string>,
  disputes: Map<string, string>,
): Promise<void> {
  switch (e.kind) {
    case 'invoice':
      return;
    case 'credit_note':
      await issueCreditNote(ctx, e.request);
      counts.credit_notes += 1;
      return;
    case 'receipt':
      return;
    case 'allocation':
      await allocate(ctx, {
        receipt: lookup(receipts, e.receiptKey),
        invoice: e.invoice,
        amount: e.amount,
        date: e.date,
      });
      return;
    case 'write_off':
      await writeOffInvoice(ctx, e.request);
      counts.write_offs += 1;
      return;
    case 'dispute':
      disputes.set(e.key, (await openDispute(ctx, e.input)).id);
      counts.disputes += 1;
      return;
    case 'dispute_resolution':
      await resolveDispute(ctx, {
        dispute: lookup(disputes, e.disputeKey),
        date: e.date,
        resolution: e.resolution,
      });
      return;
  }
}

function csvCell(value: string | undefined): string {
  const v = value ?? '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The plan's invoices as an import file in the canonical layout. */
function invoiceCsv(
  invoices: readonly TIssueInvoiceRequest[],
  names: ReadonlyMap<string, string>,
): Uint8Array {
  const header =
    'customer_code,customer_name,invoice_number,issue_date,due_date,currency,amount,tax_amount,fx_rate,po_number,salesperson,description';
  const lines = invoices.map((r) =>
    [
      r.customer,
      names.get(r.customer),
      r.number,
      r.issue_date,
      r.due_date,
      r.currency,
      r.amount,
      r.tax_amount,
      r.fx_rate,
      r.po_number,
      r.salesperson,
      r.description,
    ]
      .map(csvCell)
      .join(','),
  );
  return new TextEncoder().encode(`${header}\n${lines.join('\n')}\n`);
}
