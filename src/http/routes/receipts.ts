import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getReceipt,
  listReceipts,
  recordReceipt,
  refundReceipt,
  reverseReceipt,
  ZListReceiptsQuery,
  ZReceiptDto,
  ZRecordReceiptRequest,
  ZRefundRequest,
} from '../../modules/receivables/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { ERROR_RESPONSES, pageOf, ZAsOfQuery, ZIdParams, ZOptionalReverseRequest } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['receipts'];

export const receiptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/receipts',
    {
      schema: {
        tags,
        summary:
          'List receipts, newest first (filter by customer, date, number or reference, unapplied; cursor)',
        querystring: ZListReceiptsQuery,
        response: { 200: pageOf(ZReceiptDto), ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.read' },
    },
    (request) => listReceipts(ctxOf(request), request.query),
  );

  app.post(
    '/api/receipts',
    {
      schema: {
        tags,
        summary: 'Record a receipt, optionally applying it to invoices in the same step',
        body: ZRecordReceiptRequest,
        response: { 201: ZReceiptDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.write' },
    },
    async (request, reply) => reply.code(201).send(await recordReceipt(ctxOf(request), request.body)),
  );

  app.get(
    '/api/receipts/:id',
    {
      schema: {
        tags,
        summary: 'A receipt by id or number, with its applications',
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZReceiptDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.read' },
    },
    (request) =>
      getReceipt(ctxOf(request), request.params.id, request.query.as_of as BusinessDate | undefined),
  );

  app.post(
    '/api/receipts/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse a receipt (a bounced payment), undoing its live applications',
        params: ZIdParams,
        body: ZOptionalReverseRequest,
        response: { 200: ZReceiptDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.write' },
    },
    (request) => reverseReceipt(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/receipts/:id/refunds',
    {
      schema: {
        tags,
        summary: "Refund (part of) a receipt's unapplied cash",
        params: ZIdParams,
        body: ZRefundRequest.omit({ receipt: true }),
        response: { 201: ZReceiptDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.write' },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await refundReceipt(ctxOf(request), { ...request.body, receipt: request.params.id })),
  );
};
