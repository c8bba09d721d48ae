import { BUILT_IN_ROLE_PERMISSIONS, isBuiltInRole, isPermission, type Permission } from './permissions.ts';

/** Everything the user's roles grant: built-in roles from code, custom roles from their rows. */
export function permissionsOf(
  roles: readonly string[],
  customRolePermissions: ReadonlyMap<string, readonly string[]>,
): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) {
    const list = isBuiltInRole(role)
      ? BUILT_IN_ROLE_PERMISSIONS[role]
      : (customRolePermissions.get(role) ?? []);
    // A custom role may still name a permission the catalogue has since dropped: it grants nothing.
    for (const p of list) if (isPermission(p)) granted.add(p);
  }
  return granted;
}

/** An API token can do what its scopes say and its user can still do, whichever is less. */
export function intersectScopes(
  permissions: ReadonlySet<Permission>,
  scopes: readonly string[],
): Set<Permission> {
  return new Set(scopes.filter((s): s is Permission => isPermission(s) && permissions.has(s)));
}

const COLLECTOR_PERMISSIONS: ReadonlySet<Permission> = new Set(BUILT_IN_ROLE_PERMISSIONS.collector);

/**
 * The rule for "collectors see only their own customers": when the org turns it on, a user is
 * confined to the customers whose salesperson is theirs if they hold the collector role and their
 * roles grant nothing beyond what a collector may do. Anyone with more (an AR clerk, an auditor, a
 * manager) who also collects sees every customer. A confined user without a salesperson name is
 * confined to their email, so a missing name never widens what they see.
 */
export function salespersonScopeOf(user: {
  isCollectorsOwnOnly: boolean;
  roles: readonly string[];
  permissions: ReadonlySet<Permission>;
  salesperson: string | null;
  email: string;
}): string | null {
  if (!user.isCollectorsOwnOnly || !user.roles.includes('collector')) return null;
  for (const p of user.permissions) if (!COLLECTOR_PERMISSIONS.has(p)) return null;
  return user.salesperson?.trim() || user.email;
}

/** The org requires MFA for one of the user's roles and the user has not enrolled. */
export function isMfaEnrolmentDue(
  roles: readonly string[],
  mfaRequiredRoles: readonly string[],
  isMfaEnabled: boolean,
): boolean {
  return !isMfaEnabled && roles.some((r) => mfaRequiredRoles.includes(r));
}
