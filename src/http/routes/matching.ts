import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmMatch,
  dismissLine,
  listReviewQueue,
  matchBankTransactions,
  undoMatch,
  ZConfirmMatchRequest,
  ZReconcileRequest,
  ZReviewItemDto,
  ZReviewQueueQuery,
  ZUndoMatchRequest,
} from '../../modules/matching/index.ts';
import { ERROR_RESPONSES, pageOf, ZNoContent, ZUuidParams } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['matching'];
const ZRunResult = z.object({
  lines: z.number(),
  matched: z.number(),
  suggested: z.number(),
  unmatched: z.number(),
});

/** The review queue of bank lines and the decisions on them: accept, match by hand, reject, ignore, undo. */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/bank/review',
    {
      schema: {
        tags,
        summary: 'Bank lines by status with their suggestion or match (side-by-side review)',
        querystring: ZReviewQueueQuery,
        response: { 200: pageOf(ZReviewItemDto), ...ERROR_RESPONSES },
      },
      config: { permission: ['matching.review', 'receipts.read'] },
    },
    (request) => listReviewQueue(ctxOf(request), request.query),
  );

  app.post(
    '/api/bank/reconcile',
    {
      schema: {
        tags,
        summary: 'Match waiting bank lines; with auto, book those at or above the auto threshold',
        body: ZReconcileRequest,
        response: { 200: ZRunResult, ...ERROR_RESPONSES },
      },
      config: { permission: 'matching.review' },
    },
    (request) => matchBankTransactions(ctxOf(request), { apply: request.body.auto }),
  );

  app.post(
    '/api/bank/transactions/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Accept the suggestion, or match by hand (customer and applications); learns the payer',
        params: ZUuidParams,
        body: ZConfirmMatchRequest,
        response: { 204: ZNoContent, ...ERROR_RESPONSES },
      },
      config: { permission: 'matching.review' },
    },
    async (request, reply) => {
      await confirmMatch(ctxOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  for (const action of ['reject', 'ignore'] as const) {
    app.post(
      `/api/bank/transactions/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'reject'
              ? 'Reject the suggestion: the line stays in the queue, unmatched'
              : 'Set the line aside: not a customer payment',
          params: ZUuidParams,
          response: { 204: ZNoContent, ...ERROR_RESPONSES },
        },
        config: { permission: 'matching.review' },
      },
      async (request, reply) => {
        await dismissLine(ctxOf(request), request.params.id, action);
        return reply.code(204).send(null);
      },
    );
  }

  app.post(
    '/api/bank/transactions/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo the match (reverses its receipt and write-off) or reopen an ignored line',
        params: ZUuidParams,
        body: ZUndoMatchRequest,
        response: { 204: ZNoContent, ...ERROR_RESPONSES },
      },
      config: { permission: 'matching.review' },
    },
    async (request, reply) => {
      await undoMatch(ctxOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};
