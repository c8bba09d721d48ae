import type { DbOrTx } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { findOrgRow, toOrg } from './orgs.repository.ts';
import type { Org } from './orgs.types.ts';

/** The org named by slug, or the first org when none is named (a single-company install). */
export async function getOrg(db: DbOrTx, slug?: string): Promise<Org> {
  const row = await findOrgRow(db, slug);
  if (row) return toOrg(row);
  if (slug) throw new AppError('ORG_NOT_FOUND', { message: `no organisation "${slug}"`, details: { slug } });
  throw new AppError('ORG_NOT_INITIALISED');
}

export async function findOrg(db: DbOrTx, slug?: string): Promise<Org | null> {
  const row = await findOrgRow(db, slug);
  return row ? toOrg(row) : null;
}

export async function getOrgById(db: DbOrTx, orgId: string): Promise<Org> {
  const row = await db.selectFrom('orgs').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw new AppError('ORG_NOT_FOUND', { details: { org_id: orgId } });
  return toOrg(row);
}
