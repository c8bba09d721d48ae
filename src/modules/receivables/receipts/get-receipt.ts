import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { TReceiptDto } from '../receivables.dto.ts';
import { queryReceipts, receiptKey } from './receipt-query.ts';

export async function getReceipt(ctx: Ctx, idOrNumber: string, asOf?: BusinessDate): Promise<TReceiptDto> {
  const rows = await queryReceipts(ctx.db, {
    orgId: ctx.org.id,
    baseCurrency: ctx.org.baseCurrency,
    asOf: asOf ?? ('9999-12-31' as BusinessDate),
    where: receiptKey(idOrNumber),
    limit: 1,
    withAllocations: true,
  });
  const r = rows[0];
  if (!r)
    throw new AppError('RECEIPT_NOT_FOUND', {
      message: `no receipt "${idOrNumber}"`,
      details: { receipt: idOrNumber },
    });
  return r;
}
