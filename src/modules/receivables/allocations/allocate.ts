import { sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { decimalToMinor } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { TAllocationDto } from '../receivables.dto.ts';
import type { TAllocateRequest } from '../receivables.schemas.ts';
import { queryAllocations } from './allocation-query.ts';
import { applyToInvoice } from './apply-to-invoice.ts';
import { lockSource } from './lock-source.ts';

/** Applies an existing receipt's unapplied cash, or a credit note, to an invoice. */
export async function allocate(ctx: Ctx, input: TAllocateRequest): Promise<TAllocationDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const source = input.receipt
      ? await lockSource(trx, ctx.org.id, 'receipt', input.receipt)
      : await lockSource(trx, ctx.org.id, 'credit_note', input.credit_note as string);
    const date = (input.date as BusinessDate | undefined) ?? ctx.clock.today();
    const r = await applyToInvoice(trx, ctx, {
      source,
      invoice: input.invoice,
      amountMinor: input.amount ? decimalToMinor(input.amount, source.currency) : null,
      date: date < source.date ? (source.date as BusinessDate) : date,
    });
    return r.allocationId;
  });
  const [dto] = await queryAllocations(ctx.db, ctx.org.id, sql`a.id = ${id}`);
  if (!dto) throw new Error('allocation vanished after commit');
  return dto;
}
