import type { Ctx } from '../../../shared/context/index.ts';
import { newId } from '../../../shared/db/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import type { TCreateApiTokenRequest, TCreatedApiTokenDto } from '../auth.schemas.ts';
import type { Permission } from '../permissions.ts';
import { loadPrincipalFacts } from '../principal.repository.ts';
import { permissionsOf } from '../principal-rules.ts';
import { randomToken, sha256 } from '../secrets.ts';
import { selfOf } from '../self.ts';
import { requireUserRow } from '../users/users.repository.ts';
import { selectApiTokens, TOKEN_PREFIX, toApiTokenDto } from './api-tokens.repository.ts';

export type CreateApiTokenInput = TCreateApiTokenRequest & {
  /** id or email; default the signed-in user */ user?: string;
};

/**
 * A token for scripts: `stl_` and 256 random bits, shown once, stored as its sha256. Its scopes
 * default to what the user holds now and may not exceed it, nor `grantable` (what the caller's own
 * principal holds: a token cannot mint a stronger token).
 */
export async function createApiToken(
  ctx: Ctx,
  input: CreateApiTokenInput,
  options: { grantable?: ReadonlySet<Permission> } = {},
): Promise<TCreatedApiTokenDto> {
  const user = await requireUserRow(ctx.db, ctx.org.id, input.user ?? selfOf(ctx));
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  const facts = await loadPrincipalFacts(ctx.db, ctx.org.id, user.id);
  const held = [...permissionsOf(facts?.roles ?? [], facts?.customRolePermissions ?? new Map())].filter(
    (p) => !options.grantable || options.grantable.has(p),
  );
  const scopes = [...new Set(input.scopes ?? held)];
  const beyond = scopes.filter((s) => !held.includes(s));
  if (beyond.length > 0) {
    throw new AppError('PERMISSION_DENIED', {
      message: `the token cannot have ${beyond.join(', ')}: the user does not hold it`,
      details: { scopes: beyond },
    });
  }
  if (scopes.length === 0)
    throw new AppError('VALIDATION_FAILED', { message: 'the token would have no permissions' });
  const now = ctx.clock.now();
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  if (expiresAt && expiresAt <= now)
    throw new AppError('VALIDATION_FAILED', { message: 'expires_at is in the past' });
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const id = newId(now.getTime());
  await ctx.db
    .insertInto('api_tokens')
    .values({
      org_id: ctx.org.id,
      id,
      user_id: user.id,
      name: input.name,
      token_hash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      scopes,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  const row = await selectApiTokens(ctx.db, ctx.org.id).where('t.id', '=', id).executeTakeFirstOrThrow();
  return { token, api_token: toApiTokenDto(row) };
}
