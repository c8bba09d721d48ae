import { defineMessages } from '../../shared/i18n/catalogue.ts';

/** Strings of the admin screens: keys start with 'admin.'. */
export const adminMessages = defineMessages({}, {});
