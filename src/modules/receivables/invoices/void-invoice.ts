import type { Ctx } from '../../../shared/context/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { lockInvoice } from '../allocations/apply-to-invoice.ts';
import { assertUntouchedFrom, invoiceEvents } from '../availability.ts';
import type { TInvoiceDetailDto } from '../receivables.dto.ts';
import type { TReverseRequest } from '../receivables.schemas.ts';
import { recordReversal } from '../reversals.ts';
import { getInvoice } from './get-invoice.ts';

/** Voids a posted invoice by reversal: it stays in the books before `date`, and is void from it on. */
export async function voidInvoice(
  ctx: Ctx,
  idOrNumber: string,
  input: TReverseRequest,
): Promise<TInvoiceDetailDto> {
  const date = (input.date as BusinessDate | undefined) ?? ctx.clock.today();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inv = await lockInvoice(trx, ctx.org.id, idOrNumber);
    assertUntouchedFrom(
      inv.total_minor,
      await invoiceEvents(trx, ctx.org.id, inv.id),
      date,
      `invoice ${inv.number}`,
    );
    await recordReversal(trx, {
      orgId: ctx.org.id,
      type: 'invoice',
      id: inv.id,
      label: `invoice ${inv.number}`,
      documentDate: inv.issue_date,
      date,
      reason: input.reason,
    });
    return inv.id;
  });
  return getInvoice(ctx, id);
}
