import { defineMessages } from '../../shared/i18n/catalogue.ts';

/** Strings of the bank reconciliation screens: keys start with 'banking.'. */
export const bankingMessages = defineMessages({}, {});
