import { defineMessages } from '../../shared/i18n/catalogue.ts';

/** Strings of the receipts screens: keys start with 'receipts.'. */
export const receiptsMessages = defineMessages({}, {});
