import { createHmac } from 'node:crypto';

/** How a field's value is made canonical before hashing, so equal values match however typed. */
export type IndexNormalisation = 'text' | 'identifier' | 'digits';

const BLIND_INDEX_BYTES = 16;

/**
 * By the field's name: phones keep digits only; tax ids and account numbers drop spaces and
 * hyphens (people write `9131 0000-1234` and `913100001234` for the same id); the rest (emails)
 * are compared as text. All are NFKC-normalised (full-width digits and spaces become ASCII),
 * trimmed and lower-cased.
 */
export function normalisationOf(field: string): IndexNormalisation {
  if (/(^|[._])phone$/.test(field)) return 'digits';
  if (/(tax_id|account_number|iban)$/.test(field)) return 'identifier';
  return 'text';
}

export function normaliseForIndex(field: string, value: string): string {
  const base = value.normalize('NFKC').trim().toLowerCase();
  const kind = normalisationOf(field);
  switch (kind) {
    case 'text':
      return base;
    case 'identifier':
      return base.replace(/[\s\-\u2010-\u2015]+/g, '');
    case 'digits':
      return base.replace(/\D+/g, '');
  }
}

/**
 * HMAC-SHA256 under the org's index key over the field name and the normalised value, cut to 16
 * bytes: enough to find a value, and no use without the key. The field name keeps an email's
 * index apart from the same text in another column.
 */
export function computeBlindIndex(indexKey: Buffer, field: string, value: string): Buffer {
  return createHmac('sha256', indexKey)
    .update(`${field}\u0000${normaliseForIndex(field, value)}`, 'utf8')
    .digest()
    .subarray(0, BLIND_INDEX_BYTES);
}
