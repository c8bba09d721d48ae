import { defineMessages } from '../../shared/i18n/catalogue.ts';

/** Strings of the customers screens: keys start with 'customers.'. */
export const customersMessages = defineMessages({}, {});
