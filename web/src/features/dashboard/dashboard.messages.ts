import { defineMessages } from '../../shared/i18n/catalogue.ts';

/** Strings of the dashboard screens: keys start with 'dashboard.'. */
export const dashboardMessages = defineMessages({}, {});
