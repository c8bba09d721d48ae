import type { DbOrTx, Tx } from '../../shared/db/index.ts';
import { newId } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { reverseEntry } from '../ledger/index.ts';

export type ReversibleType = 'invoice' | 'credit_note' | 'receipt' | 'allocation' | 'write_off' | 'refund';

export async function isReversed(
  db: DbOrTx,
  orgId: string,
  type: ReversibleType,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('reversals')
    .select('id')
    .where('org_id', '=', orgId)
    .where('target_type', '=', type)
    .where('target_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records that a document is undone from `date` on, and posts the mirror of its entry. */
export async function recordReversal(
  trx: Tx,
  options: {
    orgId: string;
    type: ReversibleType;
    id: string;
    label: string;
    documentDate: string;
    date: BusinessDate;
    reason?: string | undefined;
  },
): Promise<string> {
  if (options.date < options.documentDate) {
    throw new AppError('DATE_BEFORE_DOCUMENT', {
      message: `reversal date ${options.date} is before ${options.label} (${options.documentDate})`,
      details: { date: options.date },
    });
  }
  const reversalId = newId();
  const inserted = await trx
    .insertInto('reversals')
    .values({
      org_id: options.orgId,
      id: reversalId,
      target_type: options.type,
      target_id: options.id,
      reversal_date: options.date,
      reason: options.reason ?? null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'target_type', 'target_id']).doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows === 0n) {
    throw new AppError('ALREADY_REVERSED', {
      message: `${options.label} is already reversed`,
      details: { id: options.id },
    });
  }
  await reverseEntry(trx, {
    orgId: options.orgId,
    originalEntryId: options.id,
    reversalId,
    date: options.date,
  });
  return reversalId;
}
