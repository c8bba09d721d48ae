import { createOrg, findOrg, type Org } from '../modules/orgs/index.ts';
import type { Database } from '../shared/db/index.ts';

export const DEMO_ORG_NAME = 'Demo Company 演示公司';

export type OrgDto = {
  id: string;
  slug: string;
  name: string;
  base_currency: string;
  time_zone: string;
  locale: string;
};

export function toOrgDto(org: Org): OrgDto {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    base_currency: org.baseCurrency,
    time_zone: org.timeZone,
    locale: org.locale,
  };
}

/**
 * The org to work in, created when missing. Without a name, any existing org will do (a
 * single-company install); with one, the org whose slug that name gives (`--org acme` or
 * `--org "Acme Ltd"` both mean slug `acme...`), created if it does not exist yet.
 */
export async function initialiseOrg(
  database: Database,
  options: { name?: string; defaultName: string; baseCurrency: string; timeZone?: string },
): Promise<{ org: Org; created: boolean }> {
  if (options.name === undefined) {
    const existing = await findOrg(database.db);
    if (existing) return { org: existing, created: false };
  }
  return createOrg(database.db, {
    name: options.name ?? options.defaultName,
    baseCurrency: options.baseCurrency,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
}
