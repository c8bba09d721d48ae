import { defineMessages } from '../../shared/i18n/catalogue.ts';

/** Strings of the invoices screens: keys start with 'invoices.'. */
export const invoicesMessages = defineMessages({}, {});
