import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { normaliseForIndex } from '../../shared/crypto/index.ts';
import type { DB } from '../../shared/db/index.ts';
import { CUSTOMER_FIELDS } from './customer-fields.ts';

/** The blind index of `text` for a field, when the text could be such a value at all. */
async function indexOf(ctx: Ctx, field: string, text: string, minLength: number): Promise<Buffer | null> {
  if (normaliseForIndex(field, text).length < minLength) return null;
  return ctx.fields.blindIndex(ctx.db, field, text);
}

/**
 * Encrypted fields are found by exact value only, through their blind indexes: a search text
 * that is a customer's tax id, or one of its contacts' email or phone, finds the customer.
 */
export async function encryptedFieldMatches(
  ctx: Ctx,
  text: string,
): Promise<(eb: ExpressionBuilder<DB, 'customers'>) => Expression<SqlBool>[]> {
  const taxId = await indexOf(ctx, CUSTOMER_FIELDS.taxId, text, 1);
  const email = text.includes('@') ? await indexOf(ctx, CUSTOMER_FIELDS.email, text, 3) : null;
  const phone = await indexOf(ctx, CUSTOMER_FIELDS.phone, text, 5);
  return (eb) => [
    ...(taxId ? [eb('tax_id_bidx', '=', taxId)] : []),
    ...(email || phone
      ? [
          eb.exists(
            eb
              .selectFrom('customer_contacts as cc')
              .select(sql.lit(1).as('one'))
              .whereRef('cc.org_id', '=', 'customers.org_id')
              .whereRef('cc.customer_id', '=', 'customers.id')
              .where((c) =>
                c.or([
                  ...(email ? [c('cc.email_bidx', '=', email)] : []),
                  ...(phone ? [c('cc.phone_bidx', '=', phone)] : []),
                ]),
              ),
          ),
        ]
      : []),
  ];
}
