import type { Ctx } from '../../../shared/context/index.ts';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { MIN_PASSWORD_LENGTH } from '../password-policy.ts';
import type { TSecuritySettingsDto } from './settings.schemas.ts';

/** An org without a row has the defaults: no MFA requirement, collectors see all, 12 characters. */
export const DEFAULT_SECURITY_SETTINGS: TSecuritySettingsDto = {
  mfa_required_roles: [],
  collectors_own_customers_only: false,
  password_min_length: MIN_PASSWORD_LENGTH,
};

export async function readSecuritySettings(db: DbOrTx, orgId: string): Promise<TSecuritySettingsDto> {
  const row = await db
    .selectFrom('org_security_settings')
    .select(['mfa_required_roles', 'collectors_own_customers_only', 'password_min_length'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ?? { ...DEFAULT_SECURITY_SETTINGS };
}

export function getSecuritySettings(ctx: Ctx): Promise<TSecuritySettingsDto> {
  return readSecuritySettings(ctx.db, ctx.org.id);
}
