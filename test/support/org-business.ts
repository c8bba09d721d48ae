import { createCustomer } from '../../src/modules/customers/index.ts';
import {
  issueCreditNote,
  issueInvoice,
  openDispute,
  recordReceipt,
  writeOffInvoice,
} from '../../src/modules/receivables/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';

/** Everything an org's books hold after a little business: ids to attack from another org. */
export type OrgBusiness = {
  prefix: string;
  customerIds: string[];
  invoiceIds: string[];
  receiptIds: string[];
  creditNoteIds: string[];
  allocationIds: string[];
  ids: string[];
  /** Strings that only this org's data contains (codes, numbers, names, contact details). */
  markers: string[];
};

/**
 * Customers of two salespeople (with contacts and tax ids), invoices, an applied receipt, an
 * applied credit note, a write-off and a dispute — every kind of row the ledger has.
 */
export async function seedBusiness(ctx: Ctx, prefix: string): Promise<OrgBusiness> {
  const customers = [];
  for (const [i, salesperson] of ['Alice', 'Bob'].entries()) {
    customers.push(
      await createCustomer(ctx, {
        code: `${prefix}-C${i}`,
        name: `${prefix} Customer ${i} 有限公司`,
        tax_id: `${prefix}TAX00${i}`,
        salesperson,
        contacts: [
          {
            name: `${prefix} Contact`,
            email: `${prefix.toLowerCase()}${i}@example.com`,
            phone: `+86 138 0000 00${i}${i}`,
          },
        ],
      }),
    );
  }
  const invoices = [];
  for (const [i, c] of customers.entries()) {
    for (const n of [1, 2, 3]) {
      invoices.push(
        await issueInvoice(ctx, {
          customer: c.code,
          number: `${prefix}-INV-${i}${n}`,
          issue_date: '2025-03-01',
          amount: '1130.00',
          tax_amount: '130.00',
        }),
      );
    }
  }
  const [a1, a2, a3, b1] = invoices;
  if (!a1 || !a2 || !a3 || !b1) throw new Error('invoices missing');
  const receipt = await recordReceipt(ctx, {
    customer: `${prefix}-C0`,
    date: '2025-04-01',
    amount: '1500.00',
    reference: `${prefix}-PAY-1`,
    applications: [{ invoice: a1.number, amount: '1130.00' }],
  });
  const note = await issueCreditNote(ctx, {
    customer: `${prefix}-C0`,
    number: `${prefix}-CN-1`,
    date: '2025-04-02',
    amount: '100.00',
    invoice: a2.number,
    apply: true,
  });
  await writeOffInvoice(ctx, {
    invoice: a3.number,
    date: '2025-05-01',
    kind: 'bad_debt',
    reason: `${prefix} bad debt`,
  });
  await openDispute(ctx, { invoice: b1.number, date: '2025-04-05', reason: `${prefix} disputed` });
  const allocations = await ctx.db
    .selectFrom('allocations')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .execute();
  const customerIds = customers.map((c) => c.id);
  const invoiceIds = invoices.map((i) => i.id);
  const allocationIds = allocations.map((a) => a.id);
  return {
    prefix,
    customerIds,
    invoiceIds,
    receiptIds: [receipt.id],
    creditNoteIds: [note.id],
    allocationIds,
    ids: [...customerIds, ...invoiceIds, receipt.id, note.id, ...allocationIds],
    markers: [
      ...customers.map((c) => c.code),
      ...invoices.map((i) => i.number),
      `${prefix}-CN-1`,
      `${prefix}-PAY-1`,
      `${prefix}TAX000`,
      `${prefix.toLowerCase()}0@example.com`,
    ],
  };
}
