import type { Ctx } from '../../../shared/context/index.ts';
import { UUID_PATTERN } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { TApiTokenDto } from '../auth.schemas.ts';
import { selectApiTokens, toApiTokenDto } from './api-tokens.repository.ts';

/** Revoked at once and for good; revoking twice is harmless. `userId` limits it to one user's tokens. */
export async function revokeApiToken(
  ctx: Ctx,
  id: string,
  filter: { userId?: string } = {},
): Promise<TApiTokenDto> {
  const notFound = new AppError('TOKEN_NOT_FOUND', { message: `no API token "${id}"`, details: { id } });
  if (!UUID_PATTERN.test(id)) throw notFound;
  let q = ctx.db
    .updateTable('api_tokens')
    .set({ revoked_at: ctx.clock.now() })
    .where('org_id', '=', ctx.org.id)
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (filter.userId) q = q.where('user_id', '=', filter.userId);
  await q.execute();
  let s = selectApiTokens(ctx.db, ctx.org.id).where('t.id', '=', id);
  if (filter.userId) s = s.where('t.user_id', '=', filter.userId);
  const row = await s.executeTakeFirst();
  if (!row) throw notFound;
  return toApiTokenDto(row);
}
