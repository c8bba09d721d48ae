import { sql } from 'kysely';
import type { DbOrTx } from '../../shared/db/index.ts';
import type { Principal, PrincipalVia } from './auth.types.ts';
import { intersectScopes, isMfaEnrolmentDue, permissionsOf, salespersonScopeOf } from './principal-rules.ts';

/** What a principal is made of, read in one round trip. */
export type PrincipalFacts = {
  orgId: string;
  userId: string;
  email: string;
  displayName: string;
  status: 'active' | 'disabled';
  salesperson: string | null;
  isMfaEnabled: boolean;
  roles: string[];
  customRolePermissions: Map<string, string[]>;
  mfaRequiredRoles: string[];
  isCollectorsOwnOnly: boolean;
};

export async function loadPrincipalFacts(
  db: DbOrTx,
  orgId: string,
  userId: string,
): Promise<PrincipalFacts | null> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('org_security_settings as s', 's.org_id', 'u.org_id')
    .select(['u.email', 'u.display_name', 'u.status', 'u.salesperson', 'u.mfa_enabled'])
    .select(['s.mfa_required_roles', 's.collectors_own_customers_only'])
    .select(
      sql<{ key: string; permissions: string[] | null }[]>`coalesce((
        select json_agg(json_build_object('key', ur.role_key, 'permissions', r.permissions) order by ur.role_key)
        from user_roles ur left join roles r on r.org_id = ur.org_id and r.key = ur.role_key
        where ur.org_id = u.org_id and ur.user_id = u.id), '[]'::json)`.as('roles'),
    )
    .where('u.org_id', '=', orgId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  const roles = typeof row.roles === 'string' ? (JSON.parse(row.roles) as typeof row.roles) : row.roles;
  return {
    orgId,
    userId,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    salesperson: row.salesperson,
    isMfaEnabled: row.mfa_enabled,
    roles: roles.map((r) => r.key),
    customRolePermissions: new Map(roles.flatMap((r) => (r.permissions ? [[r.key, r.permissions]] : []))),
    mfaRequiredRoles: row.mfa_required_roles ?? [],
    isCollectorsOwnOnly: row.collectors_own_customers_only ?? false,
  };
}

/** A token's principal carries its scopes; a session's, everything the user's roles grant. */
export function toPrincipal(facts: PrincipalFacts, via: PrincipalVia, scopes?: readonly string[]): Principal {
  const granted = permissionsOf(facts.roles, facts.customRolePermissions);
  return {
    orgId: facts.orgId,
    userId: facts.userId,
    email: facts.email,
    displayName: facts.displayName,
    roles: facts.roles,
    permissions: scopes ? intersectScopes(granted, scopes) : granted,
    salesperson: salespersonScopeOf({ ...facts, permissions: granted }),
    mustEnrolMfa: isMfaEnrolmentDue(facts.roles, facts.mfaRequiredRoles, facts.isMfaEnabled),
    isMfaEnabled: facts.isMfaEnabled,
    via,
  };
}
