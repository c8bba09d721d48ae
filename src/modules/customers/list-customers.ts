import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { decodeCursor, type Page, toPage } from '../../shared/pagination/index.ts';
import { encryptedFieldMatches } from './customer-search.ts';
import { contactsOf, openTaxId, toCustomerDto } from './customers.repository.ts';
import type { TCustomerDto, TListCustomersQuery } from './customers.schemas.ts';

export async function listCustomers(ctx: Ctx, query: TListCustomersQuery): Promise<Page<TCustomerDto>> {
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as 'code' | 'name' | 'created_at';
  let q = ctx.db.selectFrom('customers').selectAll().where('org_id', '=', ctx.org.id);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const encrypted = await encryptedFieldMatches(ctx, query.q);
    q = q.where((eb) =>
      eb.or([
        eb('code', 'ilike', like),
        eb('name', 'ilike', like),
        eb('legal_name', 'ilike', like),
        ...encrypted(eb),
      ]),
    );
  }
  if (query.tag) q = q.where(sql<boolean>`${query.tag} = any(tags)`);
  if (query.salesperson) q = q.where('salesperson', '=', query.salesperson);
  if (query.currency) q = q.where('currency', '=', query.currency.toUpperCase());
  const sortExpr = key === 'created_at' ? sql`created_at` : sql.ref(key);
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const v = key === 'created_at' ? sql`${c.v}::timestamptz` : sql`${c.v}`;
    q = q.where(
      desc
        ? sql<boolean>`(${sortExpr}, id) < (${v}, ${c.id})`
        : sql<boolean>`(${sortExpr}, id) > (${v}, ${c.id})`,
    );
  }
  const rows = await q
    .orderBy(key, desc ? 'desc' : 'asc')
    .orderBy('id', desc ? 'desc' : 'asc')
    .limit(query.limit + 1)
    .execute();
  const pageRows = rows.slice(0, query.limit);
  const contacts = await contactsOf(
    ctx.db,
    ctx.fields,
    ctx.org.id,
    pageRows.map((r) => r.id),
  );
  const taxIds = new Map<string, string | null>();
  for (const r of pageRows) taxIds.set(r.id, await openTaxId(ctx.db, ctx.fields, r));
  return toPage(
    rows,
    query.limit,
    (r) => ({ v: key === 'created_at' ? r.created_at.toISOString() : r[key], id: r.id }),
    (r) => toCustomerDto(r, taxIds.get(r.id) ?? null, contacts.get(r.id) ?? []),
  );
}
