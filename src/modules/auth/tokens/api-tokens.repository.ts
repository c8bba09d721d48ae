import type { DbOrTx } from '../../../shared/db/index.ts';
import type { TApiTokenDto } from '../auth.schemas.ts';

export const TOKEN_PREFIX = 'stl_';

/** Tokens with their user's email; never the hash. */
export function selectApiTokens(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 't.org_id').onRef('u.id', '=', 't.user_id'))
    .select([
      't.id',
      't.user_id',
      'u.email as user_email',
      't.name',
      't.prefix',
      't.scopes',
      't.created_at',
      't.expires_at',
      't.last_used_at',
      't.revoked_at',
    ])
    .where('t.org_id', '=', orgId);
}

type ApiTokenRow = Awaited<ReturnType<ReturnType<typeof selectApiTokens>['executeTakeFirstOrThrow']>>;

export function toApiTokenDto(row: ApiTokenRow): TApiTokenDto {
  return {
    id: row.id,
    user_id: row.user_id,
    user_email: row.user_email,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    created_at: row.created_at.toISOString(),
    expires_at: row.expires_at?.toISOString() ?? null,
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}
