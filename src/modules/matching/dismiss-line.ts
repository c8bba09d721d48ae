import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { loadLine } from './bank-lines.repository.ts';

/**
 * Rejects a line's suggestion (it stays in the queue, unmatched) or sets the line aside as no
 * customer payment (`ignore`: a refund from a supplier, an internal transfer).
 */
export async function dismissLine(ctx: Ctx, lineId: string, action: 'reject' | 'ignore'): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const line = await loadLine(trx, ctx, lineId, true);
    if (line.status !== 'unmatched' && line.status !== 'suggested') {
      throw new AppError('BANK_LINE_NOT_OPEN', { details: { id: lineId, status: line.status } });
    }
    await sql`delete from bank_match_suggestions where org_id = ${ctx.org.id} and bank_transaction_id = ${lineId}::uuid`.execute(
      trx,
    );
    await sql`update bank_transactions set status = ${action === 'ignore' ? 'ignored' : 'unmatched'}
      where org_id = ${ctx.org.id} and id = ${lineId}::uuid`.execute(trx);
  });
}
