import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { reverseReceiptInTx, reverseWriteOffInTx } from '../receivables/index.ts';
import { loadLine } from './bank-lines.repository.ts';
import type { TUndoMatchRequest } from './matching.schemas.ts';

/**
 * Undoes a line's match cleanly, in one transaction: the small-difference write-off and the receipt
 * (with its applications) are reversed by new entries, the match is kept as history, and the line
 * goes back to the queue. Reopening an ignored line is the same call.
 */
export async function undoMatch(ctx: Ctx, lineId: string, input: TUndoMatchRequest): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const line = await loadLine(trx, ctx, lineId, true);
    if (line.status === 'ignored') {
      await sql`update bank_transactions set status = 'unmatched' where org_id = ${ctx.org.id} and id = ${lineId}::uuid`.execute(
        trx,
      );
      return;
    }
    const live = await sql<{ id: string; receipt_id: string; write_off_ids: string[] }>`
      select id, receipt_id, write_off_ids from bank_matches
      where org_id = ${ctx.org.id} and bank_transaction_id = ${lineId}::uuid and undone_at is null`.execute(
      trx,
    );
    const match = live.rows[0];
    if (line.status !== 'matched' || !match)
      throw new AppError('MATCH_NOT_FOUND', { details: { id: lineId } });
    const reason = input.reason ?? 'bank match undone';
    const date = ctx.clock.today() < line.bookingDate ? line.bookingDate : ctx.clock.today();
    for (const id of match.write_off_ids) await reverseWriteOffInTx(trx, ctx, id, { date, reason });
    await reverseReceiptInTx(trx, ctx, match.receipt_id, { date, reason });
    await sql`update bank_matches set undone_at = now(), undone_by = ${ctx.actor}
      where org_id = ${ctx.org.id} and id = ${match.id}`.execute(trx);
    await sql`update bank_transactions set status = 'unmatched', receipt_id = null
      where org_id = ${ctx.org.id} and id = ${lineId}::uuid`.execute(trx);
  });
}
