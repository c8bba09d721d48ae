import type { FieldCipher } from '../../../shared/context/index.ts';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { asBuffer } from '../secrets.ts';
import { MFA_SECRET_FIELD, matchTotpStep } from './totp.ts';

type MfaUser = { org_id: string; id: string; mfa_secret_enc: Uint8Array | null };

export async function decryptTotpSecret(
  db: DbOrTx,
  fields: FieldCipher,
  user: MfaUser,
): Promise<string | null> {
  if (!user.mfa_secret_enc) return null;
  return fields.decrypt(db, MFA_SECRET_FIELD, asBuffer(user.mfa_secret_enc));
}

/**
 * True when the code is right for now (±1 step) and its step is later than the last one accepted:
 * a code seen once, by a shoulder-surfer or a replayed request, is refused the second time.
 */
export async function checkTotp(
  db: DbOrTx,
  fields: FieldCipher,
  user: MfaUser,
  code: string,
  now: Date,
): Promise<boolean> {
  const secret = await decryptTotpSecret(db, fields, user);
  if (!secret) return false;
  const step = matchTotpStep(secret, code, now);
  if (step === null) return false;
  const accepted = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('org_id', '=', user.org_id)
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return accepted !== undefined;
}
