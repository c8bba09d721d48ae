import type { Ctx } from '../../../shared/context/index.ts';
import { rolesOfUsers, toUserDto } from './users.repository.ts';
import type { TUserDto } from './users.schemas.ts';

/** Every user of the org by email: orgs have tens of users, not thousands, so no paging. */
export async function listUsers(ctx: Ctx): Promise<TUserDto[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', ctx.org.id)
    .orderBy('email')
    .execute();
  const roles = await rolesOfUsers(
    ctx.db,
    ctx.org.id,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now();
  return rows.map((r) => toUserDto(r, roles.get(r.id) ?? [], now));
}
