import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { Permission } from '../permissions.ts';
import { assertUserWithinReach } from '../users/reach.ts';
import { requireUserRow, userDtoOf } from '../users/users.repository.ts';
import type { TUserDto } from '../users/users.schemas.ts';
import { checkTotp } from './check-totp.ts';
import { consumeRecoveryCode, deleteRecoveryCodes } from './recovery-codes.ts';

/** The user proves possession (a current code or a recovery code); an admin or the CLI needs no proof. */
export type MfaDisableProof =
  | { code?: string; recoveryCode?: string }
  | { byAdmin: true; grantable?: ReadonlySet<Permission> };

/** Turns MFA off (or abandons a pending enrolment): the secret and the recovery codes are deleted. */
export async function disableMfa(ctx: Ctx, idOrEmail: string, proof: MfaDisableProof): Promise<TUserDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await requireUserRow(trx, ctx.org.id, idOrEmail);
    const now = ctx.clock.now();
    if ('byAdmin' in proof) await assertUserWithinReach(trx, ctx.org.id, user.id, proof.grantable);
    if (!('byAdmin' in proof) && user.mfa_enabled) {
      const isProven =
        (proof.code !== undefined && (await checkTotp(trx, ctx.fields, user, proof.code, now))) ||
        (proof.recoveryCode !== undefined &&
          (await consumeRecoveryCode(trx, ctx.org.id, user.id, proof.recoveryCode, now)));
      if (!isProven) throw new AppError('MFA_INVALID');
    }
    await trx
      .updateTable('users')
      .set({ mfa_enabled: false, mfa_secret_enc: null, totp_last_step: null })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', user.id)
      .execute();
    await deleteRecoveryCodes(trx, ctx.org.id, user.id);
    return userDtoOf(trx, ctx.org.id, user.id, now);
  });
}
