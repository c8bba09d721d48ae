import type { Locale } from '../../shared/i18n/catalogue.ts';
import type { Translate } from '../../shared/i18n/i18n.tsx';

/**
 * What to tell the user about one problem: the server's own sentence (it names the value and the
 * fix) in English; in Chinese, the catalogue's guidance for the problem's code, since the server
 * writes its reasons in English.
 */
export function issueText(issue: { code: string; reason: string }, t: Translate, locale: Locale): string {
  return locale === 'en' ? issue.reason : t(`imports.hint.${issue.code}`);
}
