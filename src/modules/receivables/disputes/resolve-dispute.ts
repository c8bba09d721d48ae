import { sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { LATEST, queryDisputes } from './dispute-query.ts';
import type { TDisputeDto, TResolveDisputeRequest } from './disputes.schemas.ts';

/**
 * Closes a dispute with what was agreed. A dispute is a case record, not a financial fact: any
 * money consequence (a credit note, a write-off) is its own document.
 */
export async function resolveDispute(ctx: Ctx, input: TResolveDisputeRequest): Promise<TDisputeDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ id: string; opened_on: string; resolved_on: string | null }>`
      select id, opened_on, resolved_on from disputes
      where org_id = ${ctx.org.id} and id = ${input.dispute} for update`.execute(trx);
    const d = r.rows[0];
    if (!d) {
      throw new AppError('DISPUTE_NOT_FOUND', {
        message: `no dispute "${input.dispute}"`,
        details: { dispute: input.dispute },
      });
    }
    if (d.resolved_on !== null) {
      throw new AppError('DISPUTE_ALREADY_RESOLVED', {
        message: `dispute ${d.id} was already resolved on ${d.resolved_on}`,
        details: { dispute: d.id, resolved_on: d.resolved_on },
      });
    }
    if (input.date < d.opened_on) {
      throw new AppError('DATE_BEFORE_DOCUMENT', {
        message: `resolution date ${input.date} is before the dispute was opened (${d.opened_on})`,
        details: { date: input.date },
      });
    }
    await trx
      .updateTable('disputes')
      .set({ resolved_on: input.date, resolution: input.resolution })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', d.id)
      .execute();
  });
  const [dto] = await queryDisputes(ctx.db, {
    orgId: ctx.org.id,
    asOf: LATEST,
    where: sql`d.id = ${input.dispute}`,
    limit: 1,
  });
  if (!dto) throw new Error('dispute vanished after commit');
  return dto;
}
