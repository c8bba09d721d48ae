import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { listPayerNames } from '../customers/index.ts';
import { loadOpenInvoices } from '../receivables/index.ts';
import type { BankLine, OpenInvoice, Payer } from './engine/matching.types.ts';

type LineRow = {
  id: string;
  booking_date: BusinessDate;
  amount_minor: bigint;
  currency: string;
  counterparty_name: string | null;
  counterparty_account: string | null;
  remittance: string | null;
  end_to_end_id: string | null;
};

/**
 * Money-in lines waiting for a match: all of them, or the given ones plus every line holding a
 * suggestion (its invoices may have been paid since: the suggestion is proposed afresh).
 */
export async function loadOpenLines(ctx: Ctx, ids?: readonly string[]): Promise<BankLine[]> {
  const only = ids ? sql`and (t.id = any(${sql.val(ids)}::uuid[]) or t.status = 'suggested')` : sql``;
  const rows = await sql<LineRow>`
    select t.id, t.booking_date, t.amount_minor, t.currency, t.counterparty_name, t.counterparty_account,
      t.remittance, t.end_to_end_id
    from bank_transactions t
    where t.org_id = ${ctx.org.id} and t.status in ('unmatched', 'suggested') and t.amount_minor > 0 ${only}
    order by t.booking_date, t.id`.execute(ctx.db);
  return rows.rows.map((r) => ({
    id: r.id,
    bookingDate: r.booking_date,
    amountMinor: r.amount_minor,
    currency: r.currency,
    counterpartyName: r.counterparty_name,
    counterpartyAccount: r.counterparty_account,
    remittance: r.remittance,
    endToEndId: r.end_to_end_id,
  }));
}

/** The org's open invoices (as of the day) and its payers with the accounts and names learned. */
export async function loadMatchData(
  ctx: Ctx,
  asOf: BusinessDate,
): Promise<{ invoices: OpenInvoice[]; payers: Payer[] }> {
  const [invoiceRows, customers, aliases] = await Promise.all([
    loadOpenInvoices(ctx.db, ctx.org.id, asOf),
    listPayerNames(ctx.db, ctx.org.id),
    sql<{ customer_id: string; kind: 'account' | 'name'; value: string }>`
      select customer_id, kind, value from payer_aliases where org_id = ${ctx.org.id}`.execute(ctx.db),
  ]);
  const learned = new Map<string, { accounts: string[]; aliases: string[] }>();
  for (const a of aliases.rows) {
    let entry = learned.get(a.customer_id);
    if (!entry) {
      entry = { accounts: [], aliases: [] };
      learned.set(a.customer_id, entry);
    }
    (a.kind === 'account' ? entry.accounts : entry.aliases).push(a.value);
  }
  return {
    invoices: invoiceRows.map((i) => ({
      id: i.id,
      number: i.number,
      customerId: i.customer_id,
      currency: i.currency,
      openMinor: i.open_minor,
      issueDate: i.issue_date,
      dueDate: i.due_date,
    })),
    payers: customers.map((c) => ({
      customerId: c.id,
      code: c.code,
      name: c.name,
      legalName: c.legal_name,
      accounts: learned.get(c.id)?.accounts ?? [],
      aliases: learned.get(c.id)?.aliases ?? [],
    })),
  };
}
