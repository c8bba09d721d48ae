import { defineMessages } from '../../shared/i18n/catalogue.ts';

/** Strings of the imports screens: keys start with 'imports.'. */
export const importsMessages = defineMessages({}, {});
