import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignRoles,
  authenticateApiToken,
  createApiToken,
  disableUser,
  listApiTokens,
  revokeApiToken,
} from '../src/modules/auth/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { asUser, at, codeOf, NOW, seedAuthOrg, seedUser, withKeyring } from './auth.fixtures.ts';

describe.each(openTestDatabases())('API tokens on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = withKeyring(await open());
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a token shown once, authenticates it, and revokes it', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx, { roles: ['ar_clerk'] });
    const created = await createApiToken(asUser(ctx, user.id), { name: 'bank script' });
    expect(created.token).toMatch(/^stl_[A-Za-z0-9_-]{43}$/);
    expect(created.api_token).toMatchObject({
      name: 'bank script',
      user_email: user.email,
      revoked_at: null,
    });
    expect(created.token.startsWith(created.api_token.prefix)).toBe(true);
    const p = await authenticateApiToken(database.db, created.token, NOW);
    expect(p).toMatchObject({
      userId: user.id,
      orgId: ctx.org.id,
      via: { kind: 'token', name: 'bank script' },
    });
    expect(p?.permissions.has('receipts.write')).toBe(true);
    // One character changed (never to itself: a token ending in "A" made this test flaky).
    const altered = `${created.token.slice(0, -1)}${created.token.endsWith('A') ? 'B' : 'A'}`;
    expect(await authenticateApiToken(database.db, altered, NOW)).toBeNull();
    expect(await authenticateApiToken(database.db, 'not-a-token', NOW)).toBeNull();
    const listed = await listApiTokens(ctx);
    expect(listed.map((t) => t.id)).toEqual([created.api_token.id]);
    expect(listed[0]?.last_used_at).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const revoked = await revokeApiToken(ctx, created.api_token.id);
    expect(revoked.revoked_at).not.toBeNull();
    expect(await authenticateApiToken(database.db, created.token, NOW)).toBeNull();
    const dump = await sql<{ t: string }>`select string_agg(row_to_json(t)::text, '') as t from api_tokens t
      where org_id = ${ctx.org.id}`.execute(database.db);
    expect(dump.rows[0]?.t).not.toContain(created.token.slice(4));
  });

  it('effective permissions are the scopes and the user roles intersected', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx, { roles: ['ar_clerk'] });
    const { token } = await createApiToken(ctx, {
      user: user.email,
      name: 'reader',
      scopes: ['invoices.read', 'invoices.write'],
    });
    const before = await authenticateApiToken(database.db, token, NOW);
    expect([...(before?.permissions ?? [])].sort()).toEqual(['invoices.read', 'invoices.write']);
    await assignRoles(ctx, user.email, ['collector']);
    const after = await authenticateApiToken(database.db, token, NOW);
    expect([...(after?.permissions ?? [])]).toEqual(['invoices.read']);
    expect(
      await codeOf(createApiToken(ctx, { user: user.email, name: 'too strong', scopes: ['users.manage'] })),
    ).toBe('PERMISSION_DENIED');
    const grantable = new Set(['invoices.read'] as const);
    const narrow = await createApiToken(asUser(ctx, user.id), { name: 'from token' }, { grantable });
    expect(narrow.api_token.scopes).toEqual(['invoices.read']);
  });

  it('expired tokens and tokens of disabled users do not work', async () => {
    const ctx = await seedAuthOrg(database);
    await seedUser(ctx, { roles: ['admin'] });
    const user = await seedUser(ctx);
    const expiring = await createApiToken(ctx, {
      user: user.id,
      name: 'short',
      expires_at: at(NOW, 3_600_000).toISOString(),
    });
    expect(await authenticateApiToken(database.db, expiring.token, at(NOW, 3_599_000))).not.toBeNull();
    expect(await authenticateApiToken(database.db, expiring.token, at(NOW, 3_600_000))).toBeNull();
    expect(
      await codeOf(
        createApiToken(ctx, { user: user.id, name: 'old', expires_at: at(NOW, -1000).toISOString() }),
      ),
    ).toBe('VALIDATION_FAILED');
    const other = await createApiToken(ctx, { user: user.id, name: 'long' });
    await disableUser(ctx, user.email);
    expect(await authenticateApiToken(database.db, other.token, NOW)).toBeNull();
  });

  it('a user revokes only their own tokens', async () => {
    const ctx = await seedAuthOrg(database);
    const a = await seedUser(ctx);
    const b = await seedUser(ctx);
    const bToken = await createApiToken(asUser(ctx, b.id), { name: 'b' });
    expect(await codeOf(revokeApiToken(asUser(ctx, a.id), bToken.api_token.id, { userId: a.id }))).toBe(
      'TOKEN_NOT_FOUND',
    );
    expect(await authenticateApiToken(database.db, bToken.token, NOW)).not.toBeNull();
    expect(await listApiTokens(ctx, { userId: a.id })).toEqual([]);
  });
});
