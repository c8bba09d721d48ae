/**
 * Every permission a route, command or job can ask for. Roles grant sets of these; a custom role
 * is any subset. Names are `<area>.<verb>` and stable: they are stored in custom roles.
 */
export const PERMISSIONS = [
  'customers.read',
  'customers.write',
  'invoices.read',
  'invoices.write',
  'receipts.read',
  'receipts.write',
  'receipts.apply',
  'writeoffs.create',
  'reports.read',
  'bank.import',
  'matching.review',
  'collections.write',
  'dunning.configure',
  'dunning.run',
  'credit.request',
  'credit.approve',
  'settings.manage',
  'users.manage',
  'roles.manage',
  'keys.manage',
  'audit.read',
  'export.data',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export const BUILT_IN_ROLES = ['admin', 'finance_manager', 'ar_clerk', 'collector', 'auditor'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

const READS: readonly Permission[] = PERMISSIONS.filter((p) => p.endsWith('.read'));

/** What each built-in role holds. The auditor reads everything and changes nothing. */
export const BUILT_IN_ROLE_PERMISSIONS: Readonly<Record<BuiltInRole, readonly Permission[]>> = {
  admin: PERMISSIONS,
  finance_manager: PERMISSIONS.filter(
    (p) => p !== 'users.manage' && p !== 'roles.manage' && p !== 'keys.manage',
  ),
  ar_clerk: [
    'customers.read',
    'customers.write',
    'invoices.read',
    'invoices.write',
    'receipts.read',
    'receipts.write',
    'receipts.apply',
    'reports.read',
    'bank.import',
    'matching.review',
    'collections.write',
    'credit.request',
  ],
  collector: [
    'customers.read',
    'invoices.read',
    'receipts.read',
    'reports.read',
    'collections.write',
    'credit.request',
  ],
  auditor: [...READS, 'export.data'],
};

export function isBuiltInRole(value: string): value is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(value);
}
