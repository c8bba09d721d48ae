import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { readSecuritySettings } from '../settings/security-settings.ts';
import { assertRolesGrantable, type Grantable } from './grantable.ts';
import { assertCustomRole } from './list-roles.ts';

/** Refused while a user holds the role or the MFA requirement names it: nothing changes silently. */
export async function deleteRole(ctx: Ctx, key: string, options: Grantable = {}): Promise<void> {
  assertCustomRole(key);
  await assertRolesGrantable(ctx.db, ctx.org.id, [key], options.grantable);
  await ctx.db.transaction().execute(async (trx) => {
    const holders = await trx
      .selectFrom('user_roles')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', ctx.org.id)
      .where('role_key', '=', key)
      .executeTakeFirstOrThrow();
    const isMfaRequired = (await readSecuritySettings(trx, ctx.org.id)).mfa_required_roles.includes(key);
    if (Number(holders.n) > 0 || isMfaRequired) {
      throw new AppError('ROLE_IN_USE', {
        message: isMfaRequired
          ? `role "${key}" is named in the MFA requirement; remove it from the security settings first`
          : `role "${key}" is still assigned to ${holders.n} user(s)`,
        details: { role: key, users: Number(holders.n), is_mfa_required: isMfaRequired },
      });
    }
    const deleted = await trx
      .deleteFrom('roles')
      .where('org_id', '=', ctx.org.id)
      .where('key', '=', key)
      .returning('key')
      .executeTakeFirst();
    if (!deleted)
      throw new AppError('ROLE_NOT_FOUND', { message: `no role "${key}"`, details: { role: key } });
  });
}
