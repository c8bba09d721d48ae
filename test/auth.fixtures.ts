import { contextFor } from '../src/bootstrap/open-app.ts';
import {
  createUser,
  type LoginInput,
  type LoginResult,
  login,
  type PasswordHashing,
} from '../src/modules/auth/index.ts';
import { createOrg } from '../src/modules/orgs/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import { createKeyring, masterKeysForTests } from '../src/shared/crypto/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { type BusinessDate, fixedClock } from '../src/shared/time/index.ts';

/** Cheap argon2id for tests only: production never goes below DEFAULT_PASSWORD_HASHING. */
export const TEST_HASHING: PasswordHashing = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const PASSWORD = 'correct horse battery staple';
/** The fixed clock's "now" (fixedClock puts it at noon UTC). */
export const NOW = new Date('2025-06-30T12:00:00Z');

export function at(base: Date, ms: number): Date {
  return new Date(base.getTime() + ms);
}

/** The test database with a keyring, so encrypted fields (the MFA secret) work. */
export function withKeyring(database: Database): Database {
  return { ...database, keyring: createKeyring(masterKeysForTests()) };
}

let seq = 0;

export async function seedAuthOrg(database: Database): Promise<Ctx> {
  seq += 1;
  const slug = `auth-${process.pid}-${seq}-${Math.floor(Math.random() * 1e9)}`;
  const { org } = await createOrg(database.db, { name: `Auth Org ${seq}`, slug, baseCurrency: 'CNY' });
  return contextFor(database, org, { clock: fixedClock('2025-06-30' as BusinessDate), actor: 'test' });
}

export async function seedUser(
  ctx: Ctx,
  options: { roles?: string[]; email?: string; password?: string; salesperson?: string } = {},
) {
  seq += 1;
  const email = options.email ?? `user${seq}@example.com`;
  const { user } = await createUser(
    ctx,
    {
      email,
      roles: options.roles ?? ['ar_clerk'],
      password: options.password ?? PASSWORD,
      ...(options.salesperson ? { salesperson: options.salesperson } : {}),
    },
    { hashing: TEST_HASHING },
  );
  return user;
}

/** The context a signed-in user's API request gets. */
export function asUser(ctx: Ctx, userId: string): Ctx {
  return { ...ctx, userId };
}

export function signIn(
  database: Database,
  ctx: Ctx,
  input: Partial<LoginInput> & { email: string },
  now: Date = NOW,
): Promise<LoginResult> {
  return login(
    database.db,
    { org: ctx.org.slug, password: PASSWORD, ip: '192.0.2.1', userAgent: 'vitest', ...input },
    now,
    { keyring: database.keyring, hashing: TEST_HASHING },
  );
}

/** The error code a promise rejects with. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'resolved';
}
