import type { Db } from '../../../shared/db/index.ts';
import { TOUCH_INTERVAL_MS } from '../auth.limits.ts';
import type { Principal } from '../auth.types.ts';
import { loadPrincipalFacts, toPrincipal } from '../principal.repository.ts';
import { sha256 } from '../secrets.ts';
import { TOKEN_PREFIX } from './api-tokens.repository.ts';

/**
 * The principal of `Authorization: Bearer stl_...`, or null (unknown, revoked, expired, or its
 * user disabled). Found by hash on the system handle, like sessions; last_used_at is written at
 * most once a minute.
 */
export async function authenticateApiToken(db: Db, token: string, now: Date): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db
    .selectFrom('api_tokens')
    .select(['org_id', 'id', 'user_id', 'name', 'scopes', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return null;
  const facts = await loadPrincipalFacts(db, row.org_id, row.user_id);
  if (facts?.status !== 'active') return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('org_id', '=', row.org_id)
      .where('id', '=', row.id)
      .execute();
  }
  return toPrincipal(facts, { kind: 'token', tokenId: row.id, name: row.name }, row.scopes);
}
