import { z } from 'zod';
import { isCurrencyCode } from '../../shared/money/index.ts';

export const ORG_LOCALES = ['zh-CN', 'en'] as const;

/** An IANA zone the runtime knows (aliases such as `Asia/Calcutta` included). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const ZOrgSettingsDto = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  base_currency: z.string(),
  time_zone: z.string().describe('IANA zone: business dates ("today", overdue days) are taken in it'),
  locale: z.enum(ORG_LOCALES).describe('Default language of new users and of documents'),
  base_currency_locked: z
    .boolean()
    .describe('True once invoices, credit notes or receipts exist: the base currency can no longer change'),
  currencies: z.array(z.string()).describe('Every currency code the product knows'),
});
export type TOrgSettingsDto = z.infer<typeof ZOrgSettingsDto>;

/** Fields left out keep their value. */
export const ZUpdateOrgSettingsRequest = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  base_currency: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .refine((s) => isCurrencyCode(s), { message: 'unknown ISO 4217 currency code' })
    .optional(),
  time_zone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine(isTimeZone, { message: 'unknown IANA time zone, e.g. Asia/Shanghai' })
    .optional(),
  locale: z.enum(ORG_LOCALES).optional(),
});
export type TUpdateOrgSettingsRequest = z.infer<typeof ZUpdateOrgSettingsRequest>;
/** What a client sends (before the codes are normalised). */
export type TUpdateOrgSettingsBody = z.input<typeof ZUpdateOrgSettingsRequest>;
