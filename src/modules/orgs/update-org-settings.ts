import type { Ctx } from '../../shared/context/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { findOrgSettingsRow, toOrgSettingsDto } from './get-org-settings.ts';
import { hasDocuments } from './has-documents.ts';
import type { TOrgSettingsDto, TUpdateOrgSettingsRequest } from './orgs.schemas.ts';

/**
 * Changes the organisation's settings; fields left out keep their value. The audit trigger on
 * `orgs` records the change in the same transaction.
 */
export async function updateOrgSettings(
  ctx: Ctx,
  input: TUpdateOrgSettingsRequest,
): Promise<TOrgSettingsDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findOrgSettingsRow(trx, ctx.org.id);
    const changes: { name?: string; base_currency?: string; time_zone?: string; locale?: string } = {};
    if (input.name !== undefined && input.name !== current.name) changes.name = input.name;
    if (input.time_zone !== undefined && input.time_zone !== current.time_zone)
      changes.time_zone = input.time_zone;
    if (input.locale !== undefined && input.locale !== current.locale) changes.locale = input.locale;
    if (input.base_currency !== undefined && input.base_currency !== current.base_currency.trim()) {
      if (await hasDocuments(trx, ctx.org.id)) {
        throw new AppError('ORG_BASE_CURRENCY_LOCKED', {
          message: `the base currency stays ${current.base_currency.trim()}: documents already carry base values in it`,
          details: { field: 'base_currency', base_currency: current.base_currency.trim() },
        });
      }
      changes.base_currency = input.base_currency;
    }
    if (Object.keys(changes).length === 0) return toOrgSettingsDto(trx, current);
    await trx.updateTable('orgs').set(changes).where('org_id', '=', ctx.org.id).execute();
    return toOrgSettingsDto(trx, await findOrgSettingsRow(trx, ctx.org.id));
  });
}
