import { z } from 'zod';
import { isCurrencyCode } from '../../shared/money/index.ts';

export const ZChannel = z.enum(['email', 'phone', 'sms', 'wechat', 'letter']);
export const ZCurrency = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s: string): boolean => isCurrencyCode(s), { message: 'unknown ISO 4217 currency code' });
export const ZDecimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'a decimal amount in major units, e.g. "1234.56"');

export const ZContactInput = z.object({
  name: z.string().trim().min(1).max(200).nullish(),
  email: z.email().nullish(),
  phone: z.string().trim().min(3).max(50).nullish(),
  preferred_channel: ZChannel.nullish(),
  is_primary: z.boolean().optional(),
});

export const ZCreateCustomerRequest = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(300),
  legal_name: z.string().trim().max(300).nullish(),
  tax_id: z.string().trim().max(64).nullish(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166 alpha-2')
    .transform((s) => s.toUpperCase())
    .nullish(),
  currency: ZCurrency.optional(),
  payment_terms_days: z.number().int().min(0).max(3650).optional(),
  credit_limit: ZDecimal.nullish(),
  salesperson: z.string().trim().max(200).nullish(),
  tags: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  contacts: z.array(ZContactInput).max(50).optional(),
});
export type TCreateCustomerRequest = z.infer<typeof ZCreateCustomerRequest>;

export const ZUpdateCustomerRequest = ZCreateCustomerRequest.omit({ code: true, contacts: true }).partial();
export type TUpdateCustomerRequest = z.infer<typeof ZUpdateCustomerRequest>;

export const ZContactDto = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  preferred_channel: ZChannel.nullable(),
  is_primary: z.boolean(),
});

export const ZCustomerDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  legal_name: z.string().nullable(),
  tax_id: z.string().nullable(),
  country: z.string().nullable(),
  currency: z.string(),
  payment_terms_days: z.number(),
  credit_limit: z.string().nullable(),
  salesperson: z.string().nullable(),
  tags: z.array(z.string()),
  contacts: z.array(ZContactDto),
  created_at: z.string(),
  updated_at: z.string(),
});
export type TCustomerDto = z.infer<typeof ZCustomerDto>;

export const ZListCustomersQuery = z.object({
  q: z.string().trim().min(1).optional(),
  tag: z.string().optional(),
  salesperson: z.string().optional(),
  currency: z.string().optional(),
  sort: z.enum(['code', '-code', 'name', '-name', 'created_at', '-created_at']).default('code'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});
export type TListCustomersQuery = z.infer<typeof ZListCustomersQuery>;
