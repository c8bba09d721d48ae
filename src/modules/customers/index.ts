export { createCustomer, createCustomerInTx } from './create-customer.ts';
export * from './customers.schemas.ts';
export { deleteCustomer } from './delete-customer.ts';
export type { CustomerRef } from './get-customer.ts';
export { getCustomer, getCustomerRef } from './get-customer.ts';
export { listCustomers } from './list-customers.ts';
export { updateCustomer } from './update-customer.ts';
