import { adminMessages } from '../../features/admin/admin.messages.ts';
import { authMessages } from '../../features/auth/auth.messages.ts';
import { bankingMessages } from '../../features/banking/banking.messages.ts';
import { customersMessages } from '../../features/customers/customers.messages.ts';
import { dashboardMessages } from '../../features/dashboard/dashboard.messages.ts';
import { importsMessages } from '../../features/imports/imports.messages.ts';
import { invoicesMessages } from '../../features/invoices/invoices.messages.ts';
import { receiptsMessages } from '../../features/receipts/receipts.messages.ts';
import { mergeCatalogues } from './catalogue.ts';
import { commonMessages } from './common.messages.ts';

/** Every string of the app, by language. */
export const MESSAGES = mergeCatalogues([
  commonMessages,
  authMessages,
  dashboardMessages,
  customersMessages,
  invoicesMessages,
  receiptsMessages,
  importsMessages,
  adminMessages,
  bankingMessages,
]);
