import { sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import type { Tx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { TAllocationDto } from '../receivables.dto.ts';
import type { TReverseRequest } from '../receivables.schemas.ts';
import { recordReversal } from '../reversals.ts';
import { queryAllocations } from './allocation-query.ts';

export async function reverseAllocationInTx(
  trx: Tx,
  ctx: Ctx,
  allocationId: string,
  date: BusinessDate,
  reason?: string,
): Promise<void> {
  const a = await trx
    .selectFrom('allocations')
    .select(['id', 'allocation_date', 'invoice_id'])
    .where('org_id', '=', ctx.org.id)
    .where('id', '=', allocationId)
    .executeTakeFirst();
  if (!a) throw new AppError('ALLOCATION_NOT_FOUND', { details: { allocation: allocationId } });
  // Lock the invoice so a concurrent application sees this reversal.
  await trx
    .selectFrom('invoices')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .where('id', '=', a.invoice_id)
    .forUpdate()
    .execute();
  await recordReversal(trx, {
    orgId: ctx.org.id,
    type: 'allocation',
    id: a.id,
    label: 'the allocation',
    documentDate: a.allocation_date,
    date,
    reason,
  });
}

/** Unapplies: the allocation stays in force before `date` and is undone from it on. */
export async function reverseAllocation(
  ctx: Ctx,
  allocationId: string,
  input: TReverseRequest,
): Promise<TAllocationDto> {
  await ctx.db
    .transaction()
    .execute((trx) =>
      reverseAllocationInTx(
        trx,
        ctx,
        allocationId,
        (input.date as BusinessDate | undefined) ?? ctx.clock.today(),
        input.reason,
      ),
    );
  const [dto] = await queryAllocations(ctx.db, ctx.org.id, sql`a.id = ${allocationId}`);
  if (!dto) throw new AppError('ALLOCATION_NOT_FOUND');
  return dto;
}
