import type { Db } from '../../shared/db/index.ts';
import { newId } from '../../shared/db/index.ts';
import { currency } from '../../shared/money/index.ts';
import { createDefaultAccounts } from '../ledger/index.ts';
import { findOrgRow, toOrg } from './orgs.repository.ts';
import type { Org } from './orgs.types.ts';

export type CreateOrgOptions = {
  name: string;
  slug?: string;
  baseCurrency: string;
  timeZone?: string;
  locale?: string;
};

export function slugify(name: string): string {
  const ascii = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii || 'org';
}

/** Creates an org with its chart of accounts, or returns the existing one with that slug. */
export async function createOrg(db: Db, options: CreateOrgOptions): Promise<{ org: Org; created: boolean }> {
  const slug = options.slug ?? slugify(options.name);
  const base = currency(options.baseCurrency);
  return db.transaction().execute(async (trx) => {
    const existing = await findOrgRow(trx, slug);
    if (existing) return { org: toOrg(existing), created: false };
    const orgId = newId();
    await trx
      .insertInto('orgs')
      .values({
        org_id: orgId,
        slug,
        name: options.name,
        base_currency: base,
        ...(options.timeZone ? { time_zone: options.timeZone } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
      })
      .execute();
    await createDefaultAccounts(trx, orgId);
    const row = await findOrgRow(trx, slug);
    if (!row) throw new Error('org vanished after insert');
    return { org: toOrg(row), created: true };
  });
}
