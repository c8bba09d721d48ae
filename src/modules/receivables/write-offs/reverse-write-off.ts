import type { Ctx } from '../../../shared/context/index.ts';
import type { Tx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getInvoice } from '../invoices/get-invoice.ts';
import type { TInvoiceDetailDto } from '../receivables.dto.ts';
import type { TReverseRequest } from '../receivables.schemas.ts';
import { recordReversal } from '../reversals.ts';

export async function reverseWriteOff(
  ctx: Ctx,
  writeOffId: string,
  input: TReverseRequest,
): Promise<TInvoiceDetailDto> {
  const invoiceId = await ctx.db
    .transaction()
    .execute((trx) => reverseWriteOffInTx(trx, ctx, writeOffId, input));
  return getInvoice(ctx, invoiceId);
}

/** The reversal inside a caller's transaction (undoing a bank match); returns the invoice's id. */
export async function reverseWriteOffInTx(
  trx: Tx,
  ctx: Ctx,
  writeOffId: string,
  input: TReverseRequest,
): Promise<string> {
  const w = await trx
    .selectFrom('write_offs')
    .selectAll()
    .where('org_id', '=', ctx.org.id)
    .where('id', '=', writeOffId)
    .executeTakeFirst();
  if (!w) throw new AppError('WRITE_OFF_NOT_FOUND', { details: { write_off: writeOffId } });
  await trx
    .selectFrom('invoices')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .where('id', '=', w.invoice_id)
    .forUpdate()
    .execute();
  await recordReversal(trx, {
    orgId: ctx.org.id,
    type: 'write_off',
    id: w.id,
    label: 'the write-off',
    documentDate: w.write_off_date,
    date: (input.date as BusinessDate | undefined) ?? ctx.clock.today(),
    reason: input.reason,
  });
  return w.invoice_id;
}
