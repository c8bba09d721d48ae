import type { DbOrTx } from '../../../shared/db/index.ts';
import type { Permission } from '../permissions.ts';
import { loadPrincipalFacts } from '../principal.repository.ts';
import { permissionsOf } from '../principal-rules.ts';
import { assertGrantable } from '../roles/grantable.ts';

/**
 * A user manager acts only on users whose authority is within their own: otherwise resetting an
 * admin's password (and reading the generated one) would make anyone with users.manage an admin.
 */
export async function assertUserWithinReach(
  db: DbOrTx,
  orgId: string,
  userId: string,
  grantable: ReadonlySet<Permission> | undefined,
): Promise<void> {
  if (!grantable) return;
  const facts = await loadPrincipalFacts(db, orgId, userId);
  assertGrantable(permissionsOf(facts?.roles ?? [], facts?.customRolePermissions ?? new Map()), grantable);
}
