import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listDisputes,
  openDispute,
  resolveDispute,
  ZDisputeDto,
  ZListDisputesQuery,
  ZOpenDisputeRequest,
  ZResolveDisputeRequest,
} from '../../modules/receivables/index.ts';
import { ERROR_RESPONSES, pageOf, ZIdParams, ZUuidParams } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['disputes'];

export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/disputes',
    {
      schema: {
        tags,
        summary: 'List disputes as of a date (filter by customer, invoice and status, cursor)',
        querystring: ZListDisputesQuery,
        response: { 200: pageOf(ZDisputeDto), ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.read' },
    },
    (request) => listDisputes(ctxOf(request), request.query),
  );

  app.post(
    '/api/invoices/:id/disputes',
    {
      schema: {
        tags,
        summary: 'Open a dispute on an invoice (dunning pauses for it while open)',
        params: ZIdParams,
        body: ZOpenDisputeRequest.omit({ invoice: true }),
        response: { 201: ZDisputeDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'collections.write' },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await openDispute(ctxOf(request), { ...request.body, invoice: request.params.id })),
  );

  app.post(
    '/api/disputes/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve a dispute with what was agreed',
        params: ZUuidParams,
        body: ZResolveDisputeRequest.omit({ dispute: true }),
        response: { 200: ZDisputeDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'collections.write' },
    },
    (request) => resolveDispute(ctxOf(request), { ...request.body, dispute: request.params.id }),
  );
};
