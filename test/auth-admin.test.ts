import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignRoles,
  authenticateSession,
  changeOwnPassword,
  createFirstAdmin,
  createRole,
  createUser,
  deleteRole,
  getSecuritySettings,
  listRoles,
  listUsers,
  resetPassword,
  updateRole,
  updateSecuritySettings,
  updateUser,
} from '../src/modules/auth/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import {
  asUser,
  codeOf,
  NOW,
  PASSWORD,
  seedAuthOrg,
  seedUser,
  signIn,
  TEST_HASHING,
  withKeyring,
} from './auth.fixtures.ts';

const hashing = { hashing: TEST_HASHING };

describe.each(openTestDatabases())('users, roles and settings on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = withKeyring(await open());
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates the first admin once, with a generated password that signs in', async () => {
    const ctx = await seedAuthOrg(database);
    const first = await createFirstAdmin(ctx, { email: 'Boss@Example.com' }, hashing);
    expect(first.created).toBe(true);
    expect(first.user).toMatchObject({ email: 'boss@example.com', roles: ['admin'] });
    const password = first.generatedPassword ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await signIn(database, ctx, { email: 'boss@example.com', password })).principal.roles).toEqual([
      'admin',
    ]);
    expect((await createFirstAdmin(ctx, { email: 'other@example.com' }, hashing)).created).toBe(false);
  });

  it('enforces the password policy, with the org minimum', async () => {
    const ctx = await seedAuthOrg(database);
    const add = (email: string, password: string) =>
      createUser(ctx, { email, roles: ['auditor'], password }, hashing);
    expect(await codeOf(add('a@example.com', 'short'))).toBe('PASSWORD_POLICY');
    expect(await codeOf(add('a@example.com', 'Password1234!'))).toBe('PASSWORD_POLICY');
    expect(await codeOf(add('a.person@example.com', 'a.person@example.com'))).toBe('PASSWORD_POLICY');
    expect((await add('a@example.com', 'violet tram parade')).user.email).toBe('a@example.com');
    await updateSecuritySettings(ctx, { password_min_length: 20 });
    expect(await codeOf(add('b@example.com', 'violet tram parade'))).toBe('PASSWORD_POLICY');
    expect(await codeOf(add('a@example.com', 'violet tram parade and more'))).toBe('USER_EXISTS');
  });

  it('resets a password (sessions end, lock clears) and changes one with the current password', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    const s = await signIn(database, ctx, { email: user.email });
    const reset = await resetPassword(ctx, user.email, {}, hashing);
    expect(reset.generated_password).toBeTruthy();
    expect(await authenticateSession(database.db, s.token, NOW)).toBeNull();
    expect(await codeOf(signIn(database, ctx, { email: user.email }))).toBe('AUTH_INVALID_CREDENTIALS');
    const newPassword = reset.generated_password ?? '';
    const a = await signIn(database, ctx, { email: user.email, password: newPassword });
    const b = await signIn(database, ctx, { email: user.email, password: newPassword });
    const me = asUser(ctx, user.id);
    const via = a.principal.via.kind === 'session' ? a.principal.via.sessionId : '';
    expect(
      await codeOf(
        changeOwnPassword(me, { current_password: 'wrong one here', new_password: PASSWORD }, hashing),
      ),
    ).toBe('AUTH_INVALID_CREDENTIALS');
    await changeOwnPassword(
      me,
      { current_password: newPassword, new_password: PASSWORD },
      { ...hashing, keepSessionId: via },
    );
    expect(await authenticateSession(database.db, a.token, NOW)).not.toBeNull();
    expect(await authenticateSession(database.db, b.token, NOW)).toBeNull();
    expect((await signIn(database, ctx, { email: user.email })).principal.userId).toBe(user.id);
  });

  it('disabling a user ends their sessions; the last admin cannot be removed', async () => {
    const ctx = await seedAuthOrg(database);
    const admin = await seedUser(ctx, { roles: ['admin'] });
    const clerk = await seedUser(ctx);
    const s = await signIn(database, ctx, { email: clerk.email });
    expect((await updateUser(ctx, clerk.id, { status: 'disabled', display_name: 'Gone' })).status).toBe(
      'disabled',
    );
    expect(await authenticateSession(database.db, s.token, NOW)).toBeNull();
    expect(await codeOf(updateUser(ctx, admin.id, { status: 'disabled' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(assignRoles(ctx, admin.email, ['auditor']))).toBe('VALIDATION_FAILED');
    expect(await codeOf(assignRoles(ctx, admin.email, ['no_such_role']))).toBe('ROLE_NOT_FOUND');
    expect((await updateUser(ctx, clerk.id, { status: 'active', roles: ['admin'] })).roles).toEqual([
      'admin',
    ]);
    expect((await assignRoles(ctx, admin.email, ['auditor'])).roles).toEqual(['auditor']);
    const byId = new Map((await listUsers(ctx)).map((u) => [u.id, u]));
    expect(byId.get(clerk.id)).toMatchObject({ display_name: 'Gone', roles: ['admin'], status: 'active' });
    expect(byId.get(admin.id)?.roles).toEqual(['auditor']);
  });

  it('custom roles: validated permissions, no clash with built-ins, refused while in use', async () => {
    const ctx = await seedAuthOrg(database);
    expect(
      await codeOf(
        createRole(ctx, { key: 'viewer', name: 'Viewer', permissions: ['invoices.read', 'invoices.fly'] }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await codeOf(createRole(ctx, { key: 'admin', name: 'Mine', permissions: [] }))).toBe(
      'ROLE_BUILT_IN',
    );
    const role = await createRole(ctx, {
      key: 'viewer',
      name: 'Viewer',
      permissions: ['reports.read', 'invoices.read'],
    });
    expect(role).toMatchObject({
      key: 'viewer',
      is_built_in: false,
      permissions: ['invoices.read', 'reports.read'],
    });
    expect(await codeOf(createRole(ctx, { key: 'viewer', name: 'Again', permissions: [] }))).toBe(
      'ROLE_EXISTS',
    );
    const user = await seedUser(ctx, { roles: ['viewer'] });
    const p1 = (await signIn(database, ctx, { email: user.email })).principal;
    expect([...p1.permissions].sort()).toEqual(['invoices.read', 'reports.read']);
    await updateRole(ctx, 'viewer', { permissions: ['audit.read'] });
    const p2 = await authenticateSession(
      database.db,
      (await signIn(database, ctx, { email: user.email })).token,
      NOW,
    );
    expect([...(p2?.permissions ?? [])]).toEqual(['audit.read']);
    expect(await codeOf(deleteRole(ctx, 'viewer'))).toBe('ROLE_IN_USE');
    await assignRoles(ctx, user.email, ['auditor']);
    await updateSecuritySettings(ctx, { mfa_required_roles: ['viewer'] });
    expect(await codeOf(deleteRole(ctx, 'viewer'))).toBe('ROLE_IN_USE');
    await updateSecuritySettings(ctx, { mfa_required_roles: [] });
    await deleteRole(ctx, 'viewer');
    expect((await listRoles(ctx)).map((r) => r.key)).toEqual([
      'admin',
      'finance_manager',
      'ar_clerk',
      'collector',
      'auditor',
    ]);
    expect(await codeOf(updateSecuritySettings(ctx, { mfa_required_roles: ['viewer'] }))).toBe(
      'ROLE_NOT_FOUND',
    );
  });

  it('a user manager who is not an admin cannot reach admins or grant beyond their own permissions', async () => {
    const ctx = await seedAuthOrg(database);
    const admin = await seedUser(ctx, { roles: ['admin'] });
    await createRole(ctx, {
      key: 'people',
      name: 'People',
      permissions: ['users.manage', 'roles.manage', 'reports.read'],
    });
    const manager = await seedUser(ctx, { roles: ['people'] });
    const clerk = await seedUser(ctx, { roles: ['collector'] });
    const grantable = (await signIn(database, ctx, { email: manager.email })).principal.permissions;
    const reach = { grantable };
    expect(await codeOf(resetPassword(ctx, admin.email, {}, { ...hashing, ...reach }))).toBe(
      'PERMISSION_DENIED',
    );
    expect(await codeOf(updateUser(ctx, admin.id, { status: 'disabled' }, reach))).toBe('PERMISSION_DENIED');
    expect(await codeOf(assignRoles(ctx, manager.email, ['admin'], reach))).toBe('PERMISSION_DENIED');
    expect(
      await codeOf(createUser(ctx, { email: 'x@example.com', roles: ['admin'] }, { ...hashing, ...reach })),
    ).toBe('PERMISSION_DENIED');
    expect(await codeOf(assignRoles(ctx, clerk.email, ['people'], reach))).toBe('PERMISSION_DENIED');
    expect(
      await codeOf(updateRole(ctx, 'people', { permissions: ['users.manage', 'keys.manage'] }, reach)),
    ).toBe('PERMISSION_DENIED');
    expect(
      await codeOf(createRole(ctx, { key: 'root', name: 'Root', permissions: ['settings.manage'] }, reach)),
    ).toBe('PERMISSION_DENIED');
    await createRole(ctx, { key: 'reader', name: 'Reader', permissions: ['reports.read'] }, reach);
    expect(
      (
        await assignRoles(ctx, clerk.email, ['reader'], {
          grantable: new Set([
            'reports.read',
            'customers.read',
            'invoices.read',
            'receipts.read',
            'collections.write',
            'credit.request',
          ] as const),
        })
      ).roles,
    ).toEqual(['reader']);
    expect(
      (await resetPassword(ctx, clerk.email, {}, { ...hashing, ...reach })).generated_password,
    ).toBeTruthy();
  });

  it('the audit trail records user changes without secrets or sign-in bookkeeping', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    const { token } = await signIn(database, ctx, { email: user.email });
    await resetPassword(ctx, user.email, { password: 'a brand new passphrase' }, hashing);
    const rows = await sql<{ action: string; entity: string; t: string }>`
      select action, entity, coalesce(before::text, '') || coalesce(after::text, '') as t
      from audit_log where org_id = ${ctx.org.id} and entity in ('users', 'user', 'user_roles') order by seq`.execute(
      database.db,
    );
    // Sign-in bookkeeping may still leave an entry with nothing but redacted columns changed,
    // until 0003 compares rows after redaction: only the kinds of entry are checked here.
    expect(new Set(rows.rows.map((r) => `${r.action} ${r.entity}`))).toEqual(
      new Set(['insert users', 'insert user_roles', 'auth.login user', 'update users']),
    );
    const all = rows.rows.map((r) => r.t).join(' ');
    for (const secret of ['password_hash', 'argon2', 'brand new', 'horse battery', token]) {
      expect(all).not.toContain(secret);
    }
    expect(rows.rows.at(-1)?.t).toContain('password_changed_at');
  });

  it('collectors are confined to their customers only when the org says so', async () => {
    const ctx = await seedAuthOrg(database);
    const collector = await seedUser(ctx, { roles: ['collector'], salesperson: 'Wang Fang' });
    const both = await seedUser(ctx, { roles: ['collector', 'ar_clerk'], salesperson: 'Li Lei' });
    expect((await signIn(database, ctx, { email: collector.email })).principal.salesperson).toBeNull();
    expect(await getSecuritySettings(ctx)).toEqual({
      mfa_required_roles: [],
      collectors_own_customers_only: false,
      password_min_length: 12,
    });
    await updateSecuritySettings(ctx, { collectors_own_customers_only: true });
    expect((await signIn(database, ctx, { email: collector.email })).principal.salesperson).toBe('Wang Fang');
    expect((await signIn(database, ctx, { email: both.email })).principal.salesperson).toBeNull();
  });
});
