import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  disableMfa,
  totpCodeAt,
  updateSecuritySettings,
} from '../src/modules/auth/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { asUser, at, codeOf, NOW, seedAuthOrg, seedUser, signIn, withKeyring } from './auth.fixtures.ts';

describe.each(openTestDatabases())('MFA on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = withKeyring(await open());
  });
  afterAll(async () => {
    await database?.close();
  });

  async function enrolled(ctx: Ctx) {
    const user = await seedUser(ctx);
    const me = asUser(ctx, user.id);
    const enrolment = await beginTotpEnrolment(me);
    expect(enrolment.otpauth_uri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qr_code_data_url).toMatch(/^data:image\/png;base64,/);
    // Enrolment is confirmed a minute before the sign-ins below, so its step is long used.
    const { recovery_codes } = await confirmTotpEnrolment(me, totpCodeAt(enrolment.secret, ctx.clock.now()));
    return { user, me, secret: enrolment.secret, recoveryCodes: recovery_codes };
  }

  it('stores the secret encrypted and turns MFA on only with a right code', async () => {
    const ctx = await seedAuthOrg(database);
    const user = await seedUser(ctx);
    const me = asUser(ctx, user.id);
    const { secret } = await beginTotpEnrolment(me);
    const row = await database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.mfa_enabled).toBe(false);
    expect(Buffer.from(row.mfa_secret_enc ?? []).toString('latin1')).not.toContain(secret);
    const wrong = totpCodeAt(secret, at(NOW, 5 * 60_000));
    expect(await codeOf(confirmTotpEnrolment(me, wrong))).toBe('MFA_INVALID');
    const { recovery_codes } = await confirmTotpEnrolment(me, totpCodeAt(secret, NOW));
    expect(recovery_codes).toHaveLength(10);
    expect(new Set(recovery_codes).size).toBe(10);
    expect(await codeOf(beginTotpEnrolment(me))).toBe('MFA_ALREADY_ENABLED');
    const stored = await sql<{
      h: string;
    }>`select string_agg(encode(code_hash, 'hex'), ',') as h from recovery_codes
      where user_id = ${user.id}`.execute(database.db);
    for (const c of recovery_codes) expect(stored.rows[0]?.h).not.toContain(Buffer.from(c).toString('hex'));
  });

  it('asks for a code, refuses a wrong TOTP, accepts the right one once', async () => {
    const ctx = await seedAuthOrg(database);
    const { user, secret } = await enrolled(ctx);
    const t = at(NOW, 120_000);
    expect(await codeOf(signIn(database, ctx, { email: user.email }, t))).toBe('MFA_REQUIRED');
    const wrong = totpCodeAt(secret, at(t, 10 * 60_000));
    expect(await codeOf(signIn(database, ctx, { email: user.email, totp: wrong }, t))).toBe('MFA_INVALID');
    const right = totpCodeAt(secret, t);
    const ok = await signIn(database, ctx, { email: user.email, totp: right }, t);
    expect(ok.principal.userId).toBe(user.id);
    expect(await codeOf(signIn(database, ctx, { email: user.email, totp: right }, at(t, 5_000)))).toBe(
      'MFA_INVALID',
    );
    const next = totpCodeAt(secret, at(t, 30_000));
    expect(
      (await signIn(database, ctx, { email: user.email, totp: next }, at(t, 30_000))).principal.userId,
    ).toBe(user.id);
    const row = await database.db
      .selectFrom('users')
      .select('failed_login_count')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_login_count).toBe(0);
  });

  it('wrong codes count toward the lockout; MFA_REQUIRED does not', async () => {
    const ctx = await seedAuthOrg(database);
    const { user, secret } = await enrolled(ctx);
    const t = at(NOW, 120_000);
    for (let i = 0; i < 12; i += 1) await codeOf(signIn(database, ctx, { email: user.email }, t));
    const row = await database.db
      .selectFrom('users')
      .select('failed_login_count')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_login_count).toBe(0);
    const wrong = totpCodeAt(secret, at(t, 10 * 60_000));
    const codes: string[] = [];
    for (let i = 0; i < 10; i += 1)
      codes.push(await codeOf(signIn(database, ctx, { email: user.email, totp: wrong }, t)));
    expect(codes[9]).toBe('ACCOUNT_LOCKED');
  });

  it('a recovery code works once', async () => {
    const ctx = await seedAuthOrg(database);
    const { user, recoveryCodes } = await enrolled(ctx);
    const code = recoveryCodes[3] ?? '';
    const ok = await signIn(database, ctx, { email: user.email, recoveryCode: code.toUpperCase() });
    expect(ok.principal.userId).toBe(user.id);
    expect(await codeOf(signIn(database, ctx, { email: user.email, recoveryCode: code }))).toBe(
      'MFA_INVALID',
    );
    expect(
      await codeOf(signIn(database, ctx, { email: user.email, recoveryCode: 'aaaa-bbbb-cccc-dddd' })),
    ).toBe('MFA_INVALID');
    expect(
      (await signIn(database, ctx, { email: user.email, recoveryCode: recoveryCodes[4] ?? '' })).principal
        .userId,
    ).toBe(user.id);
  });

  it('MFA is turned off with a current code, or by an admin', async () => {
    const ctx = await seedAuthOrg(database);
    const a = await enrolled(ctx);
    const t = ctx.clock.now();
    expect(await codeOf(disableMfa(a.me, a.user.id, { code: totpCodeAt(a.secret, t) }))).toBe('MFA_INVALID'); // step used
    const later = { ...a.me, clock: { ...a.me.clock, now: () => at(t, 60_000) } };
    expect(
      (await disableMfa(later, a.user.id, { code: totpCodeAt(a.secret, at(t, 60_000)) })).mfa_enabled,
    ).toBe(false);
    const b = await enrolled(ctx);
    expect((await disableMfa(ctx, b.user.email, { byAdmin: true })).mfa_enabled).toBe(false);
    expect((await signIn(database, ctx, { email: b.user.email })).principal.userId).toBe(b.user.id);
    const left = await database.db
      .selectFrom('recovery_codes')
      .select('user_id')
      .where('user_id', '=', b.user.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('an MFA-required role without enrolment signs in with mustEnrolMfa', async () => {
    const ctx = await seedAuthOrg(database);
    await updateSecuritySettings(ctx, { mfa_required_roles: ['admin', 'finance_manager'] });
    const manager = await seedUser(ctx, { roles: ['finance_manager'] });
    const clerk = await seedUser(ctx, { roles: ['ar_clerk'] });
    expect((await signIn(database, ctx, { email: manager.email })).principal.mustEnrolMfa).toBe(true);
    expect((await signIn(database, ctx, { email: clerk.email })).principal.mustEnrolMfa).toBe(false);
    const me = asUser(ctx, manager.id);
    const { secret } = await beginTotpEnrolment(me);
    await confirmTotpEnrolment(me, totpCodeAt(secret, NOW));
    const after = await signIn(
      database,
      ctx,
      { email: manager.email, totp: totpCodeAt(secret, at(NOW, 60_000)) },
      at(NOW, 60_000),
    );
    expect(after.principal.mustEnrolMfa).toBe(false);
  });
});
