import { z } from 'zod';
import { isBusinessDate } from '../../shared/time/index.ts';
import { ZCurrency } from '../customers/index.ts';

const ZDate = z
  .string()
  .refine((s: string): boolean => isBusinessDate(s), { message: 'a date as YYYY-MM-DD' });

const ZIdentifier = z
  .string()
  .trim()
  .min(4)
  .max(64)
  .regex(/^[\p{L}\p{N}\s-]+$/u, 'letters, digits, spaces and hyphens');

export const ZCreateBankAccountRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    currency: ZCurrency,
    iban: ZIdentifier.nullish(),
    number: ZIdentifier.nullish(),
    gl_account_code: z.string().trim().min(1).max(20).optional(),
  })
  .strict();
export type TCreateBankAccountRequest = z.infer<typeof ZCreateBankAccountRequest>;

export const ZBankAccountDto = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  gl_account_code: z.string(),
  iban: z.string().nullable(),
  account_number: z.string().nullable(),
  created_at: z.string(),
});
export type TBankAccountDto = z.infer<typeof ZBankAccountDto>;

export const ZImportBankStatementQuery = z.object({
  file: z.string().trim().min(1).max(255).optional(),
  /** A bank account by id, name, IBAN or number. */
  account: z.string().trim().min(1).max(200).optional(),
  preset: z.string().trim().min(1).max(50).optional(),
  /** Match the new money-in lines right after the import (default true). */
  match: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TImportBankStatementQuery = z.infer<typeof ZImportBankStatementQuery>;

/** How the account of a statement was found. */
export const ZAccountResolution = z.enum(['identifier', 'option', 'created']);

export const ZBankImportDto = z.object({
  file: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  file_sha256: z.string(),
  statements: z.number().int(),
  /** Lines new to the database. */
  transactions: z.number().int(),
  /** Lines already imported (same file again, or an overlapping statement). */
  duplicates: z.number().int(),
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      currency: z.string(),
      resolved_by: ZAccountResolution,
      statements: z.number().int(),
      transactions: z.number().int(),
      duplicates: z.number().int(),
    }),
  ),
  /** What in the file does not hold together but lost no line (balances that do not add up…). */
  warnings: z.array(
    z.object({
      statement: z.number().int().describe('1-based position of the statement in the file'),
      code: z.string(),
      line: z.number().int().nullable(),
      element: z.string().nullable(),
      message: z.string(),
    }),
  ),
});
export type TBankImportDto = z.infer<typeof ZBankImportDto>;

/** The import as the CLI and API report it: with what became of its new money-in lines. */
export const ZBankImportReport = ZBankImportDto.extend({
  matched: z.number().int(),
  suggested: z.number().int(),
  unmatched: z.number().int(),
});
export type TBankImportReport = z.infer<typeof ZBankImportReport>;

export const ZBankTransactionStatus = z.enum(['unmatched', 'suggested', 'matched', 'ignored']);

export const ZListBankTransactionsQuery = z.object({
  status: ZBankTransactionStatus.optional(),
  account: z.string().trim().min(1).max(200).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});
export type TListBankTransactionsQuery = z.infer<typeof ZListBankTransactionsQuery>;

export const ZBankTransactionDto = z.object({
  id: z.string(),
  bank_account_id: z.string(),
  statement_id: z.string(),
  booking_date: z.string(),
  value_date: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  counterparty_name: z.string().nullable(),
  counterparty_account: z.string().nullable(),
  remittance: z.string().nullable(),
  bank_reference: z.string().nullable(),
  end_to_end_id: z.string().nullable(),
  type_code: z.string().nullable(),
  location: z.string().nullable(),
  status: ZBankTransactionStatus,
  receipt_id: z.string().nullable(),
});
export type TBankTransactionDto = z.infer<typeof ZBankTransactionDto>;
