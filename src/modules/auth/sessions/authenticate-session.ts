import type { Db } from '../../../shared/db/index.ts';
import { TOUCH_INTERVAL_MS } from '../auth.limits.ts';
import type { Principal } from '../auth.types.ts';
import { loadPrincipalFacts, toPrincipal } from '../principal.repository.ts';
import { sha256 } from '../secrets.ts';
import { csrfTokenFor } from './csrf.ts';
import { sessionExpiry } from './start-session.ts';

/**
 * The principal of a session cookie, or null (unknown, revoked, expired, or its user disabled).
 * Runs on the system handle: the session names the org. The token is found by its hash, so no
 * secret is compared in application code. Use slides the idle expiry, written at most once a
 * minute so that most requests only read.
 */
export async function authenticateSession(db: Db, token: string, now: Date): Promise<Principal | null> {
  if (token.length < 20 || token.length > 200) return null;
  const session = await db
    .selectFrom('sessions')
    .select(['org_id', 'id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!session || session.revoked_at !== null) return null;
  if (sessionExpiry(session.created_at, session.last_seen_at) <= now || session.expires_at <= now)
    return null;
  const facts = await loadPrincipalFacts(db, session.org_id, session.user_id);
  if (facts?.status !== 'active') return null;
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: sessionExpiry(session.created_at, now) })
      .where('org_id', '=', session.org_id)
      .where('id', '=', session.id)
      .execute();
  }
  return toPrincipal(facts, { kind: 'session', sessionId: session.id, csrfToken: csrfTokenFor(token) });
}
