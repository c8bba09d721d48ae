import type { DbOrTx } from '../../../shared/db/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../auth.limits.ts';
import { randomToken, sha256 } from '../secrets.ts';

export type StartedSession = { id: string; token: string; expiresAt: Date };

/** The session's expiry: `idle` after the last use, never later than `max` after it began. */
export function sessionExpiry(createdAt: Date, lastSeenAt: Date): Date {
  return new Date(Math.min(lastSeenAt.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}

/** A new session; only the token's hash is stored, the token itself goes to the browser's cookie. */
export async function startSession(
  db: DbOrTx,
  who: { orgId: string; userId: string; ip: string | null; userAgent: string | null },
  now: Date,
): Promise<StartedSession> {
  const id = newId(now.getTime());
  const token = randomToken();
  const expiresAt = sessionExpiry(now, now);
  await db
    .insertInto('sessions')
    .values({
      org_id: who.orgId,
      id,
      user_id: who.userId,
      token_hash: sha256(token),
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: who.ip,
      user_agent: who.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return { id, token, expiresAt };
}
