import {
  CSRF_HEADER,
  createApiToken,
  createRole,
  createUser,
  login,
  type PasswordHashing,
  SESSION_COOKIE,
} from '../../src/modules/auth/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';

/** Cheap argon2id for tests only: production never goes below DEFAULT_PASSWORD_HASHING. */
export const FAST_HASHING: PasswordHashing = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const TEST_PASSWORD = 'correct horse battery staple';

let seq = 0;

export type TestCaller = { userId: string; email: string; token: string; headers: Record<string, string> };

/** A user holding `roles` and an API token with all they hold: how tests call the API. */
export async function callerWith(
  ctx: Ctx,
  roles: string[],
  options: { salesperson?: string; email?: string } = {},
): Promise<TestCaller> {
  seq += 1;
  const email = options.email ?? `${roles.join('.')}.${seq}.${process.pid}@example.com`;
  const { user } = await createUser(
    ctx,
    {
      email,
      roles,
      password: TEST_PASSWORD,
      ...(options.salesperson ? { salesperson: options.salesperson } : {}),
    },
    { hashing: FAST_HASHING },
  );
  const created = await createApiToken(ctx, { user: email, name: `test-${seq}` });
  return {
    userId: user.id,
    email,
    token: created.token,
    headers: { authorization: `Bearer ${created.token}` },
  };
}

/** A custom role holding exactly `permissions`. */
export async function customRole(ctx: Ctx, key: string, permissions: string[]): Promise<string> {
  await createRole(ctx, { key, name: key, permissions });
  return key;
}

/**
 * The same, signed in through a browser session: the cookie plus the CSRF header the page sends.
 * (A role with no permissions gets no API token, but its user can still sign in.)
 */
export async function sessionCallerWith(database: Database, ctx: Ctx, roles: string[]): Promise<TestCaller> {
  seq += 1;
  const email = `${roles.join('.')}.s${seq}.${process.pid}@example.com`;
  const { user } = await createUser(
    ctx,
    { email, roles, password: TEST_PASSWORD },
    { hashing: FAST_HASHING },
  );
  const session = await login(
    database.db,
    { org: ctx.org.slug, email, password: TEST_PASSWORD, ip: '192.0.2.10', userAgent: 'vitest' },
    new Date(),
    { keyring: database.keyring, hashing: FAST_HASHING },
  );
  return {
    userId: user.id,
    email,
    token: session.token,
    headers: { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken },
  };
}
