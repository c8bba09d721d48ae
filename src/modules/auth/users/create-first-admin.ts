import type { Ctx } from '../../../shared/context/index.ts';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { HashingOptions } from '../auth.types.ts';
import { createUserInTx } from './create-user.ts';
import { preparePassword } from './prepare-password.ts';
import { type TUserDto, ZEmail } from './users.schemas.ts';

export type FirstAdminResult = {
  created: boolean;
  user: TUserDto | null;
  /** The generated password, shown once; null when one was given or nothing was created. */
  generatedPassword: string | null;
};

const NOTHING: FirstAdminResult = { created: false, user: null, generatedPassword: null };

async function hasUsers(db: DbOrTx, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * For `settle init`: the org's first user, an admin, with a generated password unless one is
 * given. Safe to run again: once the org has any user nothing is created (`settle users` manages
 * them from then on).
 */
export async function createFirstAdmin(
  ctx: Ctx,
  input: { email: string; password?: string; displayName?: string },
  options: HashingOptions = {},
): Promise<FirstAdminResult> {
  const parsed = ZEmail.safeParse(input.email);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', { message: `"${input.email}" is not an email address` });
  }
  const email = parsed.data;
  if (await hasUsers(ctx.db, ctx.org.id)) return NOTHING;
  const password = await preparePassword(ctx.db, ctx.org.id, email, input.password, options.hashing);
  return ctx.db.transaction().execute(async (trx) => {
    if (await hasUsers(trx, ctx.org.id)) return NOTHING;
    const request = {
      email,
      roles: ['admin'],
      ...(input.displayName ? { display_name: input.displayName } : {}),
    };
    const { user, generated_password } = await createUserInTx(trx, ctx, request, password);
    return { created: true, user, generatedPassword: generated_password };
  });
}
