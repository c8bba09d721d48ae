import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  allocate,
  listAllocations,
  reverseAllocation,
  ZAllocateRequest,
  ZAllocationDto,
  ZListDocumentsQuery,
} from '../../modules/receivables/index.ts';
import { ERROR_RESPONSES, pageOf, ZOptionalReverseRequest, ZUuidParams } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['allocations'];

export const allocationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/allocations',
    {
      schema: {
        tags,
        summary: 'List applications by date (filter by customer and date, cursor)',
        querystring: ZListDocumentsQuery,
        response: { 200: pageOf(ZAllocationDto), ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.read' },
    },
    (request) => listAllocations(ctxOf(request), request.query),
  );

  app.post(
    '/api/allocations',
    {
      schema: {
        tags,
        summary: 'Apply a receipt or credit note to an invoice',
        body: ZAllocateRequest,
        response: { 201: ZAllocationDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.apply' },
    },
    async (request, reply) => reply.code(201).send(await allocate(ctxOf(request), request.body)),
  );

  app.post(
    '/api/allocations/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Unapply: the allocation stays in force before the reversal date',
        params: ZUuidParams,
        body: ZOptionalReverseRequest,
        response: { 200: ZAllocationDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.apply' },
    },
    (request) => reverseAllocation(ctxOf(request), request.params.id, request.body),
  );
};
