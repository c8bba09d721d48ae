import type { Ctx } from '../../shared/context/index.ts';
import { isAppError } from '../../shared/errors/index.ts';
import { decimalToMinor } from '../../shared/money/index.ts';
import type { Page } from '../../shared/pagination/index.ts';
import { listCustomers } from '../customers/index.ts';
import {
  getInvoice,
  listCreditNotes,
  listDisputes,
  listInvoices,
  listReceipts,
} from '../receivables/index.ts';
import type { DemoCounts } from './demo.types.ts';
import { FIRST_DEMO_INVOICE } from './plan-invoices.ts';

const PAGE = 500;

export async function hasDemo(ctx: Ctx): Promise<boolean> {
  try {
    await getInvoice(ctx, FIRST_DEMO_INVOICE);
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === 'INVOICE_NOT_FOUND') return false;
    throw e;
  }
}

async function countAll<T>(
  fetch: (cursor: string | undefined) => Promise<Page<T>>,
  visit: (item: T) => void = () => {},
): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    page.items.forEach(visit);
    n += page.items.length;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return n;
}

/** What an existing demo holds, read through the same APIs the app uses. */
export async function countDemo(ctx: Ctx): Promise<DemoCounts> {
  const c = (cursor: string | undefined) => (cursor ? { cursor } : {});
  let writeOffs = 0;
  const invoices = await countAll(
    (cursor) => listInvoices(ctx, { q: 'INV-D', sort: '-created', limit: PAGE, ...c(cursor) }),
    (i) => {
      // The demo writes off at most once per invoice: a bank fee or a bad debt.
      if (decimalToMinor(i.written_off, i.currency) > 0n) writeOffs += 1;
    },
  );
  return {
    customers: await countAll((cursor) => listCustomers(ctx, { sort: 'code', limit: PAGE, ...c(cursor) })),
    invoices,
    receipts: await countAll((cursor) => listReceipts(ctx, { limit: PAGE, ...c(cursor) })),
    credit_notes: await countAll((cursor) => listCreditNotes(ctx, { limit: PAGE, ...c(cursor) })),
    write_offs: writeOffs,
    disputes: await countAll((cursor) =>
      listDisputes(ctx, { as_of: '9999-12-31', limit: PAGE, ...c(cursor) }),
    ),
  };
}
