import { PERMISSIONS } from '../../../../src/modules/auth/permissions.ts';

export type Area =
  | 'customers'
  | 'invoices'
  | 'receipts'
  | 'banking'
  | 'collections'
  | 'credit'
  | 'reports'
  | 'administration';

/** The permission catalogue grouped by the area of work it opens, in menu order. */
const AREAS: readonly { area: Area; permissions: readonly string[] }[] = [
  { area: 'customers', permissions: ['customers.read', 'customers.write'] },
  { area: 'invoices', permissions: ['invoices.read', 'invoices.write'] },
  {
    area: 'receipts',
    permissions: ['receipts.read', 'receipts.write', 'receipts.apply', 'writeoffs.create'],
  },
  { area: 'banking', permissions: ['bank.import', 'matching.review'] },
  { area: 'collections', permissions: ['collections.write', 'dunning.configure', 'dunning.run'] },
  { area: 'credit', permissions: ['credit.request', 'credit.approve'] },
  { area: 'reports', permissions: ['reports.read', 'export.data'] },
  {
    area: 'administration',
    permissions: ['settings.manage', 'users.manage', 'roles.manage', 'keys.manage', 'audit.read'],
  },
];

const GROUPED = new Set(AREAS.flatMap((a) => a.permissions));
/** A permission added to the catalogue later still shows up, under administration. */
const UNGROUPED: readonly string[] = PERMISSIONS.filter((p) => !GROUPED.has(p));

export const PERMISSION_AREAS: readonly { area: Area; permissions: readonly string[] }[] = AREAS.map((a) =>
  a.area === 'administration' ? { ...a, permissions: [...a.permissions, ...UNGROUPED] } : a,
);

export const PERMISSION_COUNT = PERMISSIONS.length;
