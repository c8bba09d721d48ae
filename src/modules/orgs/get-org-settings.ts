import type { Selectable } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import type { OrgsTable } from '../../shared/db/database.types.ts';
import type { DbOrTx } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { knownCurrencies } from '../../shared/money/index.ts';
import { hasDocuments } from './has-documents.ts';
import { ORG_LOCALES, type TOrgSettingsDto } from './orgs.schemas.ts';

export async function toOrgSettingsDto(db: DbOrTx, row: Selectable<OrgsTable>): Promise<TOrgSettingsDto> {
  const locale = (ORG_LOCALES as readonly string[]).includes(row.locale)
    ? (row.locale as TOrgSettingsDto['locale'])
    : 'zh-CN';
  return {
    id: row.org_id,
    slug: row.slug,
    name: row.name,
    base_currency: row.base_currency.trim(),
    time_zone: row.time_zone,
    locale,
    base_currency_locked: await hasDocuments(db, row.org_id),
    currencies: knownCurrencies(),
  };
}

export async function findOrgSettingsRow(db: DbOrTx, orgId: string): Promise<Selectable<OrgsTable>> {
  const row = await db.selectFrom('orgs').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw new AppError('ORG_NOT_FOUND', { details: { org_id: orgId } });
  return row;
}

/** The organisation's name, base currency, time zone and default language. */
export async function getOrgSettings(ctx: Ctx): Promise<TOrgSettingsDto> {
  return toOrgSettingsDto(ctx.db, await findOrgSettingsRow(ctx.db, ctx.org.id));
}
