import { sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { lockInvoice } from '../allocations/apply-to-invoice.ts';
import { isReversed } from '../reversals.ts';
import { LATEST, queryDisputes } from './dispute-query.ts';
import type { TDisputeDto, TOpenDisputeRequest } from './disputes.schemas.ts';

/**
 * Records that the customer contests an invoice from a date on. While it is open, dunning pauses
 * for that invoice. An invoice has at most one dispute in force on any day.
 */
export async function openDispute(ctx: Ctx, input: TOpenDisputeRequest): Promise<TDisputeDto> {
  const date = input.date as BusinessDate;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inv = await lockInvoice(trx, ctx.org.id, input.invoice);
    if (await isReversed(trx, ctx.org.id, 'invoice', inv.id)) {
      throw new AppError('ALREADY_REVERSED', {
        message: `invoice ${inv.number} is void`,
        details: { invoice: inv.number },
      });
    }
    if (date < inv.issue_date) {
      throw new AppError('DATE_BEFORE_DOCUMENT', {
        message: `dispute date ${date} is before the invoice (${inv.issue_date})`,
        details: { date },
      });
    }
    const overlapping = await trx
      .selectFrom('disputes')
      .select(['id', 'opened_on'])
      .where('org_id', '=', ctx.org.id)
      .where('invoice_id', '=', inv.id)
      .where((eb) => eb.or([eb('resolved_on', 'is', null), eb('resolved_on', '>', date)]))
      .executeTakeFirst();
    if (overlapping) {
      throw new AppError('DISPUTE_ALREADY_OPEN', {
        message: `invoice ${inv.number} already has a dispute opened on ${overlapping.opened_on} and not resolved by ${date}`,
        details: { invoice: inv.number, dispute: overlapping.id },
      });
    }
    const disputeId = newId();
    await trx
      .insertInto('disputes')
      .values({
        org_id: ctx.org.id,
        id: disputeId,
        invoice_id: inv.id,
        customer_id: inv.customer_id,
        opened_on: date,
        reason: input.reason,
      })
      .execute();
    return disputeId;
  });
  const [dto] = await queryDisputes(ctx.db, {
    orgId: ctx.org.id,
    asOf: LATEST,
    where: sql`d.id = ${id}`,
    limit: 1,
  });
  if (!dto) throw new Error('dispute vanished after commit');
  return dto;
}
