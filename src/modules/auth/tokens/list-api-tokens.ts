import type { Ctx } from '../../../shared/context/index.ts';
import type { TApiTokenDto } from '../auth.schemas.ts';
import { selectApiTokens, toApiTokenDto } from './api-tokens.repository.ts';

/** One user's tokens (self-service), or every token of the org (the local operator). Newest first. */
export async function listApiTokens(ctx: Ctx, filter: { userId?: string } = {}): Promise<TApiTokenDto[]> {
  let q = selectApiTokens(ctx.db, ctx.org.id).orderBy('t.created_at', 'desc');
  if (filter.userId) q = q.where('t.user_id', '=', filter.userId);
  return (await q.execute()).map(toApiTokenDto);
}
