import type { Ctx } from '../../shared/context/index.ts';
import { minorToDecimal } from '../../shared/money/index.ts';
import { decodeCursor, type Page, toPage } from '../../shared/pagination/index.ts';
import { requireBankAccount } from './bank-accounts.repository.ts';
import type { TBankTransactionDto, TListBankTransactionsQuery } from './banking.schemas.ts';
import { banking } from './banking.tables.ts';

/** An org's bank lines, newest booking first, filtered for the review queue and search. */
export async function listBankTransactions(
  ctx: Ctx,
  query: TListBankTransactionsQuery,
): Promise<Page<TBankTransactionDto>> {
  let q = banking(ctx.db).selectFrom('bank_transactions').selectAll().where('org_id', '=', ctx.org.id);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.account) {
    const account = await requireBankAccount(ctx.db, ctx.fields, ctx.org.id, query.account);
    q = q.where('bank_account_id', '=', account.id);
  }
  if (query.from) q = q.where('booking_date', '>=', query.from);
  if (query.to) q = q.where('booking_date', '<=', query.to);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('remittance', 'ilike', like),
        eb('counterparty_name', 'ilike', like),
        eb('counterparty_account', 'ilike', like),
        eb('bank_reference', 'ilike', like),
        eb('end_to_end_id', 'ilike', like),
      ]),
    );
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const date = String(c.v);
    q = q.where((eb) =>
      eb.or([eb('booking_date', '<', date), eb.and([eb('booking_date', '=', date), eb('id', '<', c.id)])]),
    );
  }
  const rows = await q
    .orderBy('booking_date', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => ({ v: r.booking_date, id: r.id }),
    (r): TBankTransactionDto => ({
      id: r.id,
      bank_account_id: r.bank_account_id,
      statement_id: r.statement_id,
      booking_date: r.booking_date,
      value_date: r.value_date,
      amount: minorToDecimal(r.amount_minor, r.currency.trim()),
      currency: r.currency.trim(),
      counterparty_name: r.counterparty_name,
      counterparty_account: r.counterparty_account,
      remittance: r.remittance,
      bank_reference: r.bank_reference,
      end_to_end_id: r.end_to_end_id,
      type_code: r.type_code,
      location: r.location,
      status: r.status,
      receipt_id: r.receipt_id,
    }),
  );
}
