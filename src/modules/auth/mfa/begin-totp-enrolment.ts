import QRCode from 'qrcode';
import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { TTotpEnrolmentDto } from '../auth.schemas.ts';
import { selfOf } from '../self.ts';
import { requireUserRow } from '../users/users.repository.ts';
import { MFA_SECRET_FIELD, newTotpSecret, totpUri } from './totp.ts';

/**
 * Starts (or restarts) enrolment: a new secret, stored encrypted and pending until a code made from
 * it is confirmed. The secret is shown now, to be scanned or typed, and never again.
 */
export async function beginTotpEnrolment(ctx: Ctx): Promise<TTotpEnrolmentDto> {
  const user = await requireUserRow(ctx.db, ctx.org.id, selfOf(ctx));
  if (user.mfa_enabled) throw new AppError('MFA_ALREADY_ENABLED');
  const secret = newTotpSecret();
  const encrypted = await ctx.fields.encrypt(ctx.db, MFA_SECRET_FIELD, secret);
  await ctx.db
    .updateTable('users')
    .set({ mfa_secret_enc: encrypted, totp_last_step: null })
    .where('org_id', '=', ctx.org.id)
    .where('id', '=', user.id)
    .where('mfa_enabled', '=', false)
    .execute();
  const uri = totpUri(secret, user.email);
  return {
    secret,
    otpauth_uri: uri,
    qr_code_data_url: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M' }),
  };
}
