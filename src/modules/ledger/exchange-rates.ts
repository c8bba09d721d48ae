import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { parseRate, type Rate } from '../../shared/money/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';

/** Records a rate: units of the org's base currency per one unit of `currency`, valid from `date`. */
export async function setExchangeRate(
  trx: Tx,
  options: { orgId: string; currency: string; date: BusinessDate; rate: string },
): Promise<void> {
  parseRate(options.rate);
  await trx
    .insertInto('exchange_rates')
    .values({
      org_id: options.orgId,
      currency: options.currency,
      rate_date: options.date,
      rate: options.rate,
    })
    .onConflict((oc) => oc.columns(['org_id', 'currency', 'rate_date']).doUpdateSet({ rate: options.rate }))
    .execute();
}

/**
 * The rate for a document: 1 for the base currency, else the explicit one if given, else the
 * latest recorded rate on or before the document date. An explicit rate other than 1 for the base
 * currency is refused: it would post base amounts that differ from the document's own.
 */
export async function resolveRate(
  db: DbOrTx,
  options: {
    orgId: string;
    baseCurrency: string;
    currency: string;
    date: BusinessDate;
    explicit?: string | null;
  },
): Promise<Rate> {
  if (options.currency === options.baseCurrency) {
    const explicit = options.explicit ? parseRate(options.explicit) : null;
    if (explicit && explicit.numerator !== explicit.denominator) {
      throw new AppError('VALIDATION_FAILED', {
        message: `${options.currency} is the base currency: its rate is 1, not ${options.explicit}`,
        details: { field: 'fx_rate' },
      });
    }
    return parseRate('1');
  }
  if (options.explicit) return parseRate(options.explicit);
  const row = await db
    .selectFrom('exchange_rates')
    .select(sql<string>`rate::text`.as('rate'))
    .where('org_id', '=', options.orgId)
    .where('currency', '=', options.currency)
    .where('rate_date', '<=', options.date)
    .orderBy('rate_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('EXCHANGE_RATE_MISSING', {
      message: `no ${options.currency}/${options.baseCurrency} rate on or before ${options.date}`,
      details: { currency: options.currency, date: options.date },
    });
  }
  return parseRate(row.rate);
}
