import { z } from 'zod';
import { ZDate, ZReverseRequest } from '../modules/receivables/index.ts';
import { ERROR_CODES, type ErrorCode } from '../shared/errors/index.ts';

const CODES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(CODES),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('Every error: a stable code, a message for people, details for programs');

/** The error statuses a business route can answer with, for the OpenAPI document. */
export const ERROR_RESPONSES = {
  400: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  500: ZErrorBody,
} as const;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    next_cursor: z.string().nullable().describe('Pass back as `cursor` for the next page; null on the last'),
  });
}

export const ZIdParams = z.object({ id: z.string().trim().min(1).describe('id or number/code') });
/** Allocations and write-offs have no number: only their id names them. */
export const ZUuidParams = z.object({ id: z.uuid() });
export const ZAsOfQuery = z.object({ as_of: ZDate.optional() });
/** A reversal's body is optional (Fastify hands an absent body over as null): without a date it takes effect today. */
export const ZOptionalReverseRequest = ZReverseRequest.nullish().transform((v) => v ?? {});
export const ZNoContent = z.null().describe('No content');
