import type { Ctx } from '../../../shared/context/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { lockSource } from '../allocations/lock-source.ts';
import { assertUntouchedFrom, sourceEvents } from '../availability.ts';
import type { TCreditNoteDto } from '../receivables.dto.ts';
import type { TReverseRequest } from '../receivables.schemas.ts';
import { recordReversal } from '../reversals.ts';
import { getCreditNote } from './issue-credit-note.ts';

export async function voidCreditNote(
  ctx: Ctx,
  idOrNumber: string,
  input: TReverseRequest,
): Promise<TCreditNoteDto> {
  const date = (input.date as BusinessDate | undefined) ?? ctx.clock.today();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const note = await lockSource(trx, ctx.org.id, 'credit_note', idOrNumber);
    assertUntouchedFrom(
      note.amountMinor,
      await sourceEvents(trx, ctx.org.id, { creditNoteId: note.id }),
      date,
      `credit note ${note.number}`,
    );
    await recordReversal(trx, {
      orgId: ctx.org.id,
      type: 'credit_note',
      id: note.id,
      label: `credit note ${note.number}`,
      documentDate: note.date,
      date,
      reason: input.reason,
    });
    return note.id;
  });
  return getCreditNote(ctx, id);
}
