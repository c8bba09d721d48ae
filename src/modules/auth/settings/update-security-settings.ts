import type { Ctx } from '../../../shared/context/index.ts';
import { assertRolesExist } from '../roles/role-catalogue.ts';
import { readSecuritySettings } from './security-settings.ts';
import type { TSecuritySettingsDto, TUpdateSecuritySettingsRequest } from './settings.schemas.ts';

export async function updateSecuritySettings(
  ctx: Ctx,
  input: TUpdateSecuritySettingsRequest,
): Promise<TSecuritySettingsDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await readSecuritySettings(trx, ctx.org.id);
    const next: TSecuritySettingsDto = {
      mfa_required_roles: input.mfa_required_roles
        ? [...new Set(input.mfa_required_roles)]
        : current.mfa_required_roles,
      collectors_own_customers_only:
        input.collectors_own_customers_only ?? current.collectors_own_customers_only,
      password_min_length: input.password_min_length ?? current.password_min_length,
    };
    await assertRolesExist(trx, ctx.org.id, next.mfa_required_roles);
    const now = ctx.clock.now();
    await trx
      .insertInto('org_security_settings')
      .values({ org_id: ctx.org.id, ...next, updated_at: now })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...next, updated_at: now }))
      .execute();
    return next;
  });
}
