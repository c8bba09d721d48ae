import type { TMeDto } from './auth.schemas.ts';
import type { Principal } from './auth.types.ts';
import { PERMISSIONS } from './permissions.ts';

/** The signed-in caller as the API shows it: no session or token secret. */
export function describePrincipal(principal: Principal): TMeDto {
  return {
    id: principal.userId,
    email: principal.email,
    display_name: principal.displayName,
    org_id: principal.orgId,
    roles: principal.roles,
    permissions: PERMISSIONS.filter((p) => principal.permissions.has(p)),
    salesperson_scope: principal.salesperson,
    must_enrol_mfa: principal.mustEnrolMfa,
    mfa_enabled: principal.isMfaEnabled,
    via: principal.via.kind,
  };
}
