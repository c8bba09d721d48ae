import { sql } from 'kysely';
import type { Db } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { IP_BLOCK_MS, IP_FAILURE_LIMIT, IP_WINDOW_MS } from '../auth.limits.ts';

/** Refuses every sign-in from an address blocked for too many failures, before any password is checked. */
export async function assertIpAllowed(db: Db, ip: string, now: Date): Promise<void> {
  const row = await db
    .selectFrom('auth_ip_throttle')
    .select('blocked_until')
    .where('ip', '=', ip)
    .executeTakeFirst();
  if (row?.blocked_until && row.blocked_until > now) {
    throw new AppError('TOO_MANY_ATTEMPTS', {
      details: { retry_after_seconds: Math.ceil((row.blocked_until.getTime() - now.getTime()) / 1000) },
    });
  }
}

/**
 * Counts a failed sign-in against the address in a fixed window; the failure that reaches the
 * limit blocks the address and starts a new count. One statement, so concurrent failures all count.
 */
export async function recordIpFailure(db: Db, ip: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - IP_WINDOW_MS);
  const blockedUntil = new Date(now.getTime() + IP_BLOCK_MS);
  await sql`
    insert into auth_ip_throttle as t (ip, failures, window_started_at) values (${ip}, 1, ${now})
    on conflict (ip) do update set
      failures = case when t.window_started_at <= ${windowStart} then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at <= ${windowStart} then ${now} else t.window_started_at end`.execute(
    db,
  );
  await db
    .updateTable('auth_ip_throttle')
    .set({ blocked_until: blockedUntil, failures: 0, window_started_at: now })
    .where('ip', '=', ip)
    .where('failures', '>=', IP_FAILURE_LIMIT)
    .execute();
}

/** Forgets addresses whose window has passed and whose block is over (for a periodic sweep). */
export async function pruneIpThrottle(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('auth_ip_throttle')
    .where('window_started_at', '<=', new Date(now.getTime() - IP_WINDOW_MS))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
