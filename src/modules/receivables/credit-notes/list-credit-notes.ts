import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../shared/pagination/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import type { TCreditNoteDto } from '../receivables.dto.ts';
import type { TListDocumentsQuery } from '../receivables.schemas.ts';
import { queryCreditNotes } from './credit-note-query.ts';

export async function listCreditNotes(ctx: Ctx, query: TListDocumentsQuery): Promise<Page<TCreditNoteDto>> {
  const where: RawBuilder<unknown>[] = [sql`true`];
  if (query.customer)
    where.push(sql`n.customer_id = ${(await getCustomerRef(ctx.db, ctx.org.id, query.customer)).id}`);
  if (query.from) where.push(sql`n.note_date >= ${query.from}`);
  if (query.to) where.push(sql`n.note_date <= ${query.to}`);
  if (query.cursor) where.push(sql`n.id < ${decodeCursor(query.cursor).id}`);
  const rows = await queryCreditNotes(ctx.db, ctx.org.id, sql.join(where, sql` and `), query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    next_cursor: rows.length > query.limit && last ? encodeCursor({ v: null, id: last.id }) : null,
  };
}
