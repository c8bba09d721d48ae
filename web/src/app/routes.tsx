import type { ComponentType } from 'react';
import { RolesPage } from '../features/admin/RolesPage.tsx';
import { SettingsPage } from '../features/admin/SettingsPage.tsx';
import { UsersPage } from '../features/admin/UsersPage.tsx';
import { BankReconciliationPage } from '../features/banking/BankReconciliationPage.tsx';
import { CustomerDetailPage } from '../features/customers/CustomerDetailPage.tsx';
import { CustomersPage } from '../features/customers/CustomersPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { ImportPage } from '../features/imports/ImportPage.tsx';
import { CreditNotesPage } from '../features/invoices/CreditNotesPage.tsx';
import { InvoiceDetailPage } from '../features/invoices/InvoiceDetailPage.tsx';
import { InvoicesPage } from '../features/invoices/InvoicesPage.tsx';
import { ReceiptDetailPage } from '../features/receipts/ReceiptDetailPage.tsx';
import { ReceiptEntryPage } from '../features/receipts/ReceiptEntryPage.tsx';
import { ReceiptsPage } from '../features/receipts/ReceiptsPage.tsx';

export type AppRoute = { path: string; element: ComponentType; permission?: string };

/** Every screen, with the permission it needs (the menu hides what the user cannot open). */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', element: DashboardPage, permission: 'reports.read' },
  { path: '/customers', element: CustomersPage, permission: 'customers.read' },
  { path: '/customers/:id', element: CustomerDetailPage, permission: 'customers.read' },
  { path: '/invoices', element: InvoicesPage, permission: 'invoices.read' },
  { path: '/invoices/:id', element: InvoiceDetailPage, permission: 'invoices.read' },
  { path: '/credit-notes', element: CreditNotesPage, permission: 'invoices.read' },
  { path: '/receipts', element: ReceiptsPage, permission: 'receipts.read' },
  { path: '/receipts/new', element: ReceiptEntryPage, permission: 'receipts.write' },
  { path: '/receipts/:id', element: ReceiptDetailPage, permission: 'receipts.read' },
  { path: '/imports', element: ImportPage, permission: 'invoices.write' },
  { path: '/bank', element: BankReconciliationPage, permission: 'receipts.read' },
  { path: '/admin/users', element: UsersPage, permission: 'users.manage' },
  { path: '/admin/roles', element: RolesPage, permission: 'roles.manage' },
  // Everyone reaches their own account here; the organisation tabs need settings.manage.
  { path: '/settings', element: SettingsPage },
];
