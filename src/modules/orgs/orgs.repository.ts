import type { Selectable } from 'kysely';
import type { OrgsTable } from '../../shared/db/database.types.ts';
import type { DbOrTx } from '../../shared/db/index.ts';
import { currency } from '../../shared/money/index.ts';
import type { Org } from './orgs.types.ts';

export function toOrg(row: Selectable<OrgsTable>): Org {
  return {
    id: row.org_id,
    slug: row.slug,
    name: row.name,
    baseCurrency: currency(row.base_currency),
    timeZone: row.time_zone,
    locale: row.locale,
  };
}

export async function findOrgRow(db: DbOrTx, slug?: string): Promise<Selectable<OrgsTable> | undefined> {
  let q = db.selectFrom('orgs').selectAll().orderBy('created_at').limit(1);
  if (slug) q = q.where('slug', '=', slug);
  return q.executeTakeFirst();
}
