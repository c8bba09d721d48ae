import type { Db } from '../../../shared/db/index.ts';
import { sha256 } from '../secrets.ts';

/** Ends the session the cookie names (system handle, like sign-in). Unknown tokens are ignored. */
export async function logout(db: Db, sessionToken: string, now: Date): Promise<void> {
  if (sessionToken.length === 0 || sessionToken.length > 200) return;
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', sha256(sessionToken))
    .where('revoked_at', 'is', null)
    .execute();
}
