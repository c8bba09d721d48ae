import type { Ctx } from '../../../shared/context/index.ts';
import type { Tx } from '../../../shared/db/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { HashingOptions } from '../auth.types.ts';
import type { Grantable } from '../roles/grantable.ts';
import { replaceRoles } from './assign-roles.ts';
import { type PreparedPassword, preparePassword } from './prepare-password.ts';
import { userDtoOf } from './users.repository.ts';
import type { TCreateUserRequest, TUserWithPasswordDto } from './users.schemas.ts';

export async function createUserInTx(
  trx: Tx,
  ctx: Ctx,
  input: Omit<TCreateUserRequest, 'password'>,
  password: PreparedPassword,
  options: Grantable = {},
): Promise<TUserWithPasswordDto> {
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .where('email', '=', input.email)
    .executeTakeFirst();
  if (taken) {
    throw new AppError('USER_EXISTS', {
      message: `user ${input.email} already exists`,
      details: { email: input.email },
    });
  }
  const id = newId();
  const now = ctx.clock.now();
  await trx
    .insertInto('users')
    .values({
      org_id: ctx.org.id,
      id,
      email: input.email,
      display_name: input.display_name ?? input.email.split('@')[0] ?? input.email,
      password_hash: password.hash,
      salesperson: input.salesperson ?? null,
      locale: input.locale ?? null,
      password_changed_at: now,
      created_at: now,
    })
    .execute();
  await replaceRoles(trx, ctx.org.id, id, input.roles, options.grantable);
  return { user: await userDtoOf(trx, ctx.org.id, id, now), generated_password: password.generated };
}

export async function createUser(
  ctx: Ctx,
  input: TCreateUserRequest,
  options: HashingOptions & Grantable = {},
): Promise<TUserWithPasswordDto> {
  const password = await preparePassword(ctx.db, ctx.org.id, input.email, input.password, options.hashing);
  return ctx.db.transaction().execute((trx) => createUserInTx(trx, ctx, input, password, options));
}
