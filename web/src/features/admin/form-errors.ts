import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/api/client.ts';
import type { Locale } from '../../shared/i18n/catalogue.ts';
import type { Translate } from '../../shared/i18n/i18n.tsx';

type Issue = { in?: string; path?: string; message?: string };

/**
 * Puts the server's field errors (VALIDATION_FAILED details) on the form's fields. The server's
 * messages are English: in Chinese each field says only that its value is not valid.
 * Returns whether any field took an error (else the caller shows the error as a whole).
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  t: Translate,
  locale: Locale,
): boolean {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return false;
  const issues = (error.details as { issues?: Issue[] } | null)?.issues ?? [];
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const name = issue.path?.split('.')[0];
    if (!name || !fields.includes(name)) continue;
    const text = locale === 'en' && issue.message ? issue.message : t('admin.settings.invalid');
    byField.set(name, [...(byField.get(name) ?? []), text]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return true;
}

/** The last-admin guard answers VALIDATION_FAILED with a reason of its own. */
export function isLastAdminError(error: unknown): boolean {
  return error instanceof ApiError && (error.details as { reason?: string } | null)?.reason === 'last_admin';
}
