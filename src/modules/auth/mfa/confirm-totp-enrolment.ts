import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { TRecoveryCodesDto } from '../auth.schemas.ts';
import { selfOf } from '../self.ts';
import { requireUserRow } from '../users/users.repository.ts';
import { checkTotp } from './check-totp.ts';
import { issueRecoveryCodes } from './recovery-codes.ts';

/** A right code from the pending secret turns MFA on and hands out the recovery codes, once. */
export async function confirmTotpEnrolment(ctx: Ctx, code: string): Promise<TRecoveryCodesDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await requireUserRow(trx, ctx.org.id, selfOf(ctx));
    if (user.mfa_enabled) throw new AppError('MFA_ALREADY_ENABLED');
    if (!user.mfa_secret_enc) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'start enrolment first (POST /api/auth/mfa/enrol)',
        details: { reason: 'no_pending_enrolment' },
      });
    }
    if (!(await checkTotp(trx, ctx.fields, user, code, ctx.clock.now()))) throw new AppError('MFA_INVALID');
    await trx
      .updateTable('users')
      .set({ mfa_enabled: true })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', user.id)
      .execute();
    return { recovery_codes: await issueRecoveryCodes(trx, ctx.org.id, user.id) };
  });
}
