import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { type ActivityPosition, type ActivityRow, queryCustomerActivity } from './customer-activity.sql.ts';
import type {
  TCustomerActivityDto,
  TCustomerActivityPage,
  TCustomerActivityQuery,
} from './customer-overview.schemas.ts';

/** Bookkeeping columns a record change carries that are not worth showing as a changed field. */
const QUIET_FIELDS = new Set([
  'updated_at',
  'created_at',
  'id',
  'customer_id',
  'tax_id_bidx',
  'email_bidx',
  'phone_bidx',
]);

/** A customer's timeline, newest first, paged by the position of the last entry shown. */
export async function listCustomerActivity(
  ctx: Ctx,
  idOrCode: string,
  query: TCustomerActivityQuery,
): Promise<TCustomerActivityPage> {
  const customer = await getCustomerRef(ctx.db, ctx.org.id, idOrCode);
  const rows = await queryCustomerActivity(
    ctx.db,
    { orgId: ctx.org.id, customerId: customer.id, timeZone: ctx.org.timeZone },
    { limit: query.limit, before: query.before ? decodePosition(query.before) : null },
  );
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(toDto),
    next_before: hasMore && last ? encodePosition(last) : null,
  };
}

function toDto(r: ActivityRow): TCustomerActivityDto {
  return {
    id: r.key,
    kind: r.kind,
    date: r.date,
    at: new Date(r.at).toISOString(),
    document_type: r.document_type as TCustomerActivityDto['document_type'],
    document_id: r.document_id,
    number: r.number,
    reference: r.reference,
    reversed_type: r.reversed_type,
    amount:
      r.amount_minor === null || r.currency === null
        ? null
        : minorToDecimal(BigInt(r.amount_minor), r.currency),
    currency: r.currency,
    actor: r.actor,
    note: r.note,
    changed_fields: changedFields(r.before, r.after),
  };
}

/** The fields an update changed (for an insert or delete: none, the entry says what happened). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !QUIET_FIELDS.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
}

function encodePosition(r: ActivityRow): string {
  const p: ActivityPosition = { date: r.date, at: r.at_us, key: r.key };
  return Buffer.from(JSON.stringify([p.date, p.at, p.key])).toString('base64url');
}

function decodePosition(text: string): ActivityPosition {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string')) {
      const [date, at, key] = v as [string, string, string];
      if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{1,18}$/.test(at)) return { date, at, key };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', { message: 'invalid `before`', details: { field: 'before' } });
}
