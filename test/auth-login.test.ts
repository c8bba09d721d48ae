import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateSession, csrfTokenFor, logout, unlockUser } from '../src/modules/auth/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { at, codeOf, NOW, seedAuthOrg, seedUser, signIn, withKeyring } from './auth.fixtures.ts';

describe.each(openTestDatabases())('sign-in on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = withKeyring(await open());
  });
  afterAll(async () => {
    await database?.close();
  });

  it('signs in with the right password and refuses a wrong one or an unknown email alike', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx, { roles: ['ar_clerk'] });
    const ok = await signIn(database, ctx, { email: user.email.toUpperCase() });
    expect(ok.principal).toMatchObject({
      userId: user.id,
      orgId: ctx.org.id,
      roles: ['ar_clerk'],
      mustEnrolMfa: false,
    });
    expect(ok.principal.permissions.has('invoices.write')).toBe(true);
    expect(ok.principal.permissions.has('users.manage')).toBe(false);
    expect(ok.csrfToken).toBe(csrfTokenFor(ok.token));
    expect(await codeOf(signIn(database, ctx, { email: user.email, password: 'wrong password!' }))).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
    expect(await codeOf(signIn(database, ctx, { email: 'nobody@example.com' }))).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
  });

  it('finds the org from the email when none is named', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    const r = await signIn(database, ctx, { email: user.email, org: undefined });
    expect(r.principal.orgId).toBe(ctx.org.id);
  });

  it('locks the account after 10 wrong passwords, even for the right one, until unlocked', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    const codes: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      codes.push(await codeOf(signIn(database, ctx, { email: user.email, password: `wrong-${i}-password` })));
    }
    expect(codes.slice(0, 9).every((c) => c === 'AUTH_INVALID_CREDENTIALS')).toBe(true);
    expect(codes[9]).toBe('ACCOUNT_LOCKED');
    expect(await codeOf(signIn(database, ctx, { email: user.email }))).toBe('ACCOUNT_LOCKED');
    const events = await sql<{ action: string; n: string }>`
      select action, count(*)::text as n from audit_log where org_id = ${ctx.org.id} and action like 'auth.%'
      group by action order by action`.execute(database.db);
    expect(events.rows).toEqual([
      { action: 'auth.locked', n: '1' },
      { action: 'auth.login_failed', n: '11' },
    ]);
    const audit = await sql<{ t: string }>`
      select string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ') as t
      from audit_log where org_id = ${ctx.org.id}`.execute(database.db);
    expect(audit.rows[0]?.t).toContain('"reason": "password"');
    expect(audit.rows[0]?.t).not.toContain('wrong-1-password');
    expect(audit.rows[0]?.t).not.toContain('horse battery');
    expect((await unlockUser(ctx, user.email)).is_locked).toBe(false);
    expect((await signIn(database, ctx, { email: user.email })).principal.userId).toBe(user.id);
  });

  it('lets a lock run out after 15 minutes', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    for (let i = 0; i < 10; i += 1)
      await codeOf(signIn(database, ctx, { email: user.email, password: 'nope-nope-nope' }));
    expect(await codeOf(signIn(database, ctx, { email: user.email }, at(NOW, 14 * 60_000)))).toBe(
      'ACCOUNT_LOCKED',
    );
    const later = await signIn(database, ctx, { email: user.email }, at(NOW, 15 * 60_000 + 1000));
    expect(later.principal.userId).toBe(user.id);
  });

  it('blocks an address after 50 failures in 15 minutes, across accounts', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 50; i += 1) {
      await codeOf(signIn(database, ctx, { email: `ghost${i}@example.com`, ip }));
    }
    expect(await codeOf(signIn(database, ctx, { email: user.email, ip }))).toBe('TOO_MANY_ATTEMPTS');
    expect((await signIn(database, ctx, { email: user.email, ip: '203.0.113.9' })).principal.userId).toBe(
      user.id,
    );
    const after = await signIn(database, ctx, { email: user.email, ip }, at(NOW, 15 * 60_000 + 1000));
    expect(after.principal.userId).toBe(user.id);
  });

  it('refuses a disabled user, but only after the right password', async () => {
    const ctx = await seedAuthOrg(database);
    await seedUser(ctx, { roles: ['admin'] });
    const user = await seedUser(ctx);
    await database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect(await codeOf(signIn(database, ctx, { email: user.email }))).toBe('ACCOUNT_DISABLED');
    expect(await codeOf(signIn(database, ctx, { email: user.email, password: 'not the password' }))).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
  });

  it('sessions authenticate, slide, expire when idle or old, and end at logout', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    const { token } = await signIn(database, ctx, { email: user.email });
    const p = await authenticateSession(database.db, token, at(NOW, 60_000));
    expect(p?.via).toEqual({
      kind: 'session',
      sessionId: expect.any(String),
      csrfToken: csrfTokenFor(token),
    });
    expect(await authenticateSession(database.db, `${token}x`, NOW)).toBeNull();
    // Used every 11 hours, it lives on past 12 hours, but not past 7 days.
    for (let h = 11; h < 7 * 24; h += 11) {
      expect(await authenticateSession(database.db, token, at(NOW, h * 3_600_000))).not.toBeNull();
    }
    expect(await authenticateSession(database.db, token, at(NOW, 7 * 24 * 3_600_000 + 1))).toBeNull();
    const idle = await signIn(database, ctx, { email: user.email });
    expect(await authenticateSession(database.db, idle.token, at(NOW, 12 * 3_600_000 + 1000))).toBeNull();
    const s = await signIn(database, ctx, { email: user.email });
    await logout(database.db, s.token, NOW);
    expect(await authenticateSession(database.db, s.token, NOW)).toBeNull();
  });

  it('stores hashes only: no password or session token in the tables', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    const { token } = await signIn(database, ctx, { email: user.email });
    const row = await database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const dump = await sql<{ t: string }>`
      select (select string_agg(row_to_json(u)::text, '') from users u where org_id = ${ctx.org.id})
        || (select string_agg(row_to_json(s)::text || encode(s.token_hash, 'escape'), '') from sessions s where org_id = ${ctx.org.id}) as t`.execute(
      database.db,
    );
    expect(dump.rows[0]?.t).not.toContain('horse battery');
    expect(dump.rows[0]?.t).not.toContain(token);
  });
});
