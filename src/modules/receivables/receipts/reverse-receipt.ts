import type { Ctx } from '../../../shared/context/index.ts';
import type { Tx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { lockSource } from '../allocations/lock-source.ts';
import { reverseAllocationInTx } from '../allocations/reverse-allocation.ts';
import { assertUntouchedFrom, sourceEvents } from '../availability.ts';
import type { TReceiptDto } from '../receivables.dto.ts';
import type { TReverseRequest } from '../receivables.schemas.ts';
import { recordReversal } from '../reversals.ts';
import { getReceipt } from './get-receipt.ts';

/** A bounced or mistaken receipt: its live applications are undone with it, in one transaction. */
export async function reverseReceipt(
  ctx: Ctx,
  idOrNumber: string,
  input: TReverseRequest,
): Promise<TReceiptDto> {
  const id = await ctx.db.transaction().execute((trx) => reverseReceiptInTx(trx, ctx, idOrNumber, input));
  return getReceipt(ctx, id);
}

/** The reversal inside a caller's transaction (undoing a bank match); returns the receipt's id. */
export async function reverseReceiptInTx(
  trx: Tx,
  ctx: Ctx,
  idOrNumber: string,
  input: TReverseRequest,
): Promise<string> {
  const date = (input.date as BusinessDate | undefined) ?? ctx.clock.today();
  const receipt = await lockSource(trx, ctx.org.id, 'receipt', idOrNumber);
  const liveRefund = await trx
    .selectFrom('refunds as f')
    .select('f.id')
    .where('f.org_id', '=', ctx.org.id)
    .where('f.receipt_id', '=', receipt.id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reversals as r')
            .select('r.id')
            .whereRef('r.org_id', '=', 'f.org_id')
            .where('r.target_type', '=', 'refund')
            .whereRef('r.target_id', '=', 'f.id'),
        ),
      ),
    )
    .executeTakeFirst();
  if (liveRefund)
    throw new AppError('VALIDATION_FAILED', {
      message: `receipt ${receipt.number} has a refund; reverse it first`,
    });
  const liveAllocations = await trx
    .selectFrom('allocations as a')
    .select('a.id')
    .where('a.org_id', '=', ctx.org.id)
    .where('a.receipt_id', '=', receipt.id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reversals as r')
            .select('r.id')
            .whereRef('r.org_id', '=', 'a.org_id')
            .where('r.target_type', '=', 'allocation')
            .whereRef('r.target_id', '=', 'a.id'),
        ),
      ),
    )
    .orderBy('a.id')
    .execute();
  for (const a of liveAllocations)
    await reverseAllocationInTx(trx, ctx, a.id, date, input.reason ?? 'receipt reversed');
  assertUntouchedFrom(
    receipt.amountMinor,
    await sourceEvents(trx, ctx.org.id, { receiptId: receipt.id }),
    date,
    `receipt ${receipt.number}`,
  );
  await recordReversal(trx, {
    orgId: ctx.org.id,
    type: 'receipt',
    id: receipt.id,
    label: `receipt ${receipt.number}`,
    documentDate: receipt.date,
    date,
    reason: input.reason,
  });
  return receipt.id;
}
