import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { UUID_PATTERN } from '../../../shared/db/index.ts';
import type { UsersTable } from '../../../shared/db/tables/auth.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { TUserDto } from './users.schemas.ts';

export type UserRow = Selectable<UsersTable>;

/** Secrets (password hash, MFA secret) never leave the repository. */
export function toUserDto(row: UserRow, roles: readonly string[], now: Date): TUserDto {
  return {
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    status: row.status,
    roles: [...roles],
    salesperson: row.salesperson,
    locale: row.locale,
    mfa_enabled: row.mfa_enabled,
    is_locked: row.locked_until !== null && row.locked_until > now,
    locked_until: row.locked_until && row.locked_until > now ? row.locked_until.toISOString() : null,
    last_login_at: row.last_login_at?.toISOString() ?? null,
    password_changed_at: row.password_changed_at.toISOString(),
    created_at: row.created_at.toISOString(),
  };
}

/** A user by id or by email (the CLI speaks emails, the API ids). */
export async function findUserRow(
  db: DbOrTx,
  orgId: string,
  idOrEmail: string,
): Promise<UserRow | undefined> {
  const q = db.selectFrom('users').selectAll().where('org_id', '=', orgId);
  return UUID_PATTERN.test(idOrEmail)
    ? q.where('id', '=', idOrEmail).executeTakeFirst()
    : q.where('email', '=', idOrEmail.trim().toLowerCase()).executeTakeFirst();
}

export async function requireUserRow(db: DbOrTx, orgId: string, idOrEmail: string): Promise<UserRow> {
  const row = await findUserRow(db, orgId, idOrEmail);
  if (!row)
    throw new AppError('USER_NOT_FOUND', { message: `no user "${idOrEmail}"`, details: { user: idOrEmail } });
  return row;
}

export async function rolesOfUsers(
  db: DbOrTx,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role_key'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', userIds)
    .orderBy('role_key')
    .execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role_key]);
  return map;
}

export async function userDtoOf(db: DbOrTx, orgId: string, idOrEmail: string, now: Date): Promise<TUserDto> {
  const row = await requireUserRow(db, orgId, idOrEmail);
  return toUserDto(row, (await rolesOfUsers(db, orgId, [row.id])).get(row.id) ?? [], now);
}
