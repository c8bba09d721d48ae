import { AppError } from '../../../shared/errors/index.ts';
import { isPermission, PERMISSIONS, type Permission } from '../permissions.ts';

/** A custom role is built only from names in the catalogue; an unknown name is a validation error. */
export function validatePermissions(names: readonly string[]): Permission[] {
  const unknown = names.filter((n) => !isPermission(n));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      message: `unknown permission ${unknown.map((n) => `"${n}"`).join(', ')}`,
      details: { unknown_permissions: unknown, known_permissions: PERMISSIONS },
    });
  }
  // Catalogue order, no duplicates: stable rows and diffs in the audit trail.
  return PERMISSIONS.filter((p) => names.includes(p));
}
