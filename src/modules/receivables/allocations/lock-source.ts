import { sql } from 'kysely';
import type { Tx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { documentKey } from '../open-items.sql.ts';
import { isReversed } from '../reversals.ts';
import type { LockedSource } from './apply-to-invoice.ts';

type Row = {
  id: string;
  number: string;
  customer_id: string;
  currency: string;
  date: string;
  amount_minor: bigint;
  fx_rate: string;
};

/** Locks a receipt or credit note (by id or number) for the rest of the transaction. */
export async function lockSource(
  trx: Tx,
  orgId: string,
  kind: 'receipt' | 'credit_note',
  idOrNumber: string,
): Promise<LockedSource> {
  const key = documentKey(null, idOrNumber);
  const r =
    kind === 'receipt'
      ? await sql<Row>`select id, number, customer_id, currency, receipt_date as date, amount_minor, fx_rate::text as fx_rate
          from receipts where org_id = ${orgId} and ${key} for update`.execute(trx)
      : await sql<Row>`select id, number, customer_id, currency, note_date as date, total_minor as amount_minor, fx_rate::text as fx_rate
          from credit_notes where org_id = ${orgId} and ${key} for update`.execute(trx);
  const row = r.rows[0];
  if (!row) {
    throw new AppError(kind === 'receipt' ? 'RECEIPT_NOT_FOUND' : 'CREDIT_NOTE_NOT_FOUND', {
      message: `no ${kind.replace('_', ' ')} "${idOrNumber}"`,
      details: { [kind]: idOrNumber },
    });
  }
  if (await isReversed(trx, orgId, kind, row.id)) {
    throw new AppError('ALREADY_REVERSED', {
      message: `${kind.replace('_', ' ')} ${row.number} is reversed`,
      details: { [kind]: row.number },
    });
  }
  return {
    kind,
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    currency: row.currency,
    date: row.date,
    amountMinor: row.amount_minor,
    fxRate: row.fx_rate,
  };
}
