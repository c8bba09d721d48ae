import type { DbOrTx } from '../../../shared/db/index.ts';
import { RECOVERY_CODE_COUNT } from '../auth.limits.ts';
import { generateRecoveryCode, normaliseRecoveryCode, sha256 } from '../secrets.ts';

/** Replaces the user's recovery codes with fresh ones; the plaintext is returned once and never stored. */
export async function issueRecoveryCodes(db: DbOrTx, orgId: string, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.deleteFrom('recovery_codes').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(
      codes.map((c) => ({ org_id: orgId, user_id: userId, code_hash: sha256(normaliseRecoveryCode(c)) })),
    )
    .execute();
  return codes;
}

/**
 * Uses up a recovery code: true once, false ever after. The code is found by its hash (no
 * comparison of secrets in application code), and marking it used is one conditional update, so
 * two requests racing with the same code cannot both win.
 */
export async function consumeRecoveryCode(
  db: DbOrTx,
  orgId: string,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length === 0 || normalised.length > 64) return false;
  const used = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256(normalised))
    .where('used_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return used !== undefined;
}

export async function deleteRecoveryCodes(db: DbOrTx, orgId: string, userId: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}
